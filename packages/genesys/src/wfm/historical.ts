import type { GenesysClient } from '../client.js';
import { download } from '../download.js';
import { GenesysClientError } from '../errors.js';
import { request } from '../http.js';
import { streamArrayProperty } from '../json-array-stream.js';
import type { NotificationHub } from '../notifications/hub.js';
import { awaitJob, jobEar, type JobEar } from './await-job.js';
import { historicalBulkTopic } from '../notifications/topics.js';
import type { ActivityCategory, Impact, RoutingStatus, SystemPresence } from './models.js';
import { apiPath } from '../api-path.js';

/** HistoricalAdherenceDayMetrics, with one naming: Genesys's MU/team files say …Secs, bulk files …Seconds. */
export interface HistoricalDayMetrics {
  dayStartOffsetSeconds: number;
  adherenceScheduleSeconds: number;
  conformanceScheduleSeconds: number;
  conformanceActualSeconds: number;
  exceptionCount: number;
  exceptionDurationSeconds: number;
  impactSeconds: number;
  scheduleLengthSeconds: number;
  actualLengthSeconds: number;
  adherencePercentage: number;
  conformancePercentage: number;
}

export interface HistoricalAdherenceExceptionInfo {
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  scheduledActivityCodeId?: string;
  scheduledActivityCategory?: ActivityCategory;
  actualActivityCodeId?: string;
  actualActivityCategory?: ActivityCategory;
  systemPresence?: SystemPresence;
  routingStatus?: RoutingStatus;
  impact?: Impact;
}

export interface HistoricalAdherenceActual {
  actualActivityCategory: ActivityCategory;
  startOffsetSeconds: number;
  endOffsetSeconds: number;
}

export interface HistoricalUserResult {
  userId: string;
  managementUnitId: string | undefined;
  /** The query start the offsets count from (ISO-8601). */
  startDate: string;
  adherencePercentage: number;
  conformancePercentage: number;
  impact: Impact;
  days: HistoricalDayMetrics[];
  exceptions: HistoricalAdherenceExceptionInfo[];
  actuals: HistoricalAdherenceActual[];
}

export interface HistoricalProgress {
  phase: 'started' | 'processing' | 'downloading' | 'done';
  jobId?: string;
  filesDone: number;
  filesTotal: number;
  users: number;
  /** Where the time went so far, in ms: Genesys computing (start to download links), the network, our parsing. */
  timings?: HistoricalTimings;
}

export interface HistoricalTimings {
  serverMs: number;
  downloadMs: number;
  parseMs: number;
}

export interface HistoricalAdherenceRequest {
  managementUnitId: string;
  startDate: string;
  endDate: string;
  /** Olson zone that cuts the days (required by Genesys for bulk queries). */
  timeZone: string;
  userIds?: string[];
  includeExceptions?: boolean;
  includeActuals?: boolean;
  onProgress?: (p: HistoricalProgress) => void;
  signal?: AbortSignal;
  /**
   * The tab's notification hub: the completion notice is heard on its channel as well as polling (faster).
   * Without it, the job is only polled; a query never opens a channel of its own.
   */
  notifications?: NotificationHub;
  /** First poll delay (default 1 s), growing ×1.5 to 10 s. */
  pollIntervalMs?: number;
}

/**
 * Historical adherence for a management unit through the bulk route (pollable, unlike the MU route
 * whose results come "for notification purposes only"): start the job, await the completion notice
 * or poll with backoff, then read the files one at a time and parse each user by user.
 */
export async function historicalAdherence(
  client: GenesysClient,
  req: HistoricalAdherenceRequest,
): Promise<HistoricalUserResult[]> {
  const now = () => performance.now();
  const t0 = now();
  const timings: HistoricalTimings = { serverMs: 0, downloadMs: 0, parseMs: 0 };
  const progress = (p: HistoricalProgress) => req.onProgress?.({ ...p, timings: { ...timings } });
  // The completion topic is on the tab's channel before the job is asked for: a notice is never missed.
  const ear = await jobEar(req.notifications, historicalBulkTopic, req.signal);
  const started = await request<{ job?: { id: string; status: string } }>(client, {
    method: 'POST',
    path: '/api/v2/workforcemanagement/adherence/historical/bulk',
    body: {
      timeZone: req.timeZone,
      items: [
        {
          managementUnitId: req.managementUnitId,
          startDate: req.startDate,
          endDate: req.endDate,
          userIds: req.userIds,
          includeExceptions: req.includeExceptions ?? false,
          includeActuals: req.includeActuals ?? false,
        },
      ],
    },
    ...(req.signal ? { signal: req.signal } : {}),
  });
  const jobId = started.job?.id;
  if (!jobId) throw new GenesysClientError('invalid_response', 'the bulk historical query returned no job id');
  progress({ phase: 'started', jobId, filesDone: 0, filesTotal: 0, users: 0 });

  const urls = await awaitBulkJob(client, jobId, req, progress, ear);
  timings.serverMs = now() - t0;
  const results: HistoricalUserResult[] = [];
  progress({ phase: 'downloading', jobId, filesDone: 0, filesTotal: urls.length, users: 0 });
  for (let f = 0; f < urls.length; f++) {
    // Each file is read whole, then parsed whole: one file in memory at a time (Genesys splits a large result
    // into several). The text is already all here, so one JSON.parse is the fastest reading there is; the
    // streaming parser is for chunks as they arrive.
    const fileStart = now();
    const text = await (await download(client, urls[f]!, { signal: req.signal })).text();
    const parseStart = now();
    timings.downloadMs += parseStart - fileStart;
    if (req.signal?.aborted) throw new GenesysClientError('aborted', 'historical query cancelled');
    for (const user of parseHistoricalText(text, req.startDate)) results.push(user);
    timings.parseMs += now() - parseStart;
    progress({ phase: 'downloading', jobId, filesDone: f + 1, filesTotal: urls.length, users: results.length });
  }
  progress({ phase: 'done', jobId, filesDone: urls.length, filesTotal: urls.length, users: results.length });
  return results;
}

/** The bulk job's download URLs, once it completes (its notice or its job route, whichever says first). */
function awaitBulkJob(
  client: GenesysClient,
  jobId: string,
  req: HistoricalAdherenceRequest,
  progress: (p: HistoricalProgress) => void,
  ear: JobEar | undefined,
): Promise<string[]> {
  const failed = () => new GenesysClientError('query_failed', `historical job ${jobId} failed`);
  return awaitJob(
    client,
    {
      what: 'the historical adherence query',
      heard: (e) => {
        if (e.kind !== 'historicalBulk' || e.body.id !== jobId) return undefined;
        if (e.body.queryState === 'Error') throw failed();
        return e.body.queryState === 'Complete' ? (e.body.downloadUrls ?? []) : undefined;
      },
      poll: {
        ask: async (signal) => {
          const job = await request<{ job?: { status?: string }; downloadUrls?: string[] }>(client, {
            path: apiPath`/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${jobId}`,
            signal,
          });
          if (job.job?.status === 'Error') throw failed();
          return job.job?.status === 'Complete' ? (job.downloadUrls ?? []) : undefined;
        },
        firstMs: req.pollIntervalMs ?? 1000,
        maxMs: 10_000,
        onRunning: () => progress({ phase: 'processing', jobId, filesDone: 0, filesTotal: 0, users: 0 }),
      },
    },
    { signal: req.signal, ear },
  );
}

/**
 * Parses one whole result file (bulk `WfmHistoricalAdherenceBulkResult` or MU/team
 * `WfmHistoricalAdherenceResultWrapper`) into normalised per-user results: one JSON.parse, so reading a file
 * costs what JSON.parse costs. A file that is not such a result is a typed error naming what it lacks.
 */
export function parseHistoricalText(text: string, queryStart: string): HistoricalUserResult[] {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (err) {
    throw new GenesysClientError(
      'invalid_response',
      `a historical result file is not JSON (${(err as Error).message})`,
    );
  }
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    throw new GenesysClientError('invalid_response', 'a historical result file is not a JSON object');
  const doc = file as Record<string, unknown>;
  const users = doc.userResults ?? doc.data ?? [];
  if (!Array.isArray(users))
    throw new GenesysClientError('invalid_response', 'a historical result file has no userResults or data array');
  return users.map((raw, at) => {
    if (typeof raw !== 'object' || raw === null)
      throw new GenesysClientError('invalid_response', `a historical result file's user ${at + 1} is not an object`);
    return normalizeUserResult(raw as Record<string, unknown>, doc, queryStart);
  });
}

/**
 * Parses one result file (bulk `WfmHistoricalAdherenceBulkResult` or MU/team `WfmHistoricalAdherenceResultWrapper`)
 * as it streams, yielding normalised per-user results. Usable in a Worker: no client needed.
 */
export async function* parseHistoricalFile(
  chunks: AsyncIterable<string>,
  queryStart: string,
): AsyncGenerator<HistoricalUserResult> {
  // Bulk files carry "userResults", MU/team files "data"; one streaming pass reads either.
  const file: Record<string, unknown> = {};
  for await (const raw of streamArrayProperty<Record<string, unknown>>(chunks, ['userResults', 'data'], file))
    yield normalizeUserResult(raw, file, queryStart);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

const DAY_FIELDS = [
  'dayStartOffsetSeconds',
  'adherenceScheduleSeconds',
  'conformanceScheduleSeconds',
  'conformanceActualSeconds',
  'exceptionCount',
  'exceptionDurationSeconds',
  'impactSeconds',
  'scheduleLengthSeconds',
  'actualLengthSeconds',
  'adherencePercentage',
  'conformancePercentage',
] as const;

export function normalizeUserResult(
  raw: Record<string, unknown>,
  file: Record<string, unknown>,
  queryStart: string,
): HistoricalUserResult {
  const days = ((raw.dayMetrics as Array<Record<string, unknown>> | undefined) ?? []).map((d) =>
    // A bulk file's day already has every field under its …Seconds name: kept as parsed, not copied.
    DAY_FIELDS.every((k) => typeof d[k] === 'number')
      ? (d as unknown as HistoricalDayMetrics)
      : {
          dayStartOffsetSeconds: num(d.dayStartOffsetSeconds ?? d.dayStartOffsetSecs),
          adherenceScheduleSeconds: num(d.adherenceScheduleSeconds ?? d.adherenceScheduleSecs),
          conformanceScheduleSeconds: num(d.conformanceScheduleSeconds ?? d.conformanceScheduleSecs),
          conformanceActualSeconds: num(d.conformanceActualSeconds ?? d.conformanceActualSecs),
          exceptionCount: num(d.exceptionCount),
          exceptionDurationSeconds: num(d.exceptionDurationSeconds ?? d.exceptionDurationSecs),
          impactSeconds: num(d.impactSeconds),
          scheduleLengthSeconds: num(d.scheduleLengthSeconds ?? d.scheduleLengthSecs),
          actualLengthSeconds: num(d.actualLengthSeconds ?? d.actualLengthSecs),
          adherencePercentage: num(d.adherencePercentage),
          conformancePercentage: num(d.conformancePercentage),
        },
  );
  return {
    userId: String(raw.userId),
    managementUnitId: (raw.managementUnitId ?? file.managementUnitId) as string | undefined,
    startDate: String(raw.startDate ?? file.startDate ?? queryStart),
    adherencePercentage: num(raw.adherencePercentage),
    conformancePercentage: num(raw.conformancePercentage),
    impact: (raw.impact as Impact | undefined) ?? 'Unknown',
    days,
    exceptions: (raw.exceptionInfo as HistoricalAdherenceExceptionInfo[] | undefined) ?? [],
    actuals: (raw.actuals as HistoricalAdherenceActual[] | undefined) ?? [],
  };
}
