import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { ACTIVITY_CODES } from '../simulation/categories.js';
import type { ManagementUnit } from '../simulation/topology.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { holdsPermission } from '../directory.js';
import { ApiProblem, badRequest, managementUnitNotFound, notFound } from './error-body.js';
import { intParam } from './paging.js';
import type { DownloadStore } from './downloads.js';

const WFM = ['workforce-management', 'workforce-management:readonly'];
const GROUPS = ['groups', 'groups:readonly'];
/** "any WFM view permission" in Genesys's docs, as far as the emulator models permissions. */
export const WFM_VIEW = [
  'wfm:agent:view',
  'wfm:historicalAdherence:view',
  'wfm:realtimeAdherence:view',
  'wfm:managementUnit:view',
];

/** What `feature=` on the business-unit list asks of the user, for the features the emulator serves. */
const FEATURE_PERMISSIONS: Record<string, string[]> = {
  RealTimeAdherence: ['wfm:realtimeAdherence:view'],
  HistoricalAdherence: ['wfm:historicalAdherence:view'],
  AgentHistoricalAdherence: ['wfm:agentHistoricalAdherence:view'],
  ManagementUnits: ['wfm:managementUnit:view', 'wfm:managementUnit:add', 'wfm:managementUnit:edit'],
};

const METADATA = { version: 1, dateModified: '2026-01-01T00:00:00.000Z' };

/** Business units, management units, their users, activity codes and work teams. */
export function wfmOrgRoutes(ctx: EmulatorContext, downloads: DownloadStore) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  const buSelf = (id: string) => `/api/v2/workforcemanagement/businessunits/${id}`;
  const muSelf = (id: string) => `/api/v2/workforcemanagement/managementunits/${id}`;
  const findBu = (id: string, c: Context<ApiEnv>) => {
    const resolved = id === 'mine' ? mineMu(c)?.businessUnitId : id;
    const bu = topo.businessUnits.find((b) => b.id === resolved);
    if (!bu) throw new ApiProblem(404, 'wfm.business.unit.not.found', 'The requested business unit was not found');
    return bu;
  };
  const mineMu = (c: Context<ApiEnv>) => {
    const id = c.get('caller').account?.id;
    const agent = id ? topo.agentsById.get(id) : undefined;
    return agent ? topo.managementUnits.find((m) => m.id === agent.managementUnitId) : topo.managementUnits[0];
  };
  const findMu = (id: string, c: Context<ApiEnv>) => {
    const mu = id === 'mine' ? mineMu(c) : topo.managementUnits.find((m) => m.id === id);
    if (!mu) throw managementUnitNotFound();
    return mu;
  };
  const muModel = (mu: ManagementUnit, expand: string[]) => {
    const model: Record<string, unknown> = {
      id: mu.id,
      name: mu.name,
      businessUnit: { id: mu.businessUnitId, selfUri: buSelf(mu.businessUnitId) },
      startDayOfWeek: 'Monday',
      ...(mu.zoneOnBusinessUnit ? {} : { timeZone: mu.timeZone }),
      division: {
        id: topo.businessUnits[0]!.divisionId,
        selfUri: `/api/v2/authorization/divisions/${topo.businessUnits[0]!.divisionId}`,
      },
      version: 1,
      selfUri: muSelf(mu.id),
    };
    if (expand.some((e) => e.startsWith('settings'))) {
      const s = ctx.centre.settings;
      model.settings = {
        adherence: {
          severeAlertThresholdMinutes: s.severeAlertThresholdMinutes,
          adherenceTargetPercent: s.adherenceTargetPercent,
          adherenceExceptionThresholdSeconds: s.adherenceExceptionThresholdSeconds,
          nonOnQueueActivitiesEquivalent: s.nonOnQueueActivitiesEquivalent,
          trackOnQueueActivity: false,
          ignoredActivityCategories: { values: s.ignoredActivityCategories },
          ignoredActivityCodeIds: { values: [] },
        },
        metadata: METADATA,
      };
    }
    return model;
  };
  const expandOf = (c: Context) => (c.req.query('expand') ?? '').split(',').filter(Boolean);

  app.get('/api/v2/workforcemanagement/businessunits', (c) => {
    requireScope(c, WFM);
    // `feature`: "the list of business units for which the user is authorized to use the requested feature"
    // (WorkforceManagementApi). The features a user's permissions decide here; any other lists every unit.
    const feature = c.req.query('feature');
    const needs = feature && Object.hasOwn(FEATURE_PERMISSIONS, feature) ? FEATURE_PERMISSIONS[feature]! : undefined;
    const account = c.get('caller').account;
    if (needs && !needs.some((p) => holdsPermission(account, p))) return c.json({ entities: [] });
    return c.json({
      entities: topo.businessUnits.map((b) => ({
        id: b.id,
        name: b.name,
        authorized: true,
        division: { id: b.divisionId, selfUri: `/api/v2/authorization/divisions/${b.divisionId}` },
        selfUri: buSelf(b.id),
      })),
    });
  });
  app.get('/api/v2/workforcemanagement/businessunits/:buId', (c) => {
    requireScope(c, WFM);
    requirePermission(c, WFM_VIEW);
    const bu = findBu(c.req.param('buId'), c);
    const body: Record<string, unknown> = {
      id: bu.id,
      name: bu.name,
      division: { id: bu.divisionId, selfUri: `/api/v2/authorization/divisions/${bu.divisionId}` },
      selfUri: buSelf(bu.id),
    };
    if (expandOf(c).some((e) => e.startsWith('settings')))
      body.settings = { startDayOfWeek: 'Monday', timeZone: bu.timeZone, metadata: METADATA };
    return c.json(body);
  });
  app.get('/api/v2/workforcemanagement/businessunits/:buId/managementunits', (c) => {
    requireScope(c, WFM);
    const bu = findBu(c.req.param('buId'), c);
    return c.json({
      entities: topo.managementUnits.filter((m) => m.businessUnitId === bu.id).map((m) => muModel(m, [])),
    });
  });
  app.get('/api/v2/workforcemanagement/businessunits/:buId/activitycodes', (c) => {
    requireScope(c, WFM);
    // "Any WFM view permission" (shared/context/genesys-wfm-report.md §4): an agent's own schedule view too,
    // whose schedule names and colours its activities by these codes.
    requirePermission(c, [...WFM_VIEW, 'wfm:agentSchedule:view']);
    const bu = findBu(c.req.param('buId'), c);
    const listing = {
      entities: ACTIVITY_CODES.map((a) => ({
        id: a.id,
        name: a.name,
        active: true,
        defaultCode: true,
        category: a.category,
        lengthInMinutes: a.lengthInMinutes,
        countsAsPaidTime: a.category !== 'Meal',
        countsAsWorkTime: a.category === 'OnQueueWork' || a.category === 'OffQueueWork',
        secondaryPresences: [],
        metadata: METADATA,
        selfUri: `${buSelf(bu.id)}/activitycodes/${a.id}`,
      })),
    };
    // BusinessUnitActivityCodeListing {entities, downloadUrl}: "forceDownloadService: Force the result of this
    // operation to be sent via download service" (WorkforceManagementApi).
    if (c.req.query('forceDownloadService') === 'true')
      return c.json({ downloadUrl: downloads.add(() => JSON.stringify(listing)) });
    return c.json(listing);
  });
  app.get('/api/v2/workforcemanagement/managementunits', (c) => {
    requireScope(c, WFM);
    return c.json({
      entities: topo.managementUnits.map((m) => muModel(m, [])),
      selfUri: '/api/v2/workforcemanagement/managementunits',
    });
  });
  app.get('/api/v2/workforcemanagement/managementunits/:muId', (c) => {
    requireScope(c, WFM);
    requirePermission(c, WFM_VIEW);
    return c.json(muModel(findMu(c.req.param('muId'), c), expandOf(c)));
  });
  app.get('/api/v2/workforcemanagement/managementunits/:muId/users', (c) => {
    requireScope(c, WFM);
    requirePermission(c, WFM_VIEW);
    const mu = findMu(c.req.param('muId'), c);
    return c.json({
      entities: topo.agents
        .filter((a) => a.managementUnitId === mu.id)
        .map((a) => ({ id: a.id, selfUri: `/api/v2/users/${a.id}` })),
    });
  });
  app.get('/api/v2/workforcemanagement/agents/:agentId/managementunit', (c) => {
    requireScope(c, WFM);
    const raw = c.req.param('agentId');
    const id = raw === 'me' ? c.get('caller').account?.id : raw;
    const agent = id ? topo.agentsById.get(id) : undefined;
    if (!agent) throw new ApiProblem(404, 'wfm.entity.not.found', 'The requested agent is not in a management unit');
    return c.json({
      user: { id: agent.id, selfUri: `/api/v2/users/${agent.id}` },
      managementUnit: { id: agent.managementUnitId, selfUri: muSelf(agent.managementUnitId) },
      businessUnit: { id: agent.businessUnitId, selfUri: buSelf(agent.businessUnitId) },
    });
  });

  // Work teams: GET /api/v2/teams with cursor paging {entities, nextUri, previousUri, selfUri}.
  app.get('/api/v2/teams', (c) => {
    requireScope(c, GROUPS);
    requirePermission(c, ['groups:team:view']);
    const q = new URL(c.req.url).searchParams;
    const pageSize = intParam(q, 'pageSize', 25);
    if (pageSize < 1 || pageSize > 100)
      throw badRequest('invalid.query.param.value', 'pageSize must be between 1 and 100');
    const name = q.get('name')?.toLowerCase();
    const all = name ? topo.teams.filter((t) => t.name.toLowerCase().startsWith(name)) : topo.teams;
    const after = q.get('after');
    const start = after ? Number(Buffer.from(after, 'base64url').toString()) || 0 : 0;
    const entities = all.slice(start, start + pageSize).map((t) => teamModel(t.id));
    const body: Record<string, unknown> = { entities, selfUri: `/api/v2/teams?pageSize=${pageSize}` };
    if (start + pageSize < all.length)
      body.nextUri = `/api/v2/teams?pageSize=${pageSize}&after=${Buffer.from(String(start + pageSize)).toString('base64url')}`;
    if (start > 0)
      body.previousUri = `/api/v2/teams?pageSize=${pageSize}&after=${Buffer.from(String(Math.max(0, start - pageSize))).toString('base64url')}`;
    return c.json(body);
  });
  const teamModel = (id: string) => {
    const t = topo.teamsById.get(id);
    if (!t) throw notFound('Team');
    return {
      id: t.id,
      name: t.name,
      division: { id: topo.businessUnits[0]!.divisionId, name: 'Home' },
      description: `Work team of ${topo.managementUnits.find((m) => m.id === t.managementUnitId)?.name ?? ''}`,
      memberCount: t.memberIds.length,
      dateCreated: METADATA.dateModified,
      dateModified: METADATA.dateModified,
      selfUri: `/api/v2/teams/${t.id}`,
    };
  };
  app.get('/api/v2/teams/:teamId', (c) => {
    requireScope(c, GROUPS);
    requirePermission(c, ['groups:team:view']);
    return c.json(teamModel(c.req.param('teamId')));
  });
  app.get('/api/v2/teams/:teamId/members', (c) => {
    requireScope(c, GROUPS);
    requirePermission(c, ['groups:team:view']);
    const t = topo.teamsById.get(c.req.param('teamId'));
    if (!t) throw notFound('Team');
    // `expand=entities`: "Expand the name on each user" (TeamsApi.getTeamMembers); without it, ids only.
    const named = expandOf(c).includes('entities');
    return c.json({
      entities: t.memberIds.map((id) => ({
        id,
        ...(named ? { name: topo.agentsById.get(id)?.name ?? '' } : {}),
        selfUri: `/api/v2/users/${id}`,
      })),
      selfUri: `/api/v2/teams/${t.id}/members`,
    });
  });
  return app;
}
