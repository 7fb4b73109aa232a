import { describe, expect, it } from 'vitest';
import { createGenesysClient } from '@adhere/genesys';
import { preloadBoard, takePreloaded } from '../src/board/preload.js';
import { addressWithSavedUnits, openingAddress } from '../src/board/opening-units.js';
import { forgetBoardOpensOn, saveBoardOpensOn } from '../src/preferences/board-opens-on.js';

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

  it('nothing for other pages', async () => {
    const { client, asked } = recordingClient();
    for (const path of [`/history?mu=${A}`, '/settings', '/me']) preloadBoard(client, path, ORIGIN);
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([]);
    expect(takePreloaded('', '')).toBeUndefined();
  });

  // Inside Genesys Cloud the app opens at the integration's URL, which names no unit: the board lists the
  // business units the user may watch live and opens on the first one's first unit. The preload does the same,
  // through the same cache, as the token arrives rather than once the board has rendered.
  it('a board address without units: the units it will open on, listed and preloaded as the board picks them', async () => {
    const asked: string[] = [];
    const client = createGenesysClient({
      apiBaseUrl: 'https://api.example',
      getAccessToken: () => 'token',
      fetch: async (input) => {
        const url = new URL(String(input));
        asked.push(url.pathname + url.search);
        if (url.pathname === '/api/v2/workforcemanagement/businessunits')
          return Response.json({
            entities: [
              { id: B, name: 'Second' },
              { id: T, name: 'Third' },
            ],
          });
        if (url.pathname === `/api/v2/workforcemanagement/businessunits/${B}/managementunits`)
          return Response.json({ entities: [{ id: A, name: 'First unit' }] });
        return Response.json({ entities: [{ user: { id: 'agent' }, name: url.pathname.split('/').at(-2) }] });
      },
    });
    preloadBoard(client, '/?gcHostOrigin=https%3A%2F%2Fapps.mypurecloud.ie&gcTargetEnv=prod-euw1', ORIGIN);
    // A board that opens on the unit before the lists are in waits for the preload, rather than ask twice.
    const taken = takePreloaded(A, '', client);
    expect(taken).toBeDefined();
    await expect.poll(() => asked.length).toBe(3);
    expect(asked).toEqual([
      '/api/v2/workforcemanagement/businessunits?feature=RealTimeAdherence',
      `/api/v2/workforcemanagement/businessunits/${B}/managementunits`,
      `/api/v2/workforcemanagement/managementunits/${A}/adherence`,
    ]);
    expect((await taken)!.map((r) => r.name)).toEqual([A]);
    expect(asked).toHaveLength(3);
    // Another board opening while the lists are read: its own selection, once they are in.
    preloadBoard(client, '/', ORIGIN);
    const other = takePreloaded(T, '', client);
    expect((await other)!.map((r) => r.name)).toEqual([T]);
    expect(asked.filter((p) => p.endsWith('/adherence'))).toEqual([
      `/api/v2/workforcemanagement/managementunits/${A}/adherence`,
      `/api/v2/workforcemanagement/managementunits/${A}/adherence`,
      `/api/v2/workforcemanagement/managementunits/${T}/adherence`,
    ]);
  });

  // The board and the preload choose by one rule (opening-units.ts): the units chosen last, when the address
  // names nothing of the board's.
  it('an address without units opens on the units chosen last: the board’s address and the preload agree', async () => {
    saveBoardOpensOn(new URLSearchParams({ bu: B, mu: A, cols: 'name,state' }));
    try {
      expect(String(addressWithSavedUnits(new URLSearchParams('sort=name')))).toBe(
        `sort=name&bu=${B}&mu=${A}&cols=name%2Cstate`,
      );
      // An address that says anything of the board's is the user's own: nothing written in.
      for (const own of [`mu=${T}`, 'cols=name', `bu=${T}`, `team=${T}`])
        expect(addressWithSavedUnits(new URLSearchParams(own))).toBeUndefined();
      expect(openingAddress(new URLSearchParams()).managementUnitIds).toEqual([A]);
      const { client, asked } = recordingClient();
      preloadBoard(client, '/', ORIGIN);
      const taken = takePreloaded(A, '', client);
      expect((await taken)!.map((r) => r.name)).toEqual([A]);
      expect(asked).toEqual([`/api/v2/workforcemanagement/managementunits/${A}/adherence`]); // no lists needed
    } finally {
      forgetBoardOpensOn();
    }
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
