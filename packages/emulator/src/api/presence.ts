/**
 * @module The org's presence definitions (GET /api/v2/presence/definitions): labels for secondary presences; and a
 * user's Genesys Cloud presence, read and set (GET and PATCH /api/v2/users/{userId}/presences/purecloud: the
 * official SDK's PresenceApi docs say these require no permission; scope `presence` to set, `presence:readonly`
 * to read).
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { AgentStatus } from '../simulation/contact-centre.js';
import { languageLabelsOf, presenceDefinitions, secondaryPresenceOf } from '../simulation/presence-definitions.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { badRequest, notFound } from './error-body.js';
import { readJsonObject } from './request-body.js';

/** Genesys's UserPresence for an agent's state: the definition chosen (or set), its system presence, since when. */
export function userPresence(userId: string, status: AgentStatus, seed: number) {
  const definitionId =
    status.presenceDefinitionId ??
    secondaryPresenceOf(seed, status.agent.index, status.span.presence, status.presenceUpdateTime)?.id;
  return {
    source: 'PURECLOUD',
    primary: true,
    presenceDefinition: {
      id: definitionId,
      systemPresence: status.span.presence,
      selfUri: `/api/v2/presence/definitions/${definitionId}`,
    },
    message: '',
    modifiedDate: new Date(status.presenceUpdateTime).toISOString(),
    selfUri: `/api/v2/users/${userId}/presences/purecloud`,
  };
}

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
          languageLabels: languageLabelsOf(d),
          systemPresence: d.systemPresence,
          divisionId: topo.businessUnits[0]!.divisionId,
          deactivated: false,
          selfUri: `/api/v2/presence/definitions/${d.id}`,
        }));
    return c.json({ total: entities.length, entities, selfUri: '/api/v2/presence/definitions' });
  });

  const agentOf = (id: string) => {
    const agent = topo.agentsById.get(id);
    if (!agent) throw notFound('User');
    return agent;
  };
  app.get('/api/v2/users/:userId/presences/purecloud', (c) => {
    requireScope(c, ['presence', 'presence:readonly']);
    const agent = agentOf(c.req.param('userId'));
    return c.json(userPresence(agent.id, ctx.centre.statusOf(agent.index), topo.seed));
  });
  // Set with presenceDefinition.id (Genesys's "Option 2"); `primary` and `message` are taken and not kept.
  app.patch('/api/v2/users/:userId/presences/purecloud', async (c) => {
    requireScope(c, ['presence']);
    const agent = agentOf(c.req.param('userId'));
    const body = await readJsonObject(c);
    const wanted = (body.presenceDefinition as { id?: unknown } | undefined)?.id;
    if (typeof wanted !== 'string')
      throw badRequest('bad.request', 'presenceDefinition.id is required: the presence definition to set');
    const definition = presenceDefinitions(topo.seed).find((d) => d.id === wanted);
    if (!definition) throw badRequest('invalid.value', `No presence definition ${wanted.slice(0, 64)} in this org`);
    const status = ctx.centre.setPresence(agent.index, definition.systemPresence, definition.id);
    ctx.log(`[emulator] presence of ${agent.id} set to ${definition.label}`);
    return c.json(userPresence(agent.id, status, topo.seed));
  });
  return app;
}
