// Issue 20, item 5: coaching appointments as Genesys serves them (shared/context/genesys-next.md §5): the
// permission and scope checks, Genesys's errors, and the official SDK's models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { coachingTruth, tokenFor } from '@adhere/emulator/testing';

const NOW = Date.UTC(2026, 10, 24, 15, 0);
let emulator: Emulator;
let supervisor: string;

beforeAll(async () => {
  emulator = await startEmulator({ agents: 40, clock: 'manual', startTime: NOW });
  supervisor = await tokenFor(emulator);
});
afterAll(() => emulator.close());

const agent = (i = 0) => emulator.centre.topology.agents[i]!;
const post = async (body: unknown, token = supervisor) => {
  const res = await fetch(`${emulator.apiUrl}/api/v2/coaching/appointments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const valid = (over: Record<string, unknown> = {}) => ({
  name: 'Adherence coaching',
  description: 'Out of adherence 3 times, 42 min in all',
  dateStart: new Date(NOW + 86_400_000 + 30_123).toISOString(),
  lengthInMinutes: 30,
  attendeeIds: [agent().id],
  ...over,
});

describe('coaching appointments', () => {
  it('books one (201, the SDK model, rounded down to the minute) and lists it', async () => {
    const { status, body } = await post(valid());
    expect(status).toBe(201);
    expect(modelMismatches(body, 'CoachingAppointmentResponse')).toEqual([]);
    expect(body).toMatchObject({
      name: 'Adherence coaching',
      lengthInMinutes: 30,
      status: 'Scheduled',
      dateStart: new Date(NOW + 86_400_000).toISOString(),
      attendees: [{ id: agent().id }],
    });
    expect(coachingTruth(emulator, agent().id).map((a) => a.id)).toEqual([body.id]);
    const list = await fetch(`${emulator.apiUrl}/api/v2/coaching/appointments?userIds=${agent().id}`, {
      headers: { Authorization: `Bearer ${supervisor}` },
    });
    const listed = (await list.json()) as Record<string, any>;
    expect(modelMismatches(listed, 'CoachingAppointmentResponseList')).toEqual([]);
    expect(listed.entities.map((a: { id: string }) => a.id)).toEqual([body.id]);
  });

  it("a clash with the agent's other appointment is 409 appointment.conflict; nothing stored", async () => {
    const before = coachingTruth(emulator, agent().id).length;
    const { status, body } = await post(valid({ dateStart: new Date(NOW + 86_400_000 + 15 * 60_000).toISOString() }));
    expect([status, body.code]).toEqual([409, 'appointment.conflict']);
    expect(coachingTruth(emulator, agent().id)).toHaveLength(before);
  });

  it.each([
    ['no name', { name: '' }, 'validation.error'],
    ['no date', { dateStart: 'tomorrow' }, 'validation.error'],
    ['no length', { lengthInMinutes: 0 }, 'validation.error'],
    ['no attendees', { attendeeIds: [] }, 'validation.error'],
    [
      'an unknown attendee',
      { attendeeIds: ['00000000-0000-4000-8000-000000000000'] },
      'no.permission.for.requested.users',
    ],
    ['a description of 10,001 characters', { description: 'x'.repeat(10_001) }, 'validation.error'],
  ])('refuses %s', async (_name, over, code) => {
    const { status, body } = await post(
      valid({
        ...over,
        dateStart: (over as { dateStart?: string }).dateStart ?? new Date(NOW + 3 * 86_400_000).toISOString(),
      }),
    );
    expect([status, body.code]).toEqual([400, code]);
  });

  it("an attendee without coaching:appointment:participate is Genesys's 400", async () => {
    const { status, body } = await post(valid({ attendeeIds: [emulator.centre.topology.supervisor.id] }));
    expect([status, body.code]).toEqual([400, 'participate.permission.missing']);
  });

  it('an agent may not book (permission), nor a token without the coaching scope', async () => {
    const agentToken = await tokenFor(emulator, agent(1).email, 'agent');
    const asAgent = await post(valid({ attendeeIds: [agent(1).id] }), agentToken);
    expect([asAgent.status, asAgent.body.code]).toEqual([403, 'missing.any.permissions']);
    expect(asAgent.body.message).toContain('coaching:appointment:add');
    const narrow = await tokenFor(emulator, undefined, undefined, 'user-basic-info workforce-management');
    const noScope = await post(valid({ attendeeIds: [agent(2).id] }), narrow);
    expect([noScope.status, noScope.body.code]).toEqual([403, 'app.not.authorized.for.scope']);
    expect(coachingTruth(emulator, agent(1).id)).toEqual([]);
  });
});
