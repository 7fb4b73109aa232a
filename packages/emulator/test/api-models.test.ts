import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { modelMismatches } from '@adhere/testing/sdk-models';
import { tokenFor } from '@adhere/emulator/testing';

let emulator: Emulator;
let supervisor: string;
let agentToken: string;
let narrowToken: string;

beforeAll(async () => {
  emulator = await startEmulator({
    agents: 120,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 15, 0),
    historicalDelayMs: 10,
  });
  supervisor = await tokenFor(emulator);
  agentToken = await tokenFor(emulator, 'agent0001@adhere.local', 'agent');
  narrowToken = await tokenFor(emulator, undefined, undefined, 'user-basic-info');
});
afterAll(() => emulator.close());

const get = async (path: string, token = supervisor) => {
  const res = await fetch(`${emulator.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('API responses match the official SDK models (field names and types)', () => {
  it('users, business units, management units, activity codes, teams', async () => {
    const topo = emulator.centre.topology;
    const mu = topo.managementUnits[0]!;
    const bu = topo.businessUnits[0]!;
    const team = topo.teams[0]!;
    const checks: Array<[string, string]> = [
      ['/api/v2/users/me?expand=authorization', 'UserMe'],
      ['/api/v2/tokens/me', 'TokenInfo'],
      ['/api/v2/users?pageSize=10&pageNumber=2', 'UserEntityListing'],
      ['/api/v2/workforcemanagement/businessunits', 'BusinessUnitListing'],
      [`/api/v2/workforcemanagement/businessunits/${bu.id}?expand=settings`, 'BusinessUnitResponse'],
      [`/api/v2/workforcemanagement/businessunits/${bu.id}/managementunits`, 'ManagementUnitListing'],
      [`/api/v2/workforcemanagement/businessunits/${bu.id}/activitycodes`, 'BusinessUnitActivityCodeListing'],
      ['/api/v2/workforcemanagement/managementunits', 'ManagementUnitListing'],
      [`/api/v2/workforcemanagement/managementunits/${mu.id}?expand=settings.adherence`, 'ManagementUnit'],
      [`/api/v2/workforcemanagement/managementunits/${mu.id}/users`, 'WfmUserEntityListing'],
      [`/api/v2/workforcemanagement/agents/${topo.agents[0]!.id}/managementunit`, 'AgentManagementUnitReference'],
      ['/api/v2/teams?pageSize=5', 'TeamEntityListing'],
      [`/api/v2/teams/${team.id}`, 'Team'],
      [`/api/v2/teams/${team.id}/members`, 'TeamMemberEntityListing'],
      [`/api/v2/workforcemanagement/managementunits/${mu.id}/adherence`, 'UserScheduleAdherenceListing'],
      [`/api/v2/workforcemanagement/teams/${team.id}/adherence`, 'UserScheduleAdherenceListing'],
      ['/api/v2/notifications/availabletopics', 'AvailableTopicEntityListing'],
      ['/api/v2/presence/definitions', 'OrganizationPresenceDefinitionEntityListing'],
      ['/api/v2/workforcemanagement/businessunits/00000000-0000-4000-8000-000000000000', 'ErrorBody'],
    ];
    for (const [path, model] of checks) {
      const { body } = await get(path);
      expect(modelMismatches(body, model), `${path} as ${model}`).toEqual([]);
    }
  });

  it("each record's secondary presence is one of the org's presence definitions, under its system presence", async () => {
    const defs = (await get('/api/v2/presence/definitions')).body.entities as Array<{
      id: string;
      systemPresence: string;
      type: string;
      languageLabels: Record<string, string>;
    }>;
    expect(defs.filter((d) => d.type === 'System').map((d) => d.systemPresence)).toHaveLength(10);
    expect(defs.find((d) => d.languageLabels.en_US === 'Coaching')?.systemPresence).toBe('Away');
    const mu = emulator.centre.topology.managementUnits[0]!;
    const records = (await get(`/api/v2/workforcemanagement/managementunits/${mu.id}/adherence`)).body
      .entities as Array<{ systemPresence: string; organizationSecondaryPresenceId: string }>;
    const byId = new Map(defs.map((d) => [d.id, d]));
    for (const r of records) expect(byId.get(r.organizationSecondaryPresenceId)?.systemPresence).toBe(r.systemPresence);
    // Without the permission: Genesys's 403.
    expect((await get('/api/v2/presence/definitions', narrowToken)).status).toBe(403);
  });

  it('agent schedules and adherence explanations (POST queries) match their SDK models', async () => {
    const topo = emulator.centre.topology;
    const mu = topo.managementUnits[0]!;
    const post = async (path: string, body: unknown, token = supervisor) => {
      const res = await fetch(`${emulator.apiUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const range = { startDate: '2026-10-01T00:00:00.000Z', endDate: '2026-11-20T00:00:00.000Z' };
    const agents = topo.agents.filter((a) => a.managementUnitId === mu.id);
    const schedules = await post(`/api/v2/workforcemanagement/managementunits/${mu.id}/agentschedules/search`, {
      ...range,
      userIds: agents.slice(0, 5).map((a) => a.id),
    });
    expect(schedules.status).toBe(200);
    expect(modelMismatches(schedules.body, 'BuAsyncAgentSchedulesSearchResponse')).toEqual([]);
    const shifts = schedules.body.result.agentSchedules.flatMap((s: any) => s.shifts);
    expect(shifts.length).toBeGreaterThan(100);
    expect(shifts[0].activities[0]).toMatchObject({ activityCodeId: '0', description: 'On Queue' });

    const bu = await post(
      `/api/v2/workforcemanagement/businessunits/${mu.businessUnitId}/adherence/explanations/query`,
      {
        ...range,
        managementUnitIds: [mu.id],
      },
    );
    expect(bu.status).toBe(200);
    expect(modelMismatches(bu.body, 'BuQueryAdherenceExplanationsResponse')).toEqual([]);
    const entities = bu.body.result.entities as Array<{ status: string; type: string; agent: { id: string } }>;
    expect(new Set(entities.map((e) => e.status))).toEqual(new Set(['Pending', 'Approved', 'Denied']));
    expect(new Set(entities.map((e) => e.type))).toEqual(new Set(['Late']));
    const one = entities[0]!.agent.id;
    const agent = await post(`/api/v2/workforcemanagement/agents/${one}/adherence/explanations/query`, range);
    expect(modelMismatches(agent.body, 'AgentQueryAdherenceExplanationsResponse')).toEqual([]);
    expect(agent.body.result.entities).toEqual(entities.filter((e) => e.agent.id === one));

    // A supervisor's review: an AdherenceExplanationAsyncResponse, and the status as every query then shows it.
    const target = entities[0]! as unknown as { id: string; agent: { id: string } };
    const patch = async (status: string, token = supervisor) => {
      const res = await fetch(
        `${emulator.apiUrl}/api/v2/workforcemanagement/agents/${target.agent.id}/adherence/explanations/${target.id}`,
        {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ status }),
        },
      );
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };
    const reviewed = await patch('Denied');
    expect(reviewed.status).toBe(200);
    expect(modelMismatches(reviewed.body, 'AdherenceExplanationAsyncResponse')).toEqual([]);
    const again = await post(
      `/api/v2/workforcemanagement/agents/${target.agent.id}/adherence/explanations/query`,
      range,
    );
    expect(again.body.result.entities.find((e: { id: string }) => e.id === target.id).status).toBe('Denied');
    expect((await patch('Maybe')).status).toBe(400);
    expect((await patch('Approved', agentToken)).status).toBe(403);

    // Issue 23, item 5: the job's selfUri answers (AdherenceExplanationJob), to its owner only; a text/plain
    // body is refused unread.
    const job = await fetch(`${emulator.apiUrl}${reviewed.body.job.selfUri}`, {
      headers: { Authorization: `Bearer ${supervisor}` },
    });
    expect(job.status).toBe(200);
    const jobBody = (await job.json()) as Record<string, any>;
    expect(modelMismatches(jobBody, 'AdherenceExplanationJob')).toEqual([]);
    expect(jobBody).toMatchObject({ id: reviewed.body.job.id, status: 'Complete' });
    expect(jobBody.adherenceExplanation).toMatchObject({ id: target.id, status: 'Denied' });
    const notMine = await fetch(`${emulator.apiUrl}${reviewed.body.job.selfUri}`, {
      headers: { Authorization: `Bearer ${agentToken}` },
    });
    expect(notMine.status).toBe(404);
    const plain = await fetch(
      `${emulator.apiUrl}/api/v2/workforcemanagement/agents/${target.agent.id}/adherence/explanations/${target.id}`,
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${supervisor}`, 'Content-Type': 'text/plain' },
        body: JSON.stringify({ status: 'Approved' }),
      },
    );
    expect(plain.status).toBe(415);
    const still = await post(
      `/api/v2/workforcemanagement/agents/${target.agent.id}/adherence/explanations/query`,
      range,
    );
    expect(still.body.result.entities.find((e: { id: string }) => e.id === target.id).status).toBe('Denied');

    // Without the permission: 403 naming it; a range too long or inverted: 400.
    expect(
      (await post(`/api/v2/workforcemanagement/agents/${one}/adherence/explanations/query`, range, agentToken)).status,
    ).toBe(403);
    const long = await post(`/api/v2/workforcemanagement/managementunits/${mu.id}/agentschedules/search`, {
      startDate: '2026-01-01T00:00:00.000Z',
      endDate: '2026-06-01T00:00:00.000Z',
    });
    expect([long.status, long.body.code]).toEqual([400, 'wfm.validation.failure']);
    const inverted = await post(
      `/api/v2/workforcemanagement/businessunits/${mu.businessUnitId}/adherence/explanations/query`,
      {
        startDate: range.endDate,
        endDate: range.startDate,
      },
    );
    expect(inverted.status).toBe(400);
  });

  it('real-time adherence by user ids is a bare UserScheduleAdherence[] with Genesys enums', async () => {
    const ids = emulator.centre.topology.agents
      .slice(0, 100)
      .map((a) => `userId=${a.id}`)
      .join('&');
    const { status, body } = await get(`/api/v2/workforcemanagement/adherence?${ids}`);
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    const list = body as unknown as Array<Record<string, string>>;
    expect(list).toHaveLength(100);
    for (const r of list) {
      expect(modelMismatches(r, 'UserScheduleAdherence')).toEqual([]);
      expect(['InAdherence', 'OutOfAdherence', 'Unscheduled', 'Unknown', 'Ignored', 'Explained']).toContain(
        r.adherenceState,
      );
      expect(['Positive', 'Negative', 'Neutral', 'Unknown']).toContain(r.impact);
      expect(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).toContain(r.routingStatus);
      expect([
        'Available',
        'Away',
        'Busy',
        'Offline',
        'Idle',
        'OnQueue',
        'Meal',
        'Training',
        'Meeting',
        'Break',
      ]).toContain(r.systemPresence);
    }
    const states = new Set(list.map((r) => r.adherenceState));
    expect(states.has('InAdherence')).toBe(true);
  });

  it('rejects bad user-id sets with Genesys codes', async () => {
    expect((await get('/api/v2/workforcemanagement/adherence')).body.code).toBe('no.user.ids.specified');
    expect((await get('/api/v2/workforcemanagement/adherence?userId=nope')).body.code).toBe('invalid.id');
    const many = Array.from({ length: 101 }, () => 'userId=6e1c5a0e-2f0b-4d7e-9a55-3a7f2c1d9b10').join('&');
    expect((await get(`/api/v2/workforcemanagement/adherence?${many}`)).body.code).toBe('max.user.ids');
  });

  it('a large listing comes back as a pre-signed downloadUrl that needs no token', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const { body } = await get(
      `/api/v2/workforcemanagement/managementunits/${mu.id}/adherence?forceDownloadService=true`,
    );
    expect(body.entities).toBeUndefined();
    const file = await fetch(body.downloadUrl as string);
    const parsed = (await file.json()) as Record<string, unknown>;
    expect(modelMismatches(parsed, 'UserScheduleAdherenceListing')).toEqual([]);
    expect((parsed.entities as unknown[]).length).toBe(
      emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu.id).length,
    );
  });

  it('pages users with the Genesys envelope', async () => {
    const { body } = await get('/api/v2/users?pageSize=50&pageNumber=3');
    expect(body.pageSize).toBe(50);
    expect(body.pageNumber).toBe(3);
    expect(body.total).toBe(121);
    expect(body.pageCount).toBe(3);
    expect(body.entities).toHaveLength(21);
    expect(body.nextUri).toBeUndefined();
    expect(body.previousUri).toContain('pageNumber=2');
  });
});

describe('users search', () => {
  it('finds users by name with the UsersSearchResponse envelope', async () => {
    const someone = emulator.centre.topology.agents[7]!;
    const res = await fetch(`${emulator.apiUrl}/api/v2/users/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${supervisor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ pageSize: 5, query: [{ type: 'EXACT', fields: ['email'], value: someone.email }] }),
    });
    const body = (await res.json()) as Record<string, any>;
    expect(modelMismatches(body, 'UsersSearchResponse')).toEqual([]);
    expect(body.total).toBe(1);
    expect(body.results[0].id).toBe(someone.id);
    const bad = await fetch(`${emulator.apiUrl}/api/v2/users/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${supervisor}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bad.status).toBe(400);
  });
});

describe('scopes and permissions', () => {
  it('a token without the WFM scope gets 403 app.not.authorized.for.scope', async () => {
    const { status, body } = await get('/api/v2/workforcemanagement/businessunits', narrowToken);
    expect(status).toBe(403);
    expect(body.code).toBe('app.not.authorized.for.scope');
    expect(modelMismatches(body, 'ErrorBody')).toEqual([]);
    expect((await get('/api/v2/users/me', narrowToken)).status).toBe(200);
  });

  it('an agent without wfm:realtimeAdherence:view gets 403 missing.any.permissions', async () => {
    const mu = emulator.centre.topology.managementUnits[0]!;
    const { status, body } = await get(`/api/v2/workforcemanagement/managementunits/${mu.id}/adherence`, agentToken);
    expect(status).toBe(403);
    expect(body.code).toBe('missing.any.permissions');
  });

  it('no token → 401 authentication.required; a bad token → 401 bad.credentials', async () => {
    const none = await fetch(`${emulator.apiUrl}/api/v2/users/me`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { code: string }).code).toBe('authentication.required');
    expect((await get('/api/v2/users/me', 'forged')).body.code).toBe('bad.credentials');
  });

  it('DELETE /api/v2/tokens/me revokes the token', async () => {
    const t = await tokenFor(emulator);
    expect((await get('/api/v2/users/me', t)).status).toBe(200);
    const del = await fetch(`${emulator.apiUrl}/api/v2/tokens/me`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${t}` },
    });
    expect(del.status).toBe(204);
    expect((await get('/api/v2/users/me', t)).status).toBe(401);
  });
});
