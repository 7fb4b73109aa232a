/** @module Adherence explanations: the business-unit and agent queries (AdherenceExplanationResponse listings). */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Explanation } from '../simulation/explanations.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import { ApiProblem, badRequest, notFound } from './error-body.js';
import { parseIsoDate } from './query-fields.js';
import { readJsonObject } from './request-body.js';
import type { ExplanationJobs } from './explanation-jobs.js';
import { agentExplanationsTopic, businessUnitExplanationsTopic } from '../notifications/topics.js';

const DAY = 86_400_000;
/** Longest range one explanations query answers (our choice; Genesys documents none). */
const MAX_RANGE_DAYS = 62;
const VIEW = ['wfm:adherenceExplanation:view'];

/** Genesys's 404 for an explanation id it does not (or no longer) answer by id. */
export function explanationNotFound(): ApiProblem {
  return new ApiProblem(
    404,
    'wfm.entity.not.found',
    'The adherence explanation was not found. It either does not exist or may now only be accessible via query by date range',
  );
}

export function explanationModel(e: Explanation) {
  const a = e.agent;
  return {
    id: e.id,
    agent: { id: a.id, selfUri: `/api/v2/users/${a.id}` },
    managementUnit: {
      id: a.managementUnitId,
      selfUri: `/api/v2/workforcemanagement/managementunits/${a.managementUnitId}`,
    },
    businessUnit: { id: a.businessUnitId, selfUri: `/api/v2/workforcemanagement/businessunits/${a.businessUnitId}` },
    type: e.type,
    status: e.status,
    startDate: new Date(e.start).toISOString(),
    lengthMinutes: e.lengthMinutes,
    notes: e.notes,
    ...(e.reviewedBy ? { reviewedBy: { id: e.reviewedBy, selfUri: `/api/v2/users/${e.reviewedBy}` } } : {}),
    ...(e.reviewedDate ? { reviewedDate: new Date(e.reviewedDate).toISOString() } : {}),
    selfUri: `/api/v2/workforcemanagement/agents/${a.id}/adherence/explanations/${e.id}`,
  };
}

/** The explanation topics' body (WfmAgentAdherenceExplanationChanged…AdherenceExplanationChangedNotification):
 *  references are bare ids, no selfUri. */
export function explanationChangedBody(e: Explanation) {
  const a = e.agent;
  return {
    id: e.id,
    agent: { id: a.id },
    managementUnit: { id: a.managementUnitId },
    businessUnit: { id: a.businessUnitId },
    type: e.type,
    status: e.status,
    startDate: new Date(e.start).toISOString(),
    lengthMinutes: e.lengthMinutes,
    notes: e.notes,
    ...(e.reviewedBy ? { reviewedBy: { id: e.reviewedBy } } : {}),
    ...(e.reviewedDate ? { reviewedDate: new Date(e.reviewedDate).toISOString() } : {}),
  };
}

export function explanationRoutes(ctx: EmulatorContext, jobs: ExplanationJobs) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  const readRange = (body: Record<string, unknown>) => {
    const from = parseIsoDate(body.startDate, 'startDate');
    const to = parseIsoDate(body.endDate, 'endDate');
    if (to <= from) throw badRequest('wfm.validation.failure', 'endDate must be after startDate');
    if (to - from > MAX_RANGE_DAYS * DAY)
      throw badRequest('wfm.validation.failure', `The query range may be at most ${MAX_RANGE_DAYS} days`);
    return { from, to };
  };
  const ids = (v: unknown, field: string) => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw badRequest('wfm.validation.failure', `${field} must be a list of ids`);
    return new Set(v as string[]);
  };

  // POST /api/v2/workforcemanagement/businessunits/{businessUnitId}/adherence/explanations/query
  app.post('/api/v2/workforcemanagement/businessunits/:buId/adherence/explanations/query', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = requirePermission(c, VIEW);
    const bu = topo.businessUnits.find((b) => b.id === c.req.param('buId'));
    if (!bu) throw notFound('Business unit');
    const body = await readJsonObject(c);
    const { from, to } = readRange(body);
    const mus = ids(body.managementUnitIds, 'managementUnitIds');
    const agentIds = ids(body.agentIds, 'agentIds');
    return jobs.answer(c, me.id, 'QueryBuExplanations', () =>
      topo.agents
        .filter(
          (a) =>
            a.businessUnitId === bu.id && (!mus || mus.has(a.managementUnitId)) && (!agentIds || agentIds.has(a.id)),
        )
        .flatMap((a) => ctx.explanations.forAgent(a, from, to))
        .map(explanationModel),
    );
  });

  // POST /api/v2/workforcemanagement/agents/{agentId}/adherence/explanations/query
  app.post('/api/v2/workforcemanagement/agents/:agentId/adherence/explanations/query', async (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = requirePermission(c, VIEW);
    const agent = topo.agentsById.get(c.req.param('agentId'));
    if (!agent) throw notFound('Agent');
    const { from, to } = readRange(await readJsonObject(c));
    return jobs.answer(c, me.id, 'QueryAgentExplanations', () =>
      ctx.explanations.forAgent(agent, from, to).map(explanationModel),
    );
  });
  // GET /api/v2/workforcemanagement/agents/{agentId}/adherence/explanations/{explanationId}: one explanation as it
  // stands (wfm:adherenceExplanation:view; WorkforceManagementApi getWorkforcemanagementAgentAdherenceExplanation).
  app.get('/api/v2/workforcemanagement/agents/:agentId/adherence/explanations/:explanationId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    requirePermission(c, VIEW);
    const agent = topo.agentsById.get(c.req.param('agentId'));
    if (!agent) throw notFound('Agent');
    const found = ctx.explanations.find(agent, c.req.param('explanationId'), ctx.centre.now());
    if (!found) throw explanationNotFound();
    return c.json(explanationModel(found));
  });
  // PATCH /api/v2/workforcemanagement/agents/{agentId}/adherence/explanations/{explanationId}: a supervisor's
  // review. Genesys answers with a job (AdherenceExplanationAsyncResponse); the emulator completes it at once.
  app.patch('/api/v2/workforcemanagement/agents/:agentId/adherence/explanations/:explanationId', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, ['wfm:adherenceExplanation:edit']);
    const agent = topo.agentsById.get(c.req.param('agentId'));
    if (!agent) throw notFound('Agent');
    // The operation consumes application/json (the SDK's declared content type): a text/plain body is what
    // a cross-site form could send without a preflight, so it is refused rather than read.
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      throw new ApiProblem(415, 'unsupported.media.type', 'The request body must be application/json');
    const body = await readJsonObject(c);
    if (body.status !== 'Approved' && body.status !== 'Denied' && body.status !== 'Pending')
      throw badRequest('wfm.validation.failure', 'status must be Pending, Approved or Denied');
    const reviewed = ctx.explanations.review(agent, c.req.param('explanationId'), body.status, me.id, ctx.centre.now());
    if (!reviewed) throw notFound('Adherence explanation');
    // The review shows live: on the explanation topics, and on the real-time record if it covers now.
    const changed = explanationChangedBody(reviewed);
    for (const topic of [businessUnitExplanationsTopic(agent.businessUnitId), agentExplanationsTopic(agent.id)])
      if (ctx.hub.hasSubscribers(topic)) ctx.hub.publish(topic, changed);
    ctx.centre.rejudge(agent.index);
    const job = jobs.completed(me.id, 'UpdateExplanation', explanationModel(reviewed));
    return c.json({ job: { id: job.id, type: job.type, status: job.status, selfUri: job.selfUri } });
  });
  // GET …/adherence/explanations/jobs/{jobId}: "Query the status of an adherence explanation operation. Only
  // the user who started the operation can query the status" (WorkforceManagementApi, AdherenceExplanationJob).
  app.get('/api/v2/workforcemanagement/adherence/explanations/jobs/:jobId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const job = jobs.get(c.req.param('jobId'), c.get('caller').account?.id);
    // "It either does not exist or may now only be accessible via query by date range" (404 wfm.entity.not.found).
    if (!job)
      throw new ApiProblem(404, 'wfm.entity.not.found', 'The requested adherence explanation job was not found');
    return c.json(job);
  });
  return app;
}
