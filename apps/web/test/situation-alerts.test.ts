// Issue 22, what to build 1: each situation alerts once when it turns severe; those already severe when the board
// opens come together, once (one summary, not a storm).
import { describe, expect, it } from 'vitest';
import type { AgentAdherence } from '@adhere/genesys';
import { SituationWatch } from '../src/board/situation-alerts.js';
import type { Situation } from '../src/board/situations.js';

const rec = (userId: string) => ({ userId }) as AgentAdherence;
/** Situations by agent: [kind, start]; severe from 15 min (a 5-minute threshold). */
function judge(table: Record<string, [Situation['kind'], number]>) {
  return (r: AgentAdherence, now: number): Situation | undefined => {
    const s = table[r.userId];
    if (!s) return undefined;
    const ms = now - s[1];
    return { kind: s[0], ms, severe: ms >= 15 * 60_000 };
  };
}
const MIN = 60_000;

describe('situation alerts', () => {
  it('already severe at opening: listed once, longest first; then only new ones alert, each once', () => {
    const w = new SituationWatch();
    const t0 = 100 * MIN;
    const table: Record<string, [Situation['kind'], number]> = {
      a: ['breakOverrun', t0 - 20 * MIN],
      b: ['earlyLogOut', t0 - 60 * MIN],
      c: ['notOnQueue', t0 - 10 * MIN], // not severe yet
    };
    const all = ['a', 'b', 'c', 'd'].map(rec);
    const first = w.check(all, t0, judge(table));
    expect(first.alerts).toEqual([]);
    expect(first.already.map((x) => [x.userId, x.kind])).toEqual([
      ['b', 'earlyLogOut'],
      ['a', 'breakOverrun'],
    ]);
    // Five minutes on: c turns severe and alerts; a and b do not again.
    const second = w.check(all, t0 + 5 * MIN, judge(table));
    expect(second.already).toEqual([]);
    expect(second.alerts.map((x) => x.userId)).toEqual(['c']);
    expect(w.check(all, t0 + 6 * MIN, judge(table)).alerts).toEqual([]);
    // b judged again as more is known (today's schedule came): the same episode, no alert.
    table.b = ['lateLogIn', t0 - 60 * MIN];
    expect(w.check(all, t0 + 7 * MIN, judge(table)).alerts).toEqual([]);
    // a's situation ends and a new one begins: a new episode, a new alert once severe.
    table.a = ['mealOverrun', t0 + 6 * MIN];
    expect(w.check(all, t0 + 20 * MIN, judge(table)).alerts).toEqual([]);
    expect(w.check(all, t0 + 22 * MIN, judge(table)).alerts.map((x) => [x.userId, x.kind])).toEqual([
      ['a', 'mealOverrun'],
    ]);
  });

  it('muted agents never alert', () => {
    const w = new SituationWatch();
    const table: Record<string, [Situation['kind'], number]> = { a: ['breakOverrun', 0] };
    expect(w.check([rec('a')], 30 * MIN, judge(table), (id) => id === 'a')).toEqual({ alerts: [], already: [] });
  });
});
