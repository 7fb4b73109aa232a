/** @module The seeded habits of an emulator's agents: the truth a pattern finder's test compares with. */
import type { Emulator } from '../server.js';
import { habitOf, type Habit } from '../simulation/shift.js';

export type { Habit };

/** Every agent of `managementUnitId` (or of the whole centre) that has a habit, with it. */
export function seededHabits(emulator: Emulator, managementUnitId?: string): Array<{ userId: string; habit: Habit }> {
  const topo = emulator.centre.topology;
  return topo.agents
    .filter((a) => !managementUnitId || a.managementUnitId === managementUnitId)
    .flatMap((a) => {
      const habit = habitOf(topo.seed, a);
      return habit ? [{ userId: a.id, habit }] : [];
    });
}
