import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import {
  GenesysApiError,
  createGenesysClient,
  getManagementUnit,
  getManagementUnitAdherence,
  getMe,
  getTeamAdherence,
  getUserAdherence,
  getUsersByIds,
  listActivityCodes,
  listBusinessUnits,
  listManagementUnitUsers,
  listManagementUnits,
  listTeamMembers,
  listTeams,
  searchUsers,
  type GenesysClient,
} from '@adhere/genesys';
import { tokenFor } from '@adhere/emulator/testing';

let emulator: Emulator;
let client: GenesysClient;
let narrow: GenesysClient;
const downloads: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    agents: 2100,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 15),
    downloadThreshold: 600,
  });
  const token = await tokenFor(emulator);
  const narrowToken = await tokenFor(emulator, undefined, undefined, 'user-basic-info');
  client = createGenesysClient({
    apiBaseUrl: emulator.apiUrl,
    getAccessToken: () => token,
    fetch: (input, init) => {
      if (String(input).includes('/downloads/'))
        downloads.push(String(input) + (new Headers(init?.headers).has('authorization') ? ' WITH AUTH' : ''));
      return fetch(input, init);
    },
  });
  narrow = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => narrowToken });
});
afterAll(() => emulator.close());

describe('API functions against the emulator', () => {
  it('users: me, by ids in batches of 100, search', async () => {
    const me = await getMe(client);
    expect(me.email).toBe('supervisor@adhere.local');
    const ids = emulator.centre.topology.agents.slice(0, 250).map((a) => a.id);
    const batches: string[][] = [];
    const users = await getUsersByIds(client, [...ids, '00000000-0000-4000-8000-000000000000'], {
      onBatch: (b) => batches.push(b.map((u) => u.id)),
    });
    expect(users.map((u) => u.id)).toEqual(ids);
    // Each batch is heard as it comes: three of them (100, 100, 50 and the unknown id), the first asked first.
    expect(batches.map((b) => b.length).sort((x, y) => x - y)).toEqual([50, 100, 100]);
    expect(batches.flat().sort()).toEqual([...ids].sort());
    expect(batches.find((b) => b.length === 100 && b[0] === ids[0])).toEqual(ids.slice(0, 100));
    const someone = emulator.centre.topology.agents[42]!;
    expect((await searchUsers(client, someone.email)).map((u) => u.id)).toEqual([someone.id]);
  });

  it('WFM organisation: business units, management units, users, activity codes', async () => {
    const topo = emulator.centre.topology;
    const bus = await listBusinessUnits(client);
    expect(bus.map((b) => b.id)).toEqual(topo.businessUnits.map((b) => b.id));
    const mus = await listManagementUnits(client, bus[0]!.id);
    expect(mus.map((m) => m.id)).toEqual(
      topo.managementUnits.filter((m) => m.businessUnitId === bus[0]!.id).map((m) => m.id),
    );
    const mu = await getManagementUnit(client, mus[0]!.id);
    expect(mu.settings?.adherence?.severeAlertThresholdMinutes).toBe(5);
    expect((await listManagementUnitUsers(client, mus[0]!.id)).length).toBe(
      topo.agents.filter((a) => a.managementUnitId === mus[0]!.id).length,
    );
    expect((await listActivityCodes(client, bus[0]!.id)).map((c) => c.category)).toContain('OnQueueWork');
  });

  it('teams: cursor paging followed to the end, and members', async () => {
    const teams = await listTeams(client);
    expect(teams).toHaveLength(emulator.centre.topology.teams.length);
    expect(teams.length).toBeGreaterThan(100); // more than one page
    const members = await listTeamMembers(client, teams[3]!.id);
    expect(members.map((m) => m.id)).toEqual(emulator.centre.topology.teams[3]!.memberIds);
  });

  it('real-time adherence: users in batches of 100, MU via its downloadUrl (no token sent), team', async () => {
    const topo = emulator.centre.topology;
    const ids = topo.agents.slice(0, 250).map((a) => a.id);
    const byUser = await getUserAdherence(client, ids);
    expect(byUser.map((r) => r.user?.id)).toEqual(ids);
    for (const r of byUser)
      expect(r.adherenceState).toBe(emulator.centre.statusOf(topo.agentsById.get(r.user!.id)!.index).verdict.state);
    const mu = topo.managementUnits[0]!;
    const muRecords = await getManagementUnitAdherence(client, mu.id);
    expect(muRecords.length).toBe(topo.agents.filter((a) => a.managementUnitId === mu.id).length);
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.every((d) => !d.endsWith('WITH AUTH'))).toBe(true);
    const team = topo.teams[0]!;
    expect((await getTeamAdherence(client, team.id)).map((r) => r.user?.id).sort()).toEqual([...team.memberIds].sort());
  });

  it('a token without the WFM scope gets a typed 403', async () => {
    const err = await listBusinessUnits(narrow).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GenesysApiError);
    expect(err).toMatchObject({ status: 403, code: 'api_error', errorCode: 'app.not.authorized.for.scope' });
    expect((err as GenesysApiError).contextId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
