import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Agent } from '../simulation/topology.js';
import { userScheduleAdherence } from './adherence-models.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import type { DownloadStore } from './downloads.js';
import { badRequest, managementUnitNotFound, teamPermissionsMissing } from './error-body.js';
import { UUID } from './ids.js';

const WFM = ['workforce-management', 'workforce-management:readonly'];
const RTA = ['wfm:realtimeAdherence:view'];

/** Real-time adherence: by users (bare array), by management unit and by team (UserScheduleAdherenceListing). */
export function realtimeAdherenceRoutes(ctx: EmulatorContext, downloads: DownloadStore, downloadThreshold: number) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  const records = (agents: Agent[]) => agents.map((a) => userScheduleAdherence(ctx.centre.statusOf(a.index), topo));
  const listing = (agents: Agent[], force: boolean) => {
    // Large results come back as a downloadUrl instead of entities, as Genesys's download service does.
    if (force || agents.length > downloadThreshold) {
      const snapshot = records(agents);
      return { downloadUrl: downloads.add(() => JSON.stringify({ entities: snapshot })) };
    }
    return { entities: records(agents) };
  };

  // GET /api/v2/workforcemanagement/adherence?userId=…: a bare UserScheduleAdherence[] for 1–100 users.
  app.get('/api/v2/workforcemanagement/adherence', (c) => {
    requireScope(c, WFM);
    requirePermission(c, RTA);
    const ids = new URL(c.req.url).searchParams
      .getAll('userId')
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    if (ids.length === 0) throw badRequest('no.user.ids.specified', 'At least one user ID must be specified');
    if (ids.length > 100) throw badRequest('max.user.ids', 'Only 100 users can be requested at a time');
    if (!ids.every((id) => UUID.test(id))) throw badRequest('invalid.id', 'All requested user IDs must be valid UUIDs');
    return c.json(records(ids.map((id) => topo.agentsById.get(id)).filter((a): a is Agent => a !== undefined)));
  });

  app.get('/api/v2/workforcemanagement/managementunits/:muId/adherence', (c) => {
    requireScope(c, WFM);
    requirePermission(c, RTA);
    const id = c.req.param('muId');
    if (!UUID.test(id)) throw badRequest('invalid.id', 'The management unit ID must be a valid UUID');
    if (!topo.managementUnits.some((m) => m.id === id)) throw managementUnitNotFound();
    return c.json(
      listing(
        topo.agents.filter((a) => a.managementUnitId === id),
        c.req.query('forceDownloadService') === 'true',
      ),
    );
  });

  app.get('/api/v2/workforcemanagement/teams/:teamId/adherence', (c) => {
    requireScope(c, WFM);
    requirePermission(c, RTA);
    const id = c.req.param('teamId');
    if (!UUID.test(id)) throw badRequest('invalid.id', 'The team ID must be a valid UUID');
    const team = topo.teamsById.get(id);
    if (!team) throw teamPermissionsMissing();
    return c.json(
      listing(
        team.memberIds.map((m) => topo.agentsById.get(m)!),
        c.req.query('forceDownloadService') === 'true',
      ),
    );
  });
  return app;
}
