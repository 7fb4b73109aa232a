/** @module The org's presence definitions (GET /api/v2/presence/definitions): labels for secondary presences. */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import { presenceDefinitions } from '../simulation/presence-definitions.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';

export function presenceRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  // OrganizationPresenceDefinitionEntityListing: not paged.
  app.get('/api/v2/presence/definitions', (c) => {
    requireScope(c, ['presence', 'presence:readonly']);
    requirePermission(c, ['presence:presenceDefinition:view']);
    const deactivated = c.req.query('deactivated') === 'true';
    const entities = deactivated
      ? []
      : presenceDefinitions(topo.seed).map((d) => ({
          id: d.id,
          type: d.type,
          languageLabels: { en_US: d.label },
          systemPresence: d.systemPresence,
          divisionId: topo.businessUnits[0]!.divisionId,
          deactivated: false,
          selfUri: `/api/v2/presence/definitions/${d.id}`,
        }));
    return c.json({ total: entities.length, entities, selfUri: '/api/v2/presence/definitions' });
  });
  return app;
}
