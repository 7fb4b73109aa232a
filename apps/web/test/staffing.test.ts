// Issue 22 (what to build 5): staffing now — on queue against scheduled on queue, per team, the gap in words —
// against the emulator's own state of every agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { gapWords, staffingNow } from '../src/board/staffing.js';
import { agentRecord } from './agent-record.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 300, clock: 'manual', startTime: NOW });
});
afterAll(() => emulator.close());

describe('staffing now', () => {
  it('counts who is scheduled on queue and who is on queue, for all and per team, as the emulator has them', () => {
    const statuses = emulator.centre.allStatuses();
    const records = statuses.map((s) =>
      agentRecord(s.agent.id, NOW, {
        teamId: s.agent.teamId,
        scheduledActivityCategory: s.span.scheduled?.category ?? 'Unscheduled',
        actualActivityCategory: s.verdict.actualCategory,
      }),
    );
    const { all, byTeam } = staffingNow(records);
    expect(all.scheduled).toBe(statuses.filter((s) => s.span.scheduled?.category === 'OnQueueWork').length);
    expect(all.onQueue).toBe(statuses.filter((s) => s.span.presence === 'OnQueue').length);
    expect(all.scheduled).toBeGreaterThan(20);
    const team = statuses[0]!.agent.teamId;
    expect(byTeam.get(team)).toEqual({
      scheduled: statuses.filter((s) => s.agent.teamId === team && s.span.scheduled?.category === 'OnQueueWork').length,
      onQueue: statuses.filter((s) => s.agent.teamId === team && s.span.presence === 'OnQueue').length,
    });
  });

  it('says the gap in words', () => {
    expect(gapWords({ scheduled: 10, onQueue: 4 })).toBe('6 short now');
    expect(gapWords({ scheduled: 10, onQueue: 12 })).toBe('2 more than scheduled');
    expect(gapWords({ scheduled: 3, onQueue: 3 })).toBe('as scheduled');
  });
});
