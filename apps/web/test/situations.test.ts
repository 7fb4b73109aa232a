// Issue 22 (what to build 1): situations named in words, each past its own threshold, severe from three times it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITUATION_MINUTES as M, situationOf } from '../src/board/situations.js';
import { agentRecord } from './agent-record.js';

const NOW = Date.UTC(2026, 10, 26, 12);
const MIN = 60_000;
const SHIFT = { start: NOW - 60 * MIN, end: NOW + 7 * 60 * MIN };
const out = (minutes: number, patch: Parameters<typeof agentRecord>[2]) =>
  agentRecord('a', NOW, {
    adherenceState: 'OutOfAdherence',
    scheduledActivityCategory: 'OnQueueWork',
    actualActivityCategory: 'OnQueueWork',
    systemPresence: 'OnQueue',
    routingStatus: 'IDLE',
    timeOfAdherenceChange: new Date(NOW - minutes * MIN).toISOString(),
    ...patch,
  });

describe('situations', () => {
  it.each([
    [
      'not logged in since before the shift: late log-in',
      {
        systemPresence: 'Offline',
        actualActivityCategory: 'Unavailable',
        presenceUpdateTime: new Date(SHIFT.start - 14 * 3600_000).toISOString(),
      },
      'lateLogIn',
    ],
    [
      'logged out during the shift: logged out early',
      {
        systemPresence: 'Offline',
        actualActivityCategory: 'Unavailable',
        presenceUpdateTime: new Date(NOW - 20 * MIN).toISOString(),
      },
      'earlyLogOut',
    ],
    [
      'on break when scheduled on queue: break overrun',
      { systemPresence: 'Break', actualActivityCategory: 'Break', routingStatus: 'OFF_QUEUE' },
      'breakOverrun',
    ],
    [
      'at meal when scheduled on queue: meal overrun',
      { systemPresence: 'Meal', actualActivityCategory: 'Meal', routingStatus: 'OFF_QUEUE' },
      'mealOverrun',
    ],
    [
      'available, off queue: not on queue',
      { systemPresence: 'Available', actualActivityCategory: 'OffQueueWork', routingStatus: 'OFF_QUEUE' },
      'notOnQueue',
    ],
    [
      'away: not on queue',
      { systemPresence: 'Away', actualActivityCategory: 'Unavailable', routingStatus: 'OFF_QUEUE' },
      'notOnQueue',
    ],
    ['on queue, not answering: not responding', { routingStatus: 'NOT_RESPONDING' }, 'notResponding'],
  ] as const)('%s', (_, patch, kind) => {
    expect(situationOf(out(20, patch), NOW, M, SHIFT)?.kind).toBe(kind);
  });

  it('counts from its own threshold, and is severe from three times it', () => {
    const onBreak = { systemPresence: 'Break', actualActivityCategory: 'Break', routingStatus: 'OFF_QUEUE' } as const;
    expect(situationOf(out(2, onBreak), NOW, M, SHIFT)).toBeUndefined(); // under 3 min
    expect(situationOf(out(4, onBreak), NOW, M, SHIFT)).toMatchObject({ kind: 'breakOverrun', severe: false });
    expect(situationOf(out(9, onBreak), NOW, M, SHIFT)).toMatchObject({ severe: true, ms: 9 * MIN });
    // The supervisor's own threshold moves it.
    expect(situationOf(out(4, onBreak), NOW, { ...M, breakOverrun: 10 }, SHIFT)).toBeUndefined();
  });

  it('is none for an agent in adherence, unscheduled, or explained', () => {
    expect(situationOf(out(30, { adherenceState: 'InAdherence' }), NOW, M, SHIFT)).toBeUndefined();
    expect(situationOf(out(30, { adherenceState: 'Explained' }), NOW, M, SHIFT)).toBeUndefined();
    expect(situationOf(out(30, { scheduledActivityCategory: 'Unscheduled' }), NOW, M, SHIFT)).toBeUndefined();
  });

  it('without today’s schedule, an offline agent is said to have logged out, not guessed late', () => {
    const offline = out(30, {
      systemPresence: 'Offline',
      actualActivityCategory: 'Unavailable',
      presenceUpdateTime: new Date(NOW - 900 * MIN).toISOString(),
    });
    expect(situationOf(offline, NOW, M, undefined)?.kind).toBe('earlyLogOut');
  });
});
