// Issue 24, item 1: ids from the address bar, storage or a server answer never reach an API path unchecked.
import { describe, expect, it } from 'vitest';
import {
  apiPath,
  createGenesysClient,
  getManagementUnit,
  getManagementUnitAdherence,
  getTeamAdherence,
  isGenesysError,
  listActivityCodes,
  listManagementUnits,
  listTeamMembers,
  queryAgentExplanations,
  request,
  searchAgentSchedules,
  queryBusinessUnitExplanations,
  reviewExplanation,
} from '@adhere/genesys';

const UNIT = '6f3c1e3a-2b1d-4c5e-9a7b-1234567890ab';
const HOSTILE = ['..', '.', '%2F', '%2e%2e', 'a/b', '?x=1', '#top', '', ' ', 'x'.repeat(10_000), `${UNIT}/..`];

/** A client whose fetch records every URL it is asked for and answers an empty listing. */
function recordingClient() {
  const sent: string[] = [];
  const client = createGenesysClient({
    apiBaseUrl: 'https://api.example.test',
    getAccessToken: () => 'token',
    maxRetries: 0,
    fetch: async (input) => {
      sent.push(String(input));
      return new Response('{"entities":[]}', { headers: { 'Content-Type': 'application/json' } });
    },
  });
  return { client, sent };
}

describe('apiPath', () => {
  it('takes UUIDs (lower-cased) and refuses anything else with invalid_id, naming the slot', () => {
    expect(apiPath`/api/v2/workforcemanagement/managementunits/${UNIT.toUpperCase()}/adherence`).toBe(
      `/api/v2/workforcemanagement/managementunits/${UNIT}/adherence`,
    );
    for (const id of HOSTILE) {
      let caught: unknown;
      try {
        void apiPath`/api/v2/workforcemanagement/managementunits/${id}/adherence`;
      } catch (err) {
        caught = err;
      }
      expect(isGenesysError(caught) && caught.code).toBe('invalid_id');
      expect((caught as Error).message).toContain('/managementunits/');
      // A long id is not echoed whole into the message.
      expect((caught as Error).message.length).toBeLessThan(200);
    }
  });
});

describe('every API function with an id refuses a hostile one before any request leaves', () => {
  const calls: Array<[string, (c: ReturnType<typeof recordingClient>['client'], id: string) => Promise<unknown>]> = [
    ['getManagementUnit', (c, id) => getManagementUnit(c, id)],
    ['getManagementUnitAdherence', (c, id) => getManagementUnitAdherence(c, id)],
    ['getTeamAdherence', (c, id) => getTeamAdherence(c, id)],
    ['listManagementUnits', (c, id) => listManagementUnits(c, id)],
    ['listActivityCodes', (c, id) => listActivityCodes(c, id)],
    ['listTeamMembers', (c, id) => listTeamMembers(c, id)],
    [
      'queryAgentExplanations',
      (c, id) => queryAgentExplanations(c, id, { startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-02T00:00:00Z' }),
    ],
    [
      'queryBusinessUnitExplanations',
      (c, id) =>
        queryBusinessUnitExplanations(c, id, { startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-02T00:00:00Z' }),
    ],
    ['reviewExplanation (agent)', (c, id) => reviewExplanation(c, id, UNIT, 'Approved')],
    ['reviewExplanation (explanation)', (c, id) => reviewExplanation(c, UNIT, id, 'Approved')],
    [
      'searchAgentSchedules',
      (c, id) => searchAgentSchedules(c, id, { startDate: '2026-01-01T00:00:00Z', endDate: '2026-01-02T00:00:00Z' }),
    ],
  ];
  it.each(calls)('%s', async (_name, call) => {
    const { client, sent } = recordingClient();
    for (const id of HOSTILE) {
      await expect(call(client, id)).rejects.toMatchObject({ code: 'invalid_id' });
    }
    expect(sent).toEqual([]);
    // The same call with a UUID does go out, to the route it names.
    await call(client, UNIT).catch(() => {});
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((u) => new URL(u).pathname.includes(UNIT))).toBe(true);
  });
});

describe('request refuses a path that would leave /api/v2/ on the API host', () => {
  it.each([
    '/api/v2/agents/../adherence',
    '/api/v2/agents/./x',
    '/api/v2/a/%2e%2e/b',
    '/api/v2/a%2Fb',
    '/api/v2/a%5cb',
    '/api/v2/a\\..\\b',
    '/login/x',
    'https://evil.example/api/v2/users/me',
    '//evil.example/api/v2/users/me',
    '/api/v2/../../oauth/token',
  ])('%s (a server nextUri, for instance)', async (path) => {
    const { client, sent } = recordingClient();
    await expect(request(client, { path })).rejects.toMatchObject({ code: 'invalid_path' });
    expect(sent).toEqual([]);
  });

  it('takes a path and an absolute URL on the API host, with a query', async () => {
    const { client, sent } = recordingClient();
    await request(client, { path: '/api/v2/users/me?cursor=a..b' });
    await request(client, { path: 'https://api.example.test/api/v2/users?pageNumber=2' });
    expect(sent).toEqual([
      'https://api.example.test/api/v2/users/me?cursor=a..b',
      'https://api.example.test/api/v2/users?pageNumber=2',
    ]);
  });
});
