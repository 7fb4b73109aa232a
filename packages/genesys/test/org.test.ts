// Org data as a real org gives it: a unit whose time zone only its business unit carries, business units listed
// per feature the user may use, and team members named only when asked to be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';
import {
  createGenesysClient,
  getManagementUnit,
  listActivityCodes,
  listBusinessUnits,
  listManagementUnits,
  listTeamMembers,
  type GenesysClient,
} from '@adhere/genesys';

let emulator: Emulator;
const clients = new Map<string, GenesysClient>();
const raw = async (path: string) => {
  const token = await tokenFor(emulator);
  return (await (
    await fetch(`${emulator.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as any;
};

beforeAll(async () => {
  // Two business units in different zones, several units each.
  emulator = await startEmulator({ agents: 6000, agentsPerManagementUnit: 500, clock: 'manual' });
  for (const email of ['supervisor@adhere.local', 'rta@adhere.local', 'analyst@adhere.local']) {
    const token = await tokenFor(emulator, email, 'supervisor');
    clients.set(email, createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token }));
  }
});
afterAll(() => emulator.close());

describe('org data as a real org gives it', () => {
  it('a unit without a time zone of its own gets its business unit’s, never UTC', async () => {
    const topo = emulator.centre.topology;
    const [, second] = topo.businessUnits;
    const unit = topo.managementUnits.find((m) => m.businessUnitId === second!.id && m.zoneOnBusinessUnit)!;
    expect(unit).toBeDefined();
    expect(second!.timeZone).not.toBe('Europe/London');
    // Genesys's answer for it has no timeZone ("Moving to Business Unit").
    expect((await raw(`/api/v2/workforcemanagement/managementunits/${unit.id}`)).timeZone).toBeUndefined();
    const client = clients.get('supervisor@adhere.local')!;
    expect((await getManagementUnit(client, unit.id)).timeZone).toBe(second!.timeZone);
    for (const bu of topo.businessUnits) {
      const units = await listManagementUnits(client, bu.id);
      expect(units.map((u) => [u.id, u.timeZone])).toEqual(
        topo.managementUnits.filter((m) => m.businessUnitId === bu.id).map((m) => [m.id, bu.timeZone]),
      );
    }
  });

  it('feature=RealTimeAdherence lists only the business units a user may watch live; HistoricalAdherence likewise', async () => {
    const all = emulator.centre.topology.businessUnits.map((b) => b.id);
    const ids = async (email: string, feature?: string) =>
      (await listBusinessUnits(clients.get(email)!, feature ? { feature } : {})).map((b) => b.id);
    expect(await ids('rta@adhere.local', 'RealTimeAdherence')).toEqual(all);
    expect(await ids('rta@adhere.local', 'HistoricalAdherence')).toEqual([]);
    expect(await ids('analyst@adhere.local', 'RealTimeAdherence')).toEqual([]);
    expect(await ids('analyst@adhere.local', 'HistoricalAdherence')).toEqual(all);
    expect(await ids('analyst@adhere.local')).toEqual(all);
  });

  it('team members carry names only with expand=entities; the client asks for them', async () => {
    const team = emulator.centre.topology.teams[0]!;
    const bare = await raw(`/api/v2/teams/${team.id}/members`);
    expect(bare.entities.length).toBe(team.memberIds.length);
    expect(bare.entities.every((m: { name?: string }) => m.name === undefined)).toBe(true);
    const members = await listTeamMembers(clients.get('supervisor@adhere.local')!, team.id);
    expect(members.map((m) => [m.id, m.name])).toEqual(
      team.memberIds.map((id) => [id, emulator.centre.topology.agentsById.get(id)!.name]),
    );
  });

  it('activity codes sent through the download service read the same as inline ones', async () => {
    const client = clients.get('supervisor@adhere.local')!;
    const bu = emulator.centre.topology.businessUnits[0]!;
    const raw = (await (
      await fetch(
        `${emulator.apiUrl}/api/v2/workforcemanagement/businessunits/${bu.id}/activitycodes?forceDownloadService=true`,
        {
          headers: { Authorization: `Bearer ${await tokenFor(emulator)}` },
        },
      )
    ).json()) as { entities?: unknown; downloadUrl?: string };
    expect(raw.entities).toBeUndefined();
    expect(typeof raw.downloadUrl).toBe('string');
    const inline = await listActivityCodes(client, bu.id);
    expect(inline.length).toBeGreaterThan(0);
    expect(await listActivityCodes(client, bu.id, { forceDownloadService: true })).toEqual(inline);
  });
});
