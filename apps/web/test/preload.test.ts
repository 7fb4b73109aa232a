import { describe, expect, it } from 'vitest';
import { createGenesysClient } from '@adhere/genesys';
import { preloadBoard, takePreloaded } from '../src/board/preload.js';

const ORIGIN = 'https://adhere.example';
// Genesys ids are UUIDs: the preload reads the address's ids as the board does, and takes no other.
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const T = 'cccccccc-0000-4000-8000-000000000003';

/** A client whose API answers every adherence snapshot with one record of the unit or team asked for. */
function recordingClient() {
  const asked: string[] = [];
  const client = createGenesysClient({
    apiBaseUrl: 'https://api.example',
    getAccessToken: () => 'token',
    fetch: async (input) => {
      const path = new URL(String(input)).pathname;
      asked.push(path);
      const id = path.split('/').at(-2)!;
      return Response.json({ entities: [{ user: { id: `agent-of-${id}` }, name: id }] });
    },
  });
  return { client, asked };
}

describe('the board snapshot preloaded as sign-in completes', () => {
  it('asks for the units a board address names, and gives the answer once to the board of that selection', async () => {
    const { client, asked } = recordingClient();
    preloadBoard(client, `/?mu=${A},${B}&sort=name`, ORIGIN);
    expect(asked).toEqual([]); // the token is read first: the requests go out a microtask later
    const given = takePreloaded(`${A},${B}`, '');
    expect(given).toBeDefined();
    expect((await given!).map((r) => r.name)).toEqual([A, B]);
    expect(asked).toEqual([
      `/api/v2/workforcemanagement/managementunits/${A}/adherence`,
      `/api/v2/workforcemanagement/managementunits/${B}/adherence`,
    ]);
    expect(takePreloaded(`${A},${B}`, '')).toBeUndefined();
  });

  it('a team wins over units, as on the board; the wallboard preloads too', async () => {
    const { client, asked } = recordingClient();
    preloadBoard(client, `/wallboard?mu=${A}&team=${T}`, ORIGIN);
    expect(takePreloaded(A, '')).toBeUndefined(); // another selection: not given, and dropped
    preloadBoard(client, `/wallboard?mu=${A}&team=${T}`, ORIGIN);
    await takePreloaded(A, T);
    expect(asked.at(-1)).toBe(`/api/v2/workforcemanagement/teams/${T}/adherence`);
  });

  it('nothing for other pages, or a board that picks its unit after listing them', async () => {
    const { client, asked } = recordingClient();
    for (const path of [`/history?mu=${A}`, '/settings', '/', '/?mu=', '/?team=']) preloadBoard(client, path, ORIGIN);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([]);
    expect(takePreloaded('', '')).toBeUndefined();
  });

  it('ids in the address that are not Genesys ids are not asked for (issue 24)', async () => {
    const { client, asked } = recordingClient();
    for (const path of ['/?mu=..', '/?mu=.', '/?team=..', '/wallboard?mu=%2F', `/?mu=${'x'.repeat(10_000)}`])
      preloadBoard(client, path, ORIGIN);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([]);
  });

  it('a failed preload is quiet until a board takes it, which then gets the typed error', async () => {
    const client = createGenesysClient({
      apiBaseUrl: 'https://api.example',
      getAccessToken: () => 'token',
      maxRetries: 0,
      fetch: async () => Response.json({ message: 'nope', code: 'not.authorized', status: 403 }, { status: 403 }),
    });
    preloadBoard(client, `/?mu=${A}`, ORIGIN);
    await expect(takePreloaded(A, '')).rejects.toMatchObject({ status: 403 });
  });
});
