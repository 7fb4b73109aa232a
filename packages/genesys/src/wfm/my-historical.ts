/**
 * @module An agent's own historical adherence (`POST /api/v2/workforcemanagement/agents/me/adherence/historical/jobs`,
 * permission `wfm:agentHistoricalAdherence:view`): the only historical route a plain agent has. Answered with a
 * job (202) whose result comes inline or through `downloadUrls`, announced on the user's
 * `…adherence.historical.agent` topic or read from the job's route (which needs no permission). Normalised to the
 * same per-user shape as the unit's results, so one set of figures serves the agent's view and the supervisor's.
 */
import type { GenesysClient } from '../client.js';
import { download } from '../download.js';
import { GenesysClientError } from '../errors.js';
import { request } from '../http.js';
import type { NotificationHub } from '../notifications/hub.js';
import { historicalAgentTopic } from '../notifications/topics.js';
import { apiPath } from '../api-path.js';
import { awaitJob, jobEar } from './await-job.js';
import { normalizeUserResult, type HistoricalUserResult } from './historical.js';

/** What `expand` may ask for (Genesys's enum). Any of the first three limits the range to 7 days. */
export type MyHistoricalExpand = 'exceptionInfo' | 'actuals' | 'scheduledActivities' | 'conformance';

/** WfmHistoricalAdherenceQueryForAgent, and how to wait. */
export interface MyHistoricalRequest {
  startDate: string;
  /** Genesys: "If it is not set, end date will be set to current time". */
  endDate?: string;
  /** Olson zone that cuts the days; the agent's unit's when absent. */
  timeZone?: string;
  expand?: readonly MyHistoricalExpand[];
  signal?: AbortSignal;
  /** The tab's notification hub: the completion notice is heard there as well as the job polled. */
  notifications?: NotificationHub;
  /** First poll delay (default 1 s), growing ×1.5 to 10 s. */
  pollIntervalMs?: number;
}

/** AgentAdherenceScheduledActivity */
export interface AgentAdherenceScheduledActivity {
  activityCodeId: string;
  startOffsetSeconds: number;
  endOffsetSeconds: number;
}

/** WfmAgentHistoricalAdherenceResult, with its per-user part in the unit results' shape. */
export interface MyHistoricalResult extends HistoricalUserResult {
  /** Target percentage for this user, 0–100 (the unit's). */
  targetAdherencePercentage: number;
  endDate: string;
  /** When Genesys's figures were computed up to. */
  calculationsCompletedDate: string;
  scheduledActivities: AgentAdherenceScheduledActivity[];
}

type Answer = { result?: Record<string, unknown>; downloadUrls?: string[] };

export async function myHistoricalAdherence(
  client: GenesysClient,
  req: MyHistoricalRequest,
): Promise<MyHistoricalResult> {
  const signal = req.signal;
  // Subscribed before the job is asked for: a notice is never missed.
  const ear = await jobEar(req.notifications, historicalAgentTopic, signal);
  const body: Record<string, string> = { startDate: req.startDate };
  if (req.endDate) body.endDate = req.endDate;
  if (req.timeZone) body.timeZone = req.timeZone;
  const started = await request<{ job?: { id?: string; status?: string } } & Answer>(client, {
    method: 'POST',
    path: '/api/v2/workforcemanagement/agents/me/adherence/historical/jobs',
    // Repeated, as the SDK sends a 'multi' collection: expand=actuals&expand=exceptionInfo.
    ...(req.expand?.length ? { query: { expand: [...req.expand] } } : {}),
    body,
    ...(signal ? { signal } : {}),
  });
  const jobId = started.job?.id;
  const failed = () => new GenesysClientError('query_failed', `your historical adherence job ${jobId ?? ''} failed`);
  if (started.job?.status === 'Error') throw failed();
  const done = (a: Answer): Answer | undefined => (a.result || a.downloadUrls?.length ? a : undefined);
  let answer = done(started);
  if (!answer) {
    if (!jobId) throw new GenesysClientError('invalid_response', 'your historical adherence query returned no job id');
    answer = await awaitJob<Answer>(
      client,
      {
        what: 'your historical adherence',
        heard: (e) => {
          if (e.kind !== 'historicalAgent' || e.body.jobId !== jobId) return undefined;
          if (e.body.queryState === 'Error') throw failed();
          return e.body.queryState === 'Complete'
            ? { result: e.body.result as Record<string, unknown> | undefined, downloadUrls: e.body.downloadUrls ?? [] }
            : undefined;
        },
        poll: {
          ask: async (s) => {
            const job = await request<{ job?: { status?: string } } & Answer>(client, {
              path: apiPath`/api/v2/workforcemanagement/agents/me/adherence/historical/jobs/${jobId}`,
              signal: s,
            });
            if (job.job?.status === 'Error') throw failed();
            return job.job?.status === 'Complete' ? job : undefined;
          },
          firstMs: req.pollIntervalMs ?? 1000,
          maxMs: 10_000,
        },
      },
      { signal, ear },
    );
  }
  return parseMyResult(answer.result ?? (await readFile(client, answer.downloadUrls ?? [], signal)), req.startDate);
}

/** The result file: one WfmAgentHistoricalAdherenceResult (Genesys lists one URL for one agent). */
async function readFile(client: GenesysClient, urls: string[], signal: AbortSignal | undefined) {
  const url = urls[0];
  if (!url) throw new GenesysClientError('invalid_response', 'your historical adherence job completed with no result');
  return (await (await download(client, url, signal ? { signal } : {})).json()) as unknown;
}

/** A WfmAgentHistoricalAdherenceResult as the unit results' per-user shape, plus what only the agent's has. */
export function parseMyResult(raw: unknown, queryStart: string): MyHistoricalResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new GenesysClientError('invalid_response', 'your historical adherence result is not a JSON object');
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.dayMetrics))
    throw new GenesysClientError('invalid_response', 'your historical adherence result has no dayMetrics');
  const user = r.user as { id?: unknown } | undefined;
  const base = normalizeUserResult({ ...r, userId: typeof user?.id === 'string' ? user.id : '' }, {}, queryStart);
  const target = r.targetAdherencePercentage;
  if (typeof target !== 'number' || !(target >= 0 && target <= 100))
    throw new GenesysClientError(
      'invalid_response',
      'your historical adherence result has no targetAdherencePercentage between 0 and 100',
    );
  return {
    ...base,
    targetAdherencePercentage: target,
    endDate: typeof r.endDate === 'string' ? r.endDate : '',
    calculationsCompletedDate: typeof r.calculationsCompletedDate === 'string' ? r.calculationsCompletedDate : '',
    scheduledActivities: Array.isArray(r.scheduledActivities)
      ? (r.scheduledActivities as AgentAdherenceScheduledActivity[])
      : [],
  };
}
