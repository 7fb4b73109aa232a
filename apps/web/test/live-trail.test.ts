// Issue 19: the agent's day with real-time permission alone is today as the board saw it live.
import { describe, expect, it } from 'vitest';
import type { AgentAdherence } from '@adhere/genesys';
import { BoardModel } from '../src/board/board-model.js';
import { agentRecord } from './agent-record.js';

const T0 = Date.UTC(2026, 11, 5, 8, 0); // the agent's day starts here
const MIN = 60_000;
const iso = (t: number) => new Date(t).toISOString();

function rec(
  actual: string,
  state: 'InAdherence' | 'OutOfAdherence',
  changed: number,
  presence: number,
): AgentAdherence {
  return agentRecord('a1', changed, {
    adherenceState: state,
    actualActivityCategory: actual,
    presenceUpdateTime: iso(presence),
  });
}

describe('the live trail (the day as the board saw it)', () => {
  it('closes each spell at Genesys’s own change time and runs the current one to now', () => {
    // The board opens at 09:00; the agent has been on queue since 08:30 (Genesys's presenceUpdateTime).
    const m = new BoardModel(T0 + 60 * MIN);
    m.replaceAll([rec('OnQueueWork', 'InAdherence', T0 + 30 * MIN, T0 + 30 * MIN)]);
    // 09:10 a break that was not scheduled: out of adherence; 09:25 back on queue, in adherence again.
    m.apply(rec('Break', 'OutOfAdherence', T0 + 70 * MIN, T0 + 70 * MIN));
    m.apply(rec('OnQueueWork', 'InAdherence', T0 + 85 * MIN, T0 + 85 * MIN));
    // A change of adherence alone (the schedule moved under the agent) does not split the activity.
    m.apply(rec('OnQueueWork', 'OutOfAdherence', T0 + 95 * MIN, T0 + 85 * MIN));
    const now = T0 + 100 * MIN;
    const day = m.trail.dayOf(m.get('a1'), T0, now);
    const at = (s: { start: number; end: number; category: string }) => [
      (s.start - T0) / MIN,
      (s.end - T0) / MIN,
      s.category,
    ];
    expect(day.actual.map(at)).toEqual([
      [30, 70, 'OnQueueWork'],
      [70, 85, 'Break'],
      [85, 100, 'OnQueueWork'],
    ]);
    expect(day.out.map(at)).toEqual([
      [70, 85, 'out'],
      [95, 100, 'out'],
    ]);
    expect(m.trail.since).toBe(T0 + 60 * MIN);
  });

  it('clips to the day, keeps a bounded number of spells, and knows nothing of an agent it never saw', () => {
    const m = new BoardModel(T0);
    // Since yesterday evening on a break: the spell starts at the day's start.
    m.replaceAll([rec('Break', 'InAdherence', T0 - 600 * MIN, T0 - 600 * MIN)]);
    for (let i = 1; i <= 200; i++)
      m.apply(rec(i % 2 ? 'OnQueueWork' : 'Break', 'InAdherence', T0 - 600 * MIN, T0 + i * MIN));
    const day = m.trail.dayOf(m.get('a1'), T0, T0 + 300 * MIN);
    expect(day.actual.length).toBe(65); // 64 closed spells kept, and the one running now
    expect(day.actual.at(-1)).toEqual({ start: T0 + 200 * MIN, end: T0 + 300 * MIN, category: 'Break' });
    expect(day.actual.every((s) => s.start >= T0 && s.end <= T0 + 300 * MIN)).toBe(true);
    expect(m.trail.dayOf(undefined, T0, T0 + MIN)).toEqual({ actual: [], out: [] });
  });
});
