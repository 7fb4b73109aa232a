/**
 * @module An agent's own historical adherence, as Genesys serves it (platform-client-v2 WorkforceManagementApi:
 * postWorkforcemanagementAgentsMeAdherenceHistoricalJobs, getWorkforcemanagementAgentsMeAdherenceHistoricalJob):
 * - `POST /api/v2/workforcemanagement/agents/me/adherence/historical/jobs` needs any of
 *   `wfm:agentHistoricalAdherence:view`, `wfm:agentHistoricalAdherenceConformance:view`, and answers 202 with a job;
 *   `expand=conformance` needs the conformance permission and `expand=scheduledActivities` `wfm:agentSchedule:view`
 *   (the operation's own words). The range is at most 31 days, or 7 with exceptionInfo, actuals or
 *   scheduledActivities; endDate left out means now.
 * - The result (WfmAgentHistoricalAdherenceResult) is announced on
 *   `v2.users.{me}.workforcemanagement.adherence.historical.agent` and listed on
 *   `GET …/agents/me/adherence/historical/jobs/{jobId}`, which "requires no permissions" and answers its creator only.
 * Genesys may send a small result inline; the emulator always sends a download, the path every client must have.
 */
import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { holdsPermission } from '../directory.js';
import { userHistory } from '../simulation/history.js';
import { isValidTimeZone } from '../simulation/time-zone.js';
import { requirePermission, requireScope, type ApiEnv } from './auth.js';
import type { DownloadStore } from './downloads.js';
import { ApiProblem, badRequest, jobNotFound } from './error-body.js';
import { parseIsoDate } from './query-fields.js';
import { readJsonObject } from './request-body.js';
import { bulkUserResult } from './historical-documents.js';
import { agentScheduleOf } from './schedules.js';
import { historicalAgentTopic } from '../notifications/topics.js';

const DAY = 86_400_000;
const VIEW = ['wfm:agentHistoricalAdherence:view', 'wfm:agentHistoricalAdherenceConformance:view'];
const EXPANDS = ['exceptionInfo', 'actuals', 'scheduledActivities', 'conformance'] as const;
type Expand = (typeof EXPANDS)[number];

export function agentHistoricalRoutes(ctx: EmulatorContext, downloads: DownloadStore, delayMs: number) {
  const app = new Hono<ApiEnv>();
  const topo = ctx.centre.topology;
  const selfUri = (id: string) => `/api/v2/workforcemanagement/agents/me/adherence/historical/jobs/${id}`;

  app.post('/api/v2/workforcemanagement/agents/me/adherence/historical/jobs', async (c) => {
    requireScope(c, ['workforce-management']);
    const me = requirePermission(c, VIEW);
    const agent = topo.agentsById.get(me.id);
    if (!agent) throw new ApiProblem(404, 'wfm.agent.not.found', 'The current user is not a WFM agent');
    const expand = expandOf(c);
    if (expand.has('conformance')) requirePermission(c, ['wfm:agentHistoricalAdherenceConformance:view']);
    if (expand.has('scheduledActivities')) requirePermission(c, ['wfm:agentSchedule:view']);
    // A body is optional in the SDK, but startDate is required in it.
    const body = await readJsonObject(c);
    const now = ctx.centre.now();
    const from = parseIsoDate(body.startDate, 'startDate');
    const to = body.endDate === undefined ? now : parseIsoDate(body.endDate, 'endDate');
    if (to <= from) throw badRequest('wfm.validation.failure', 'endDate must be after startDate');
    const detailed = expand.has('exceptionInfo') || expand.has('actuals') || expand.has('scheduledActivities');
    if (to - from > (detailed ? 7 : 31) * DAY)
      throw badRequest(
        'wfm.validation.failure',
        'The maximum supported range for historical adherence queries is 31 days, or 7 days when the expand ' +
          'query parameter includes any of the following: exceptionInfo, actuals, scheduledActivities',
      );
    const timeZone = body.timeZone === undefined ? agent.timeZone : body.timeZone;
    if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone))
      throw badRequest('wfm.validation.failure', `timeZone ${String(timeZone)} is not an Olson time zone`);
    const conformance =
      expand.has('conformance') || holdsPermission(me, 'wfm:agentHistoricalAdherenceConformance:view');
    const job = ctx.jobs.start(
      'agent',
      me.id,
      delayMs,
      () => {
        const h = userHistory(topo.seed, agent, ctx.centre.settings, from, to, timeZone, now);
        // The per-user part is the bulk file's (…Seconds names, as WfmAgentHistoricalAdherenceResult has them),
        // without conformance unless the caller may see it.
        const user = bulkUserResult(h, expand.has('exceptionInfo'), expand.has('actuals'));
        const result: Record<string, unknown> = {
          user: { id: agent.id, selfUri: `/api/v2/users/${agent.id}` },
          startDate: new Date(from).toISOString(),
          endDate: new Date(to).toISOString(),
          calculationsCompletedDate: new Date(Math.min(to, now)).toISOString(),
          targetAdherencePercentage: ctx.centre.settings.adherenceTargetPercent,
          adherencePercentage: user.adherencePercentage,
          impact: user.impact,
          dayMetrics: (user.dayMetrics as Array<Record<string, unknown>>).map((d) =>
            conformance
              ? d
              : {
                  ...d,
                  conformanceScheduleSeconds: undefined,
                  conformanceActualSeconds: undefined,
                  conformancePercentage: undefined,
                },
          ),
          secondaryPresenceLookupItems: [],
        };
        if (conformance) result.conformancePercentage = user.conformancePercentage;
        if (user.exceptionInfo) result.exceptionInfo = user.exceptionInfo;
        if (user.actuals) result.actuals = user.actuals;
        if (expand.has('scheduledActivities')) result.scheduledActivities = scheduledActivities(agent, from, to);
        return [downloads.add(() => JSON.stringify(result))];
      },
      (done) =>
        ctx.hub.publish(historicalAgentTopic(me.id), {
          jobId: done.id,
          queryState: done.state,
          downloadUrls: done.downloadUrls,
        }),
    );
    return c.json({ job: { id: job.id, status: 'Processing', selfUri: selfUri(job.id) } }, 202);
  });

  // No permission, creator only: another user's job id is "not found".
  app.get('/api/v2/workforcemanagement/agents/me/adherence/historical/jobs/:jobId', (c) => {
    requireScope(c, ['workforce-management', 'workforce-management:readonly']);
    const me = c.get('caller').account;
    const job = ctx.jobs.get(c.req.param('jobId'));
    if (!job || job.kind !== 'agent' || job.ownerUserId !== me?.id) throw jobNotFound();
    const answer: Record<string, unknown> = { job: { id: job.id, status: job.state, selfUri: selfUri(job.id) } };
    if (job.state === 'Complete') answer.downloadUrls = job.downloadUrls;
    return c.json(answer);
  });

  /** The agent's scheduled activities overlapping [from, to), as offsets from `from` (AgentAdherenceScheduledActivity). */
  const scheduledActivities = (agent: Parameters<typeof agentScheduleOf>[1], from: number, to: number) =>
    agentScheduleOf(ctx, agent, from - DAY, to).shifts.flatMap((shift) =>
      shift.activities
        .map((a) => ({ a, start: Date.parse(a.startDate), end: Date.parse(a.startDate) + a.lengthMinutes * 60_000 }))
        .filter(({ start, end }) => end > from && start < to)
        .map(({ a, start, end }) => ({
          activityCodeId: a.activityCodeId,
          startOffsetSeconds: Math.round((start - from) / 1000),
          endOffsetSeconds: Math.round((end - from) / 1000),
        })),
    );

  return app;
}

/** `expand`, repeated or comma-separated; a value Genesys does not know is refused by name. */
function expandOf(c: Context<ApiEnv>): Set<Expand> {
  const values =
    c.req
      .queries('expand')
      ?.flatMap((v) => v.split(','))
      .filter(Boolean) ?? [];
  for (const v of values)
    if (!(EXPANDS as readonly string[]).includes(v))
      throw badRequest('bad.request', `expand ${v} is not one of ${EXPANDS.join(', ')}`);
  return new Set(values as Expand[]);
}
