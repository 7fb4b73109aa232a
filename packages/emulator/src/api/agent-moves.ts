/**
 * @module Moving agents between management units: `POST /api/v2/workforcemanagement/agents` ("Move agents in and
 * out of management unit", permission `wfm:agent:edit`; body `MoveAgentsRequest {userIds, destinationManagementUnitId}`,
 * answer `MoveAgentsResponse {requestingUser, destinationManagementUnit, results[{user, result}]}`, the official
 * SDK's WorkforceManagementApi and models). Each user's `result` is one of Genesys's `MoveAgentResponse.result`
 * values. Genesys also announces a completed move on `v2.workforcemanagement.agents` (WfmMoveAgentsComplete); the
 * emulator answers at once and does not serve that topic.
 *
 * The unit the agent leaves hears `removedFromManagementUnit: true` on its adherence topic, and the unit the agent
 * joins hears the agent's current state on its own, so open boards follow the move live.
 */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Agent } from '../simulation/topology.js';
import { adherenceUpdateTopicBody } from './adherence-models.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { badRequest } from './error-body.js';
import { UUID } from './ids.js';
import { readJsonObject } from './request-body.js';
import { managementUnitAdherenceTopic, teamAdherenceTopic, userAdherenceTopic } from '../notifications/topics.js';

/** Genesys's limit on a management unit (topology.ts). */
const MU_LIMIT = 1500;
/** At most this many users in one request (our bound; Genesys documents none). */
const MAX_USERS = 100;

type MoveResult = 'MoveSuccessful' | 'NothingToDo' | 'DestinationManagementUnitAgentLimitExceeded';

export function agentMoveRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;

  app.post('/api/v2/workforcemanagement/agents', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, ['wfm:agent:edit']);
    const body = await readJsonObject(c);
    const { userIds, destinationManagementUnitId: dest } = body;
    if (
      !Array.isArray(userIds) ||
      userIds.length === 0 ||
      userIds.some((id) => typeof id !== 'string' || !UUID.test(id))
    )
      throw badRequest('wfm.validation.failure', 'userIds must list at least one user ID, each a UUID');
    if (userIds.length > MAX_USERS)
      throw badRequest('wfm.validation.failure', `Only ${MAX_USERS} users can be moved at a time`);
    // Genesys also takes agents out of every unit when no destination is given; the emulator's agents always
    // belong to one, so it says so rather than doing something else.
    if (typeof dest !== 'string' || !UUID.test(dest))
      throw badRequest(
        'wfm.validation.failure',
        'destinationManagementUnitId is required here: the emulator moves agents between management units only',
      );
    const destination = topo.managementUnits.find((m) => m.id === dest);
    const at = ctx.centre.now();
    const results = (userIds as string[]).map((id) => {
      const agent = topo.agentsById.get(id);
      const result = !destination
        ? 'DestinationManagementUnitDoesNotExist'
        : !agent
          ? 'NothingToDo'
          : moveOne(agent, destination.id);
      return { user: { id, selfUri: `/api/v2/users/${id}` }, result };
    });
    const response = {
      requestingUser: { id: me.id, selfUri: `/api/v2/users/${me.id}` },
      destinationManagementUnit: { id: dest, selfUri: `/api/v2/workforcemanagement/managementunits/${dest}` },
      results,
    };
    return c.json(response);

    function moveOne(agent: Agent, destId: string): MoveResult {
      if (agent.managementUnitId === destId) return 'NothingToDo';
      if (topo.agents.filter((a) => a.managementUnitId === destId).length >= MU_LIMIT)
        return 'DestinationManagementUnitAgentLimitExceeded';
      const status = ctx.centre.statusOf(agent.index);
      const left = { ...adherenceUpdateTopicBody(status, topo), removedFromManagementUnit: true };
      const leftTopics = [managementUnitAdherenceTopic(agent.managementUnitId), teamAdherenceTopic(agent.teamId)];
      ctx.moves.move(
        agent,
        topo.managementUnits.find((m) => m.id === destId)!,
        at,
      );
      for (const topic of leftTopics) ctx.hub.publish(topic, left);
      const joined = adherenceUpdateTopicBody(status, topo);
      for (const topic of [
        managementUnitAdherenceTopic(agent.managementUnitId),
        teamAdherenceTopic(agent.teamId),
        userAdherenceTopic(agent.id),
      ])
        ctx.hub.publish(topic, joined);
      return 'MoveSuccessful';
    }
  });
  return app;
}
