// The official SDK (purecloud-platform-client-v2), pointed at the emulator through its gateway setting,
// and our client read identical adherence for the same users.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { createGenesysClient, getManagementUnitAdherence, getUserAdherence, listBusinessUnits } from '@adhere/genesys';
import { tokenFor } from '@adhere/emulator/testing';

const require = createRequire(import.meta.url);

const platformClient = require('purecloud-platform-client-v2') as any;

let emulator: Emulator;
let token: string;
beforeAll(async () => {
  emulator = await startEmulator({ agents: 300, clock: 'manual', startTime: Date.UTC(2026, 10, 24, 16) });
  token = await tokenFor(emulator);
  const sdk = platformClient.ApiClient.instance;
  const port = Number(new URL(emulator.apiUrl).port);
  sdk.setGateway({ host: '127.0.0.1', protocol: 'http', port });
  sdk.setAccessToken(token);
});
afterAll(() => emulator.close());

describe('official SDK vs @adhere/genesys, same emulator', () => {
  it('read identical real-time adherence for a management unit and for a set of users', async () => {
    const ours = createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token });
    const wfm = new platformClient.WorkforceManagementApi();
    const mu = emulator.centre.topology.managementUnits[0]!;
    const sdkListing = await wfm.getWorkforcemanagementManagementunitAdherence(mu.id, {});
    expect(await getManagementUnitAdherence(ours, mu.id)).toEqual(sdkListing.entities);
    const ids = emulator.centre.topology.agents.slice(0, 60).map((a) => a.id);
    expect(await getUserAdherence(ours, ids)).toEqual(await wfm.getWorkforcemanagementAdherence(ids));
    const sdkBus = await wfm.getWorkforcemanagementBusinessunits({});
    expect(await listBusinessUnits(ours)).toEqual(sdkBus.entities);
    expect(sdkListing.entities.length).toBe(300);
  });
});
