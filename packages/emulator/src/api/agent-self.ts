/**
 * @module What an agent may do for themself (shared/context/genesys-next.md §3): their own schedule, their own
 * explanations (submit, read, query), and the supervisor's route to add one for an agent. (Their management unit
 * is served with the others', in wfm-org.ts.)
 * Each route checks Genesys's permission and scope; an agent cannot reach another agent's time through them.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Agent } from '../simulation/topology.js';
import type { Explanation } from '../simulation/explanations.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { ApiProblem, badRequest, notFound } from './error-body.js';
import { parseIsoDate } from './query-fields.js';
import { readJsonObject } from './request-body.js';
import type { ExplanationJobs } from './explanation-jobs.js';
import { agentScheduleOf } from './schedules.js';
import { explanationChangedBody, explanationModel, explanationNotFound } from './explanations.js';
import { agentExplanationsTopic, businessUnitExplanationsTopic } from '../notifications/topics.js';

const DAY = 86_400_000;
const SUBMIT = ['wfm:agentAdherenceExplanation:submit'];
/** Longest explanation and oldest time one may explain (our choices; Genesys documents neither). */
const MAX_NOTES = 1000;
const MAX_LENGTH_MINUTES = 24 * 60;
const MAX_AGE_DAYS = 62;
const MAX_RANGE_DAYS = 62;

export function agentSelfRoutes(ctx: EmulatorContext, jobs: ExplanationJobs) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  /** The signed-in agent: the account must be one of the simulated agents. */
  const meAsAgent = (c: Context<ApiEnv>, anyOf: string[]): Agent => {
    const me = requirePermission(c, anyOf);
    const agent = topo.agentsById.get(me.id);
    if (!agent) throw new ApiProblem(404, 'wfm.agent.not.found', 'The current user is not a WFM agent');
    return agent;
  };

  // POST /api/v2/workforcemanagement/agentschedules/mine (BuGetCurrentAgentScheduleRequest →
  // BuCurrentAgentScheduleSearchResponse), synchronous.
  app.post('/api/v2/workforcemanagement/agentschedules/mine', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const agent = meAsAgent(c, ['wfm:agentSchedule:view']);
    const { from, to } = range(await readJsonObject(c));
    const bu = topo.businessUnits.find((b) => b.id === agent.businessUnitId)!;
    return c.json({
      agentSchedules: [agentScheduleOf(ctx, agent, from, to)],
      businessUnitTimeZone: bu.timeZone,
      publishedSchedules: [],
    });
  });

  // POST /api/v2/workforcemanagement/adherence/explanations: the agent's own (AddAdherenceExplanationAgentRequest).
  app.post('/api/v2/workforcemanagement/adherence/explanations', async (c) => {
    requireScope(c, ['workforce-management']);
    const agent = meAsAgent(c, SUBMIT);
    const e = add(agent, await readJsonObject(c), undefined);
    return accepted(c, agent.id, e);
  });

  // POST /api/v2/workforcemanagement/agents/{agentId}/adherence/explanations: a supervisor's, with a status
  // (AddAdherenceExplanationAdminRequest); an agent without wfm:adherenceExplanation:add is refused here.
  app.post('/api/v2/workforcemanagement/agents/:agentId/adherence/explanations', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, ['wfm:adherenceExplanation:add']);
    const agent = topo.agentsById.get(c.req.param('agentId'));
    if (!agent) throw notFound('Agent');
    const body = await readJsonObject(c);
    if (
      body.status !== undefined &&
      body.status !== 'Pending' &&
      body.status !== 'Approved' &&
      body.status !== 'Denied'
    )
      throw badRequest('wfm.bad.request', 'status must be Pending, Approved or Denied');
    const e = add(agent, body, body.status === undefined ? undefined : { status: body.status, by: me.id });
    return accepted(c, me.id, e);
  });

  // GET /api/v2/workforcemanagement/adherence/explanations/{explanationId}: the agent's own only.
  app.get('/api/v2/workforcemanagement/adherence/explanations/:explanationId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const agent = meAsAgent(c, SUBMIT);
    const now = ctx.centre.now();
    const found = ctx.explanations
      .forAgent(agent, now - MAX_AGE_DAYS * DAY, now + DAY)
      .find((e) => e.id === c.req.param('explanationId'));
    if (!found) throw explanationNotFound();
    return c.json(explanationModel(found));
  });

  // POST /api/v2/workforcemanagement/adherence/explanations/query: the agent's own, answered with a job (202 only).
  app.post('/api/v2/workforcemanagement/adherence/explanations/query', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const agent = meAsAgent(c, SUBMIT);
    const { from, to } = range(await readJsonObject(c));
    return jobs.answer(
      c,
      agent.id,
      'QueryAgentExplanations',
      () => ctx.explanations.forAgent(agent, from, to).map(explanationModel),
      true,
    );
  });

  const range = (body: Record<string, unknown>) => {
    const from = parseIsoDate(body.startDate, 'startDate');
    const to = parseIsoDate(body.endDate, 'endDate');
    if (to <= from) throw badRequest('wfm.validation.failure', 'endDate must be after startDate');
    if (to - from > MAX_RANGE_DAYS * DAY)
      throw badRequest('wfm.validation.failure', `The range may be at most ${MAX_RANGE_DAYS} days`);
    return { from, to };
  };

  /** Checks and stores an explanation of the agent's time; Genesys's 400 `wfm.bad.request` names what is wrong. */
  const add = (
    agent: Agent,
    body: Record<string, unknown>,
    review: { status: 'Pending' | 'Approved' | 'Denied'; by: string } | undefined,
  ): Explanation => {
    if (body.type !== 'Late') throw badRequest('wfm.bad.request', 'type must be Late');
    const start = parseIsoDate(body.startDate, 'startDate');
    const length = body.lengthMinutes;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > MAX_LENGTH_MINUTES)
      throw badRequest('wfm.bad.request', `lengthMinutes must be a whole number from 1 to ${MAX_LENGTH_MINUTES}`);
    if (body.notes !== undefined && typeof body.notes !== 'string')
      throw badRequest('wfm.bad.request', 'notes must be text');
    const notes = (body.notes as string | undefined) ?? '';
    if (notes.length > MAX_NOTES) throw badRequest('wfm.bad.request', `notes may be at most ${MAX_NOTES} characters`);
    const now = ctx.centre.now();
    if (start + length * 60_000 > now)
      throw badRequest('wfm.bad.request', 'An explanation cannot cover time that has not happened yet');
    if (start < now - MAX_AGE_DAYS * DAY)
      throw badRequest('wfm.bad.request', `An explanation may cover at most the last ${MAX_AGE_DAYS} days`);
    const e = ctx.explanations.submit(agent, start, length, notes);
    const stored = review ? (ctx.explanations.review(agent, e.id, review.status, review.by, now) ?? e) : e;
    // New explanations show live where reviews do: the business unit's and the agent's explanation topics.
    const changed = explanationChangedBody(stored);
    for (const topic of [businessUnitExplanationsTopic(agent.businessUnitId), agentExplanationsTopic(agent.id)])
      if (ctx.hub.hasSubscribers(topic)) ctx.hub.publish(topic, changed);
    return stored;
  };

  /** 202 with the job (AdherenceExplanationAsyncResponse); the emulator completes it at once. */
  const accepted = (c: Context<ApiEnv>, owner: string, e: Explanation) => {
    const job = jobs.completed(owner, 'AddExplanation', explanationModel(e));
    return c.json({ job: { id: job.id, type: job.type, status: job.status, selfUri: job.selfUri } }, 202);
  };

  return app;
}
