import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { userHistory } from '../simulation/history.js';
import { isValidTimeZone } from '../simulation/time-zone.js';
import type { Agent } from '../simulation/topology.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import type { DownloadStore } from './downloads.js';
import { badRequest, jobNotFound, managementUnitNotFound, teamPermissionsMissing } from './error-body.js';
import { bulkUserResult, queryResult } from './historical-documents.js';
import { UUID } from './ids.js';
import { readJsonObject } from './request-body.js';
import { parseIsoDate as parseDate, readUserIds } from './query-fields.js';
import { historicalBulkTopic, historicalQueryTopic } from '../notifications/topics.js';

const DAY = 86_400_000;
// Users per download file: a large result arrives as several downloadUrls, as Genesys sends it.
const USERS_PER_FILE = 500;

export interface HistoricalOptions {
  /** Base delay before a job completes, plus a little per user-day. */
  delayMs: number;
  /** Whether GET …/historical/jobs/{id} lists downloadUrls for MU/team queries (Genesys: "for notification purposes only"). */
  jobRouteDownloadUrls: boolean;
}

/** Historical adherence: MU and team queries (notification-driven), bulk jobs (pollable), job status, downloads. */
/** An agent in a query, and the times that count for it when not the whole range (an agent moved between units). */
interface Member {
  agent: Agent;
  within?: Array<[number, number]>;
}

export function historicalRoutes(ctx: EmulatorContext, downloads: DownloadStore, options: HistoricalOptions) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  const delayFor = (userDays: number) => options.delayMs + Math.min(5000, userDays / 50);

  const startQuery = (
    owner: string,
    agents: Member[],
    from: number,
    to: number,
    timeZone: string,
    includeExceptions: boolean,
    /** The unit the results are reported under (a team's query: its unit's). */
    unitId: string,
  ) => {
    // What has happened by the time the query is made; later days of the range stay empty.
    const until = ctx.centre.now();
    const startDate = new Date(from).toISOString();
    const endDate = new Date(to).toISOString();
    const job = ctx.jobs.start(
      'query',
      owner,
      delayFor(agents.length * ((to - from) / DAY)),
      () => {
        const urls: string[] = [];
        for (let i = 0; i < Math.max(1, agents.length); i += USERS_PER_FILE) {
          const slice = agents.slice(i, i + USERS_PER_FILE);
          urls.push(
            downloads.add(() =>
              JSON.stringify({
                entityId: job.id,
                data: slice.map((m) =>
                  queryResult(
                    userHistory(topo.seed, m.agent, ctx.centre.settings, from, to, timeZone, until, m.within),
                    unitId,
                    startDate,
                    endDate,
                    includeExceptions,
                  ),
                ),
                lookupIdToSecondaryPresenceId: {},
              }),
            ),
          );
        }
        return urls;
      },
      (done) => {
        ctx.hub.publish(historicalQueryTopic(owner), {
          id: done.id,
          downloadUrl: done.downloadUrls[0],
          downloadUrls: done.downloadUrls,
          queryState: done.state,
        });
      },
    );
    return job;
  };

  const checkRange = (from: number, to: number, includeExceptions: boolean) => {
    if (to <= from) throw badRequest('wfm.validation.failure', 'endDate must be after startDate');
    const maxDays = includeExceptions ? 7 : 31;
    if (to - from > maxDays * DAY)
      throw badRequest(
        'wfm.validation.failure',
        `The maximum supported range for historical adherence queries is 31 days, or 7 days with includeExceptions = true`,
      );
  };

  /** The fields MU and team queries share: the range (endDate defaults to now), its limit, and userIds. */
  const readQuery = (body: Record<string, unknown>) => {
    const from = parseDate(body.startDate, 'startDate');
    const to = body.endDate === undefined ? ctx.centre.now() : parseDate(body.endDate, 'endDate');
    const includeExceptions = body.includeExceptions === true;
    checkRange(from, to, includeExceptions);
    const userIds = readUserIds(body.userIds);
    return { from, to, includeExceptions, userIds };
  };

  // POST /api/v2/workforcemanagement/managementunits/{managementUnitId}/historicaladherencequery
  app.post('/api/v2/workforcemanagement/managementunits/:muId/historicaladherencequery', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, ['wfm:historicalAdherence:view']);
    const mu = topo.managementUnits.find((m) => m.id === c.req.param('muId'));
    if (!mu) throw managementUnitNotFound();
    const body = await readJsonObject(c);
    const { from, to, includeExceptions, userIds } = readQuery(body);
    const timeZone = typeof body.timeZone === 'string' ? body.timeZone : mu.timeZone;
    if (!isValidTimeZone(timeZone))
      throw badRequest('wfm.validation.failure', `timeZone ${timeZone} is not an Olson time zone`);
    const teamIds = Array.isArray(body.teamIds) ? (body.teamIds as string[]) : undefined;
    if (userIds && teamIds?.length)
      throw badRequest('wfm.requested.teams.and.users', 'You may only either teams or users, not both');
    if ((teamIds?.length ?? 0) > 10)
      throw badRequest('wfm.too.many.teams.requested', 'You may only request up to 10 teams in a single request');
    // Everyone who was a member during the range, each for the time a member: an agent moved mid-range counts
    // for both units, each for its part (unit-moves.ts).
    let agents = ctx.moves.membersBetween(mu.id, from, to);
    if (userIds) agents = agents.filter((m) => userIds.has(m.agent.id));
    if (teamIds?.length) {
      agents = agents.filter((m) => teamIds.includes(m.agent.teamId));
      if (agents.length === 0)
        throw badRequest(
          'wfm.team.empty.or.no.members.in.management.unit',
          'The requested teams have no members in this management unit',
        );
    }
    const job = startQuery(me.id, agents, from, to, timeZone, includeExceptions, mu.id);
    return c.json({ id: job.id, queryState: 'Processing', downloadUrls: [] }, 202);
  });

  // POST /api/v2/workforcemanagement/teams/{teamId}/adherence/historical
  app.post('/api/v2/workforcemanagement/teams/:teamId/adherence/historical', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, ['wfm:historicalAdherence:view']);
    const team = topo.teamsById.get(c.req.param('teamId'));
    if (!team) throw teamPermissionsMissing();
    const body = await readJsonObject(c);
    const { from, to, includeExceptions, userIds } = readQuery(body);
    if (typeof body.timeZone !== 'string' || !isValidTimeZone(body.timeZone))
      throw badRequest('wfm.validation.failure', 'timeZone is required and must be an Olson time zone');
    // The team's members now, over the whole range (the emulator keeps no history of team membership).
    const agents = team.memberIds
      .filter((id) => !userIds || userIds.has(id))
      .map((id) => ({ agent: topo.agentsById.get(id)! }));
    const job = startQuery(me.id, agents, from, to, body.timeZone, includeExceptions, team.managementUnitId);
    return c.json({ id: job.id, queryState: 'Processing', downloadUrls: [] }, 202);
  });

  // GET /api/v2/workforcemanagement/adherence/historical/jobs/{jobId}: creator only.
  app.get('/api/v2/workforcemanagement/adherence/historical/jobs/:jobId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = requirePermission(c, ['wfm:historicalAdherence:view']);
    const job = ctx.jobs.get(c.req.param('jobId'));
    if (!job || job.kind !== 'query' || job.ownerUserId !== me.id) throw jobNotFound();
    return c.json({
      id: job.id,
      queryState: job.state,
      downloadUrls: options.jobRouteDownloadUrls && job.state === 'Complete' ? job.downloadUrls : [],
    });
  });

  // POST /api/v2/workforcemanagement/adherence/historical/bulk
  app.post('/api/v2/workforcemanagement/adherence/historical/bulk', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = requirePermission(c, ['wfm:historicalAdherence:view']);
    const body = await readJsonObject(c);
    if (!Array.isArray(body.items) || body.items.length === 0 || typeof body.timeZone !== 'string')
      throw badRequest('wfm.missing.fields', 'items and timeZone are required');
    if (!isValidTimeZone(body.timeZone))
      throw badRequest('wfm.validation.failure', `timeZone ${body.timeZone} is not an Olson time zone`);
    const timeZone = body.timeZone;
    const items = (body.items as Array<Record<string, unknown>>).map((item) => {
      if (typeof item?.managementUnitId !== 'string' || item.startDate === undefined || item.endDate === undefined)
        throw badRequest('wfm.missing.fields', 'Each item needs managementUnitId, startDate and endDate');
      if (!UUID.test(item.managementUnitId) || !topo.managementUnits.some((m) => m.id === item.managementUnitId))
        throw managementUnitNotFound();
      const from = parseDate(item.startDate, 'startDate');
      const to = parseDate(item.endDate, 'endDate');
      checkRange(from, to, item.includeExceptions === true);
      const userIds = readUserIds(item.userIds);
      const agents = ctx.moves
        .membersBetween(item.managementUnitId, from, to)
        .filter((m) => !userIds || userIds.has(m.agent.id));
      return {
        mu: item.managementUnitId,
        from,
        to,
        agents,
        includeExceptions: item.includeExceptions === true,
        includeActuals: item.includeActuals === true,
      };
    });
    const until = ctx.centre.now();
    const userDays = items.reduce((n, i) => n + i.agents.length * ((i.to - i.from) / DAY), 0);
    const job = ctx.jobs.start(
      'bulk',
      me.id,
      delayFor(userDays),
      () =>
        items.flatMap((item) => {
          const urls: string[] = [];
          for (let i = 0; i < Math.max(1, item.agents.length); i += USERS_PER_FILE) {
            const slice = item.agents.slice(i, i + USERS_PER_FILE);
            urls.push(
              downloads.add(() =>
                JSON.stringify({
                  startDate: new Date(item.from).toISOString(),
                  endDate: new Date(item.to).toISOString(),
                  managementUnitId: item.mu,
                  userResults: slice.map((m) =>
                    bulkUserResult(
                      userHistory(
                        topo.seed,
                        m.agent,
                        ctx.centre.settings,
                        item.from,
                        item.to,
                        timeZone,
                        until,
                        m.within,
                      ),
                      item.includeExceptions,
                      item.includeActuals,
                    ),
                  ),
                  lookupIdToSecondaryPresenceId: {},
                }),
              ),
            );
          }
          return urls;
        }),
      (done) => {
        ctx.hub.publish(historicalBulkTopic(me.id), {
          id: done.id,
          downloadUrls: done.downloadUrls,
          queryState: done.state,
        });
      },
    );
    return c.json(
      {
        job: {
          id: job.id,
          status: 'Processing',
          selfUri: `/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${job.id}`,
        },
      },
      202,
    );
  });

  // GET /api/v2/workforcemanagement/adherence/historical/bulk/jobs/{jobId}: downloadUrls only when Complete.
  app.get('/api/v2/workforcemanagement/adherence/historical/bulk/jobs/:jobId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = c.get('caller').account;
    const job = ctx.jobs.get(c.req.param('jobId'));
    if (!job || job.kind !== 'bulk' || job.ownerUserId !== me?.id) throw jobNotFound();
    const body: Record<string, unknown> = {
      job: {
        id: job.id,
        status: job.state,
        selfUri: `/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${job.id}`,
      },
    };
    if (job.state === 'Complete') body.downloadUrls = job.downloadUrls;
    return c.json(body);
  });
  return app;
}
