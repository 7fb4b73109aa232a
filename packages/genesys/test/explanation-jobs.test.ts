// Explanation queries Genesys answers later (202 and a job), or through the download service: the client reads
// each to the same list; a job that fails, a download that expired and a malformed answer each end in a clear error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { explanationsTruth, tokenFor } from '@adhere/emulator/testing';
import {
  GenesysApiError,
  GenesysClientError,
  createGenesysClient,
  createNotificationHub,
  getExplanation,
  reviewExplanation,
  queryAgentExplanations,
  queryBusinessUnitExplanations,
  searchAgentSchedules,
  type GenesysClient,
  type WebSocketFactory,
} from '@adhere/genesys';

const NOW = Date.UTC(2026, 10, 24, 14);
const DAY = 86_400_000;
let emulator: Emulator;
let token: string;

beforeAll(async () => {
  // Real wall clock: a job completes 20 ms after it is asked for; every wait below is on an event.
  emulator = await startEmulator({
    agents: 400,
    clock: 'manual',
    startTime: NOW,
    asyncAnswers: 'always',
    asyncDelayMs: 20,
  });
  token = await tokenFor(emulator);
});
afterAll(() => emulator.close());

function clientWith(
  calls: string[],
  rewrite?: (url: URL, res: Response) => Promise<Response> | Response,
): GenesysClient {
  return createGenesysClient({
    apiBaseUrl: emulator.apiUrl,
    getAccessToken: () => token,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      calls.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      const res = await fetch(input, init);
      return rewrite ? rewrite(url, res) : res;
    },
  });
}

const range = { startDate: new Date(NOW - 7 * DAY).toISOString(), endDate: new Date(NOW + DAY).toISOString() };
const agentWithExplanations = () =>
  emulator.centre.topology.agents.find(
    (a) => explanationsTruth(emulator, a.id, range.startDate, range.endDate).length > 1,
  )!;

describe('explanation queries answered later', () => {
  it('a 202 job, heard completing on the tab’s hub: the same explanations as the emulator’s truth, its job route never asked', async () => {
    const calls: string[] = [];
    const client = clientWith(calls);
    const hub = createNotificationHub(client, { WebSocket: WebSocket as unknown as WebSocketFactory });
    try {
      const agent = agentWithExplanations();
      const got = await queryAgentExplanations(client, agent.id, range, {
        notifications: hub,
        pollIntervalMs: 3_600_000,
      });
      expect(got).toEqual(explanationsTruth(emulator, agent.id, range.startDate, range.endDate));
      expect(calls.filter((c) => c.includes('/explanations/jobs/'))).toHaveLength(0);
      expect(calls.some((c) => c.startsWith('GET /downloads/'))).toBe(true);
    } finally {
      hub.close();
    }
  });

  it('without a hub the job is polled to completion; a business unit’s query gives every agent’s explanations', async () => {
    const calls: string[] = [];
    const client = clientWith(calls);
    const bu = emulator.centre.topology.businessUnits[0]!;
    const got = await queryBusinessUnitExplanations(client, bu.id, range, { pollIntervalMs: 10 });
    const truth = emulator.centre.topology.agents
      .filter((a) => a.businessUnitId === bu.id)
      .flatMap((a) => explanationsTruth(emulator, a.id, range.startDate, range.endDate));
    expect(got).toEqual(truth);
    expect(calls.filter((c) => c.includes('/explanations/jobs/')).length).toBeGreaterThan(0);
  });

  it('a job that ends in Error is said as Genesys’s failure', async () => {
    emulator.explanationJobs.failNext = 1;
    const err = await queryAgentExplanations(clientWith([]), agentWithExplanations().id, range, {
      pollIntervalMs: 10,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysClientError);
    expect((err as GenesysClientError).code).toBe('query_failed');
    expect((err as Error).message).toBe('Genesys could not finish the explanations query: WFM Server Error');
  });

  it('a download URL that expired before it was read is a 404 saying so', async () => {
    const client = clientWith([], (url, res) =>
      url.pathname.startsWith('/downloads/')
        ? new Response(
            JSON.stringify({ status: 404, code: 'not.found', message: 'The download has expired or does not exist.' }),
            {
              status: 404,
              headers: { 'Content-Type': 'application/json' },
            },
          )
        : res,
    );
    const err = await queryAgentExplanations(client, agentWithExplanations().id, range, { pollIntervalMs: 10 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GenesysApiError);
    expect((err as GenesysApiError).status).toBe(404);
    expect((err as Error).message).toContain('expired');
  });

  it('malformed answers are refused with a clear error, never read as an empty list', async () => {
    const bodies = [
      {}, // neither result, downloadUrl nor job
      { job: { id: '../../users', status: 'Processing' } }, // a job id that is not a Genesys id
      { result: { entities: 'none' } },
    ];
    for (const body of bodies) {
      const client = clientWith([], (url, res) =>
        url.pathname.endsWith('/explanations/query')
          ? new Response(JSON.stringify(body), { status: 202, headers: { 'Content-Type': 'application/json' } })
          : res,
      );
      const err = await queryAgentExplanations(client, agentWithExplanations().id, range, { pollIntervalMs: 10 }).catch(
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(body)).toBeInstanceOf(GenesysClientError);
      expect(['invalid_response', 'invalid_id']).toContain((err as GenesysClientError).code);
    }
  });

  it('a schedule search answered later arrives on the hub’s topic: the same shifts as an inline answer; without a hub, a clear error', async () => {
    const inline = await startEmulator({ agents: 400, clock: 'manual', startTime: NOW, asyncAnswers: 'never' });
    try {
      const inlineToken = await tokenFor(inline);
      const inlineClient = createGenesysClient({ apiBaseUrl: inline.apiUrl, getAccessToken: () => inlineToken });
      const mu = emulator.centre.topology.managementUnits[0]!;
      const query = { startDate: range.startDate, endDate: range.endDate };
      const calls: string[] = [];
      const client = clientWith(calls);
      const hub = createNotificationHub(client, { WebSocket: WebSocket as unknown as WebSocketFactory });
      try {
        const later = await searchAgentSchedules(client, mu.id, query, { notifications: hub });
        const now = await searchAgentSchedules(inlineClient, mu.id, query);
        expect(later.length).toBe(now.length);
        expect(later).toEqual(now);
        expect(later.some((s) => (s.shifts?.length ?? 0) > 0)).toBe(true);
        expect(calls.some((c) => c.startsWith('GET /downloads/'))).toBe(true);
      } finally {
        hub.close();
      }
      const err = await searchAgentSchedules(clientWith([]), mu.id, query).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GenesysClientError);
      expect((err as Error).message).toBe(
        'Genesys answered the schedule search later, by notification only, and no notification channel is open to hear it',
      );
    } finally {
      await inline.close();
    }
  });
});

// Read before a review (issue 20: a review must not silently overturn another supervisor's).
describe('one explanation as it stands', () => {
  it('reads it as the emulator has it, follows a review, and refuses an unknown id, a role without view and a bad answer', async () => {
    const agent = agentWithExplanations();
    const e = explanationsTruth(emulator, agent.id, range.startDate, range.endDate)[0]!;
    const client = clientWith([]);
    const got = await getExplanation(client, agent.id, e.id);
    expect(got).toMatchObject({ id: e.id, status: e.status, agent: { id: agent.id }, lengthMinutes: e.lengthMinutes });
    const next = e.status === 'Denied' ? 'Approved' : 'Denied';
    await reviewExplanation(client, agent.id, e.id, next);
    expect((await getExplanation(client, agent.id, e.id)).status).toBe(next);
    await expect(getExplanation(client, agent.id, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
      errorCode: 'wfm.entity.not.found',
    });
    const rta = await tokenFor(emulator, 'rta@adhere.local', 'supervisor');
    const withoutView = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => rta });
    const refused = await getExplanation(withoutView, agent.id, e.id).catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(GenesysApiError);
    expect((refused as GenesysApiError).status).toBe(403);
    const garbled = clientWith(
      [],
      () => new Response('{"id": 3}', { headers: { 'content-type': 'application/json' } }),
    );
    await expect(getExplanation(garbled, agent.id, e.id)).rejects.toMatchObject({ code: 'invalid_response' });
  });
});
