// The access preflight against the emulator's partial roles and partial-scope client: each feature the user
// cannot use names exactly the permission or scope that is missing; and what it predicts matches what the API
// then answers (403 missing.any.permissions / app.not.authorized.for.scope).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';
import {
  FEATURE_REQUIREMENTS,
  checkFeature,
  createGenesysClient,
  getManagementUnitAdherence,
  grants,
  historicalAdherence,
  readAccess,
  type Access,
} from '@adhere/genesys';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    agents: 20,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 15),
    historicalDelayMs: 10,
  });
});
afterAll(() => emulator.close());

const clientFor = async (email: string, clientId?: string) => {
  const token = await tokenFor(emulator, email, 'supervisor', undefined, clientId);
  return createGenesysClient({ apiBaseUrl: emulator.apiUrl, getAccessToken: () => token, maxRetries: 0 });
};
const summary = (access: Access) =>
  Object.fromEntries(
    FEATURE_REQUIREMENTS.map(({ feature }) => {
      const c = checkFeature(access, feature);
      return [
        feature,
        c.available === true ? 'ok' : [...c.missingPermissions, ...c.missingScopes].map((r) => r.anyOf[0]).join(' '),
      ];
    }),
  );

describe('access preflight', () => {
  it('the full supervisor can use the board, history and teams', async () => {
    const access = await readAccess(await clientFor('supervisor@adhere.local'));
    expect(access.scopes).toContain('workforce-management');
    expect(summary(access)).toMatchObject({ liveBoard: 'ok', history: 'ok', teams: 'ok' });
  });

  it('a real-time-only role: the board works, history names its missing permission, and the API agrees', async () => {
    const client = await clientFor('rta@adhere.local');
    const access = await readAccess(client);
    expect(summary(access)).toMatchObject({ liveBoard: 'ok', history: 'wfm:historicalAdherence:view', teams: 'ok' });
    expect(checkFeature(access, 'history').missingPermissions[0]!.label).toBe(
      'Workforce Management > Historical Adherence > View',
    );
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    expect((await getManagementUnitAdherence(client, mu)).length).toBe(20);
    const denied = await historicalAdherence(client, {
      managementUnitId: mu,
      startDate: '2026-11-20T00:00:00Z',
      endDate: '2026-11-21T00:00:00Z',
      timeZone: 'UTC',
    }).catch((e: unknown) => e);
    expect(denied).toMatchObject({ status: 403, errorCode: 'missing.any.permissions' });
  });

  it('no WFM permission: board and history both name theirs', async () => {
    const access = await readAccess(await clientFor('nowfm@adhere.local'));
    expect(summary(access)).toMatchObject({
      liveBoard: 'wfm:realtimeAdherence:view',
      history: 'wfm:historicalAdherence:view',
      teams: 'ok',
    });
  });

  it('a client without the WFM scopes: the missing scope is named, and the API answers app.not.authorized.for.scope', async () => {
    const client = await clientFor('supervisor@adhere.local', 'adhere-limited');
    const access = await readAccess(client);
    expect(access.scopes).toEqual(['user-basic-info', 'users:readonly', 'notifications']);
    expect(summary(access)).toMatchObject({
      liveBoard: 'workforce-management:readonly',
      history: 'workforce-management:readonly',
      teams: 'groups:readonly',
    });
    const mu = emulator.centre.topology.managementUnits[0]!.id;
    expect(await getManagementUnitAdherence(client, mu).catch((e: unknown) => e)).toMatchObject({
      status: 403,
      errorCode: 'app.not.authorized.for.scope',
    });
  });

  it('unreadable permissions make a feature "unknown", never "available"', () => {
    expect(checkFeature({ permissions: undefined, scopes: undefined }, 'liveBoard').available).toBe('unknown');
    expect(checkFeature({ permissions: undefined, scopes: ['user-basic-info'] }, 'liveBoard').available).toBe(false);
  });

  it('wildcard permissions grant per segment', () => {
    expect(grants('wfm:*:*', 'wfm:realtimeAdherence:view')).toBe(true);
    expect(grants('*', 'wfm:realtimeAdherence:view')).toBe(true);
    expect(grants('wfm:realtimeAdherence:*', 'wfm:realtimeAdherence:view')).toBe(true);
    expect(grants('wfm:historicalAdherence:*', 'wfm:realtimeAdherence:view')).toBe(false);
    expect(grants('wfm:*', 'wfm:realtimeAdherence:view')).toBe(false);
  });
});
