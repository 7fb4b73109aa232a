// Issue 20, item 1: where the day is going — projection and exception budget, per agent and summed in minutes —
// checked by hand and against the emulator's own truth for the whole day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { historicalTruth, tokenFor } from '@adhere/emulator/testing';
import { createGenesysClient, searchAgentSchedules, type AgentAdherence } from '@adhere/genesys';
import { DaySchedules } from '../src/board/day-schedules.js';
import { addTallies, agentTally, dayTally, project, urgency } from '../src/board/projection.js';
import { TodayAdherence } from '../src/board/today.js';
import { BoardModel } from '../src/board/board-model.js';
import { agentRecord } from './agent-record.js';

const MIN = 60_000;

describe('projection and exception budget, by hand', () => {
  it('projects (S − O) / S and a budget of S × (1 − T) − O, in minutes', () => {
    // 480 min scheduled in all (300 so far, 180 to come), 30 min out so far, target 90%.
    const t = dayTally({ scheduledMs: 300 * MIN, exceptionMs: 30 * MIN }, 180 * MIN, 90);
    expect(t.scheduledMs).toBe(480 * MIN);
    const p = project(t);
    expect(p.projectedPercent).toBeCloseTo(93.75, 10);
    expect(p.budgetMs).toBeCloseTo(18 * MIN, 6); // 48 allowed − 30 used
    // Already missed: the budget is negative by how much.
    expect(project(dayTally({ scheduledMs: 300 * MIN, exceptionMs: 60 * MIN }, 180 * MIN, 90)).budgetMs).toBeCloseTo(
      -12 * MIN,
      6,
    );
  });

  it('says nothing is scheduled rather than dividing by zero', () => {
    const p = project(dayTally({ scheduledMs: 0, exceptionMs: 0 }, 0, 90));
    expect(p.projectedPercent).toBeUndefined();
    expect(p.budgetMs).toBe(0);
  });

  it('sums groups over minutes, not by averaging percents', () => {
    const a = dayTally({ scheduledMs: 60 * MIN, exceptionMs: 30 * MIN }, 0, 90); // 50%
    const b = dayTally({ scheduledMs: 540 * MIN, exceptionMs: 0 }, 0, 80); // 100%
    const sum = project(addTallies([a, b]));
    expect(sum.projectedPercent).toBeCloseTo(95, 10); // not 75
    expect(sum.budgetMs).toBeCloseTo((6 + 108 - 30) * MIN, 6); // each agent's own target
  });

  it('flags who will miss the target unless acted on now: the budget left is less than the spell so far', () => {
    const p = project(dayTally({ scheduledMs: 300 * MIN, exceptionMs: 40 * MIN }, 180 * MIN, 90)); // 8 min left
    expect(urgency(p, undefined)).toBeUndefined(); // in adherence now
    expect(urgency(p, 5 * MIN)).toBeUndefined();
    expect(urgency(p, 9 * MIN)).toBe('will-miss');
    expect(urgency(project(dayTally({ scheduledMs: 480 * MIN, exceptionMs: 60 * MIN }, 0, 90)), 1)).toBe('missed');
  });

  it("counts today's schedule once: clipped to the day, touching and repeated activities merged, ignored codes out", () => {
    const day = Date.UTC(2026, 10, 26);
    const act = (startMin: number, lengthMinutes: number, code = '0') => ({
      startDate: new Date(day + startMin * MIN).toISOString(),
      lengthMinutes,
      description: '',
      activityCodeId: code,
    });
    const shift = { activities: [act(-60, 120), act(60, 60), act(120, 30, 'meeting'), act(23 * 60 + 30, 60)] };
    const s = new DaySchedules(
      day,
      day + 86_400_000,
      [{ user: { id: 'a' }, shifts: [shift, shift] }],
      (c) => c !== 'meeting',
    );
    // [00:00, 02:00) and [23:30, 24:00): 150 minutes in all; the meeting is ignored.
    expect(s.restOfDayMs('a', day)).toBe(150 * MIN);
    expect(s.restOfDayMs('a', day + 90 * MIN)).toBe(60 * MIN);
    expect(s.restOfDayMs('nobody', day)).toBe(0);
  });

  it('orders act-now by who will miss the target unless acted on now, then who missed it, then the rest', () => {
    const now = Date.UTC(2026, 10, 26, 12);
    const model = new BoardModel(now);
    const out = (id: string, minutes: number) =>
      agentRecord(id, now, {
        adherenceState: 'OutOfAdherence',
        timeOfAdherenceChange: new Date(now - minutes * MIN).toISOString(),
      });
    model.replaceAll([out('long', 50), out('missed', 20), out('urgent', 10), out('short', 5)]);
    model.urgencyOf = (a) => (a.userId === 'urgent' ? 'will-miss' : a.userId === 'missed' ? 'missed' : undefined);
    const q = { states: new Set<string>(), search: '', sortKey: 'actNow' as const, descending: false };
    expect(model.selectIds(q, now)).toEqual(['urgent', 'missed', 'long', 'short']);
  });
});

describe('projection against the emulator’s truth', () => {
  const DAY_START = Date.UTC(2026, 10, 26, 0, 0); // London midnight (GMT in November)
  const NOW = DAY_START + 13.5 * 3600_000;
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ agents: 300, clock: 'manual', startTime: NOW });
  });
  afterAll(() => emulator.close());

  it("today's scheduled time so far (Genesys's figure) plus the rest of the published schedule is the whole day's", async () => {
    const token = await tokenFor(emulator);
    const client = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
    const mu = emulator.centre.topology.managementUnits[0]!;
    const dayEnd = DAY_START + 86_400_000;
    const schedules = new DaySchedules(
      DAY_START,
      dayEnd,
      await searchAgentSchedules(client, mu.id, {
        startDate: new Date(DAY_START - 86_400_000).toISOString(),
        endDate: new Date(dayEnd).toISOString(),
      }),
      () => true,
    );
    const today = new TodayAdherence(DAY_START, () => 60_000);
    const iso = (t: number) => new Date(t).toISOString();
    type Day = { adherenceScheduleSeconds: number; exceptionDurationSeconds: number };
    const dayOf = (id: string, asOf: number) =>
      (historicalTruth(emulator, id, iso(DAY_START), iso(dayEnd), mu.timeZone, asOf) as { dayMetrics: Day[] })
        .dayMetrics[0]!;
    const records = new Map<string, AgentAdherence>();
    for (const a of emulator.centre.topology.agents) {
      const s = emulator.centre.statusOf(a.index);
      const r = agentRecord(a.id, NOW, {
        managementUnitId: mu.id,
        adherenceState: 'InAdherence',
        scheduledActivityCategory: s.span.scheduled?.category ?? 'Unscheduled',
      });
      records.set(a.id, r);
      const so = dayOf(a.id, NOW);
      today.seed(r, so.adherenceScheduleSeconds, so.exceptionDurationSeconds, NOW);
    }
    const byUnit = { byUnit: new Map([[mu.id, today]]), schedules: new Map([[mu.id, schedules]]) };
    let scheduled = 0;
    let compared = 0;
    for (const a of emulator.centre.topology.agents) {
      const tally = agentTally(byUnit, records.get(a.id)!, 90, NOW)!;
      const whole = dayOf(a.id, dayEnd);
      expect(tally.scheduledMs / 1000).toBeCloseTo(whole.adherenceScheduleSeconds, 1);
      expect(tally.exceptionMs / 1000).toBeCloseTo(dayOf(a.id, NOW).exceptionDurationSeconds, 1);
      if (whole.adherenceScheduleSeconds > 0) compared++;
      scheduled += whole.adherenceScheduleSeconds;
    }
    // Most agents work today; some have it off (their projection says so, not 100%).
    expect(compared).toBeGreaterThan(150);
    expect(scheduled).toBeGreaterThan(0);
    const off = emulator.centre.topology.agents.find((a) => dayOf(a.id, dayEnd).adherenceScheduleSeconds === 0)!;
    expect(project(agentTally(byUnit, records.get(off.id)!, 90, NOW)!).projectedPercent).toBeUndefined();
  });
});

describe('budgets in words', () => {
  it('whole minutes, never seconds', async () => {
    const { minutesWords } = await import('../src/words.js');
    expect(minutesWords(46 * MIN + 11_000)).toBe('46\u00a0min');
    expect(minutesWords(141 * 60 * MIN + 31 * MIN + 59_000)).toBe('141\u00a0h 31\u00a0min');
    expect(minutesWords(30_000)).toBe('under 1\u00a0min');
  });
});
