// Issue 20, item 4: an agent's own schedule and explanations, through Genesys's agent routes and permissions, with
// the emulator enforcing them as Genesys does: an agent reaches only their own time, never the future, never
// another agent's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { explanationsTruth, tokenFor } from '@adhere/emulator/testing';
import {
  addExplanation,
  createGenesysClient,
  getMyManagementUnit,
  getMySchedule,
  queryAgentExplanations,
  queryMyExplanations,
  reviewExplanation,
  type GenesysClient,
} from '@adhere/genesys';
import { refusal } from './refusal.js';

const NOW = Date.UTC(2026, 10, 24, 15);
const MIN = 60_000;
let emulator: Emulator;
let agent: GenesysClient;
let supervisor: GenesysClient;
let restricted: GenesysClient;
const iso = (t: number) => new Date(t).toISOString();

beforeAll(async () => {
  emulator = await startEmulator({ agents: 40, clock: 'manual', startTime: NOW });
  const client = (token: string) => createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
  agent = client(await tokenFor(emulator, 'agent0001@adhere.local', 'agent'));
  supervisor = client(await tokenFor(emulator));
  restricted = client(await tokenFor(emulator, 'rta@adhere.local', 'supervisor'));
});
afterAll(() => emulator.close());

const me = () => emulator.centre.topology.agents[0]!;
const other = () => emulator.centre.topology.agents[1]!;
const mine = () => explanationsTruth(emulator, me().id, iso(NOW - 86_400_000), iso(NOW + 86_400_000));

describe("an agent's own routes", () => {
  it('names the agent’s unit and their own schedule only', async () => {
    expect(await getMyManagementUnit(agent)).toEqual({
      managementUnitId: me().managementUnitId,
      businessUnitId: me().businessUnitId,
    });
    const { schedule } = await getMySchedule(agent, {
      startDate: iso(NOW - 86_400_000),
      endDate: iso(NOW + 86_400_000),
    });
    expect(schedule?.user?.id).toBe(me().id);
    // A supervisor is not an agent: Genesys has no unit or schedule of theirs.
    expect((await refusal(getMyManagementUnit(restricted))).status).toBe(404);
    expect((await refusal(getMySchedule(restricted, { startDate: iso(NOW), endDate: iso(NOW + MIN) }))).status).toBe(
      403,
    );
  });

  it('submits an explanation of past time: Waiting for review, in the agent’s and the supervisor’s lists', async () => {
    const before = mine().length;
    const notes = 'Bus late <b>again</b> 🚌';
    const job = await addExplanation(agent, { startDate: iso(NOW - 30 * MIN), lengthMinutes: 12, notes });
    expect(job.status).toBe('Complete');
    const stored = mine();
    expect(stored).toHaveLength(before + 1);
    const e = stored.find((x) => x.notes === notes)!;
    expect(e).toMatchObject({ status: 'Pending', lengthMinutes: 12, startDate: iso(NOW - 30 * MIN) });
    const range = { startDate: iso(NOW - 86_400_000), endDate: iso(NOW + 86_400_000) };
    expect((await queryMyExplanations(agent, range)).map((x) => x.id)).toContain(e.id);
    expect((await queryAgentExplanations(supervisor, me().id, range)).find((x) => x.id === e.id)?.notes).toBe(notes);
    // Reviewed by the supervisor: the agent reads the decision.
    await reviewExplanation(supervisor, me().id, e.id, 'Approved');
    expect((await queryMyExplanations(agent, range)).find((x) => x.id === e.id)?.status).toBe('Approved');
  });

  it.each([
    ['a future time', { startDate: iso(NOW + 5 * MIN), lengthMinutes: 10, notes: 'soon' }, /not happened yet/],
    ['time running into the future', { startDate: iso(NOW - 5 * MIN), lengthMinutes: 10, notes: 'x' }, /not happened/],
    ['10,000 characters', { startDate: iso(NOW - 30 * MIN), lengthMinutes: 5, notes: 'x'.repeat(10_000) }, /1000/],
    ['no length', { startDate: iso(NOW - 30 * MIN), lengthMinutes: 0, notes: 'x' }, /lengthMinutes/],
    ['a date that is not one', { startDate: 'yesterday', lengthMinutes: 5, notes: 'x' }, /ISO-8601/],
  ])('refuses %s with Genesys’s 400, storing nothing', async (_, input, says) => {
    const before = mine().length;
    const e = await refusal(addExplanation(agent, input));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(says);
    expect(mine()).toHaveLength(before);
  });

  it('refuses an agent writing for another agent, and a supervisor without the permission; nothing stored', async () => {
    const range = [iso(NOW - 86_400_000), iso(NOW + 86_400_000)] as const;
    const theirs = () => explanationsTruth(emulator, other().id, ...range).length;
    const before = theirs();
    const input = { startDate: iso(NOW - 30 * MIN), lengthMinutes: 10, notes: 'for my colleague' };
    const asAgent = await refusal(addExplanation(agent, input, { agentId: other().id }));
    expect(asAgent.status).toBe(403);
    expect(asAgent.message).toContain('wfm:adherenceExplanation:add');
    expect((await refusal(addExplanation(restricted, input, { agentId: other().id }))).status).toBe(403);
    expect((await refusal(addExplanation(restricted, input))).status).toBe(403);
    expect(theirs()).toBe(before);
  });

  it('lets a supervisor excuse an agent’s time in one step: added as Approved', async () => {
    const input = { startDate: iso(NOW - 50 * MIN), lengthMinutes: 15, notes: 'System outage' };
    await addExplanation(supervisor, input, { agentId: other().id, status: 'Approved' });
    const found = explanationsTruth(emulator, other().id, iso(NOW - 86_400_000), iso(NOW)).find(
      (e) => e.notes === 'System outage',
    );
    expect(found).toMatchObject({ status: 'Approved', lengthMinutes: 15 });
  });
});
