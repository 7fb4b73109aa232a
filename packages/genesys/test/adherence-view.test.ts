import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdherenceView, recordTime, type AgentAdherence } from '@adhere/genesys';

const STATES = ['InAdherence', 'OutOfAdherence', 'Unscheduled'] as const;
const AGENTS = 5;

function record(agent: number, time: number, state: string, removed = false): AgentAdherence {
  return {
    userId: `a${agent}`,
    managementUnitId: 'mu',
    teamId: undefined,
    adherenceState: state as AgentAdherence['adherenceState'],
    impact: undefined,
    scheduledActivityCategory: undefined,
    scheduledActivityCodeId: undefined,
    actualActivityCategory: undefined,
    systemPresence: undefined,
    routingStatus: undefined,
    timeOfAdherenceChange: new Date(time * 1000).toISOString(),
    presenceUpdateTime: undefined,
    isOutOfOffice: false,
    removedFromManagementUnit: removed,
    nextActivity: undefined,
  };
}

/** The server's state after the first `k` changes: the latest record per agent, removed agents absent. */
function serverAt(changes: AgentAdherence[], k: number): Map<string, AgentAdherence> {
  const m = new Map<string, AgentAdherence>();
  for (const c of changes.slice(0, k)) {
    if (c.removedFromManagementUnit) m.delete(c.userId);
    else m.set(c.userId, c);
  }
  return m;
}

const scenario = fc.record({
  ops: fc.array(fc.record({ agent: fc.nat(AGENTS - 1), state: fc.constantFrom(...STATES), remove: fc.boolean() }), {
    maxLength: 30,
  }),
  priorities: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  lost: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
  snapshots: fc.array(fc.record({ begin: fc.nat(), respond: fc.nat(), k: fc.nat() }), { maxLength: 4 }),
});

describe('AdherenceView: snapshots and events merged latest-wins', () => {
  it('converges to the server’s last state for every interleaving of snapshots, events, losses and removals', () => {
    fc.assert(
      fc.property(scenario, ({ ops, priorities, lost, snapshots }) => {
        // The truth: every agent starts in adherence, then the changes, each with its own (later) time.
        const changes: AgentAdherence[] = [];
        const present = new Set<number>();
        for (let a = 0; a < AGENTS; a++) {
          changes.push(record(a, changes.length + 1, 'InAdherence'));
          present.add(a);
        }
        for (const op of ops) {
          const removing = op.remove && present.has(op.agent);
          changes.push(record(op.agent, changes.length + 1, op.state, removing));
          if (removing) present.delete(op.agent);
          else present.add(op.agent);
        }
        // Events arrive in any order; some are lost (a dropped socket), which a resync snapshot then covers.
        const order = changes.map((_, i) => i).sort((x, y) => priorities[x]! - priorities[y]! || x - y);
        const n = order.length;
        const view = new AdherenceView();
        const delivered: number[] = [];
        /** Agents a snapshot said were gone, with how many changes that snapshot had seen. */
        const goneAt = new Map<string, number>();
        const plan = snapshots.map((s) => {
          const begin = s.begin % (n + 1);
          return { begin, respond: begin + (s.respond % (n + 1 - begin)), k: s.k, since: -1, full: false };
        });
        // One snapshot at a time, as the live core runs them (a new one supersedes one in flight): each begins
        // after the previous answered, and sees the server no earlier than the previous did.
        plan.sort((x, y) => x.begin - y.begin);
        for (let j = 1; j < plan.length; j++) {
          plan[j]!.begin = Math.max(plan[j]!.begin, plan[j - 1]!.respond);
          plan[j]!.respond = Math.max(plan[j]!.respond, plan[j]!.begin);
        }
        let lastK = 0;
        const anyLost = order.some((i) => lost[i]);
        // A lost event means a dropped socket: the stream resyncs with a snapshot of the server as it is now.
        if (anyLost) plan.push({ begin: n, respond: n, k: changes.length, since: -1, full: true });
        for (let p = 0; p <= n; p++) {
          for (const s of plan)
            if (s.begin === p) {
              s.since = view.beginSnapshot();
              // The server answers with a state no older than any event delivered before the request.
              const floor = Math.max(lastK, ...delivered.map((i) => i + 1));
              if (!s.full) s.k = floor + (s.k % (changes.length - floor + 1));
              lastK = s.k;
            }
          for (const s of plan)
            if (s.respond === p) {
              const state = serverAt(changes, s.k);
              view.mergeSnapshot([...state.values()], s.since);
              for (let a = 0; a < AGENTS; a++)
                if (!state.has(`a${a}`)) goneAt.set(`a${a}`, Math.max(goneAt.get(`a${a}`) ?? 0, s.k));
            }
          if (p < n) {
            const i = order[p]!;
            if (!lost[i]) {
              view.apply(changes[i]!);
              delivered.push(i);
            }
          }
          // No newer event is ever lost: the view holds, for each agent, nothing older than its newest
          // delivered event (or, after a delivered removal newer than anything else, nothing at all).
          const newest = new Map<string, AgentAdherence>();
          for (const i of delivered) {
            const c = changes[i]!;
            const held = newest.get(c.userId);
            if (!held || recordTime(c) > recordTime(held)) newest.set(c.userId, c);
          }
          for (const [id, c] of newest) {
            const v = view.get(id);
            if (c.removedFromManagementUnit) expect(!v || recordTime(v) > recordTime(c)).toBe(true);
            else if (v) expect(recordTime(v)).toBeGreaterThanOrEqual(recordTime(c));
            // Absent only when a snapshot that had seen a later change said the agent was gone.
            else expect(goneAt.get(id) ?? 0).toBeGreaterThan(changes.indexOf(c));
          }
        }
        const truth = serverAt(changes, changes.length);
        expect(new Map(view.all().map((r) => [r.userId, r]))).toEqual(truth);
      }),
      { numRuns: 2000 },
    );
  });

  it('an event that arrives while a snapshot is in flight survives the older snapshot', () => {
    const view = new AdherenceView();
    view.replaceAll([record(0, 1, 'InAdherence'), record(1, 1, 'InAdherence')]);
    const since = view.beginSnapshot();
    view.apply(record(0, 5, 'OutOfAdherence')); // arrives during the request
    view.mergeSnapshot([record(0, 3, 'Unscheduled'), record(1, 4, 'OutOfAdherence')], since);
    expect(view.get('a0')!.adherenceState).toBe('OutOfAdherence');
    expect(view.get('a1')!.adherenceState).toBe('OutOfAdherence');
  });

  it('a removal is remembered: an older snapshot does not bring the agent back, a newer change does', () => {
    const view = new AdherenceView();
    view.replaceAll([record(0, 1, 'InAdherence')]);
    const since = view.beginSnapshot();
    view.apply(record(0, 5, 'InAdherence', true));
    view.mergeSnapshot([record(0, 3, 'InAdherence')], since);
    expect(view.get('a0')).toBeUndefined();
    view.apply(record(0, 6, 'OutOfAdherence'));
    expect(view.get('a0')!.adherenceState).toBe('OutOfAdherence');
  });

  it('an agent moved between two units the view holds: gone from the old, in the new, whichever word comes first', () => {
    const inUnit = (unit: string, r: AgentAdherence) => ({ ...r, managementUnitId: unit });
    // Genesys sends the removal to the old unit and the agent's state as it stands to the new: the same times.
    const removal = inUnit('A', record(0, 5, 'InAdherence', true));
    const joined = inUnit('B', record(0, 5, 'InAdherence'));
    for (const order of [
      [removal, joined],
      [joined, removal],
    ]) {
      const view = new AdherenceView();
      view.replaceAll([inUnit('A', record(0, 5, 'InAdherence'))]);
      for (const r of order) view.apply(r);
      expect(view.get('a0')?.managementUnitId).toBe('B');
      // A late word of the old unit, no newer than the removal, does not bring the agent back there.
      expect(view.apply(inUnit('A', record(0, 4, 'OutOfAdherence')))).toBe(false);
      expect(view.get('a0')?.managementUnitId).toBe('B');
    }
    // Removed from a unit the view does not hold the new one of: gone, and a stale record of that unit stays out.
    const view = new AdherenceView();
    view.replaceAll([inUnit('A', record(0, 5, 'InAdherence'))]);
    view.apply(removal);
    expect(view.apply(inUnit('A', record(0, 5, 'OutOfAdherence')))).toBe(false);
    expect(view.size).toBe(0);
  });
});
