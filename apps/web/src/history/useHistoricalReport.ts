/**
 * @module Running a historical report over any range: planned in chunks Genesys accepts, fetched one by one
 * with one progress bar, cancellable, a failed chunk retried alone, and chunks already fetched in this session
 * reused. Explanations for the same range come along when the user may read them.
 */
import type { PartTimes } from './time-left.js';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  GenesysApiError,
  businessUnitExplanationsTopic,
  historicalAdherence,
  mergeHistoricalChunks,
  planHistoricalChunks,
  queryBusinessUnitExplanations,
  type AdherenceExplanation,
  type GenesysClient,
  type HistoricalChunk,
  type HistoricalProgress,
  type HistoricalUserResult,
  type LocalDate,
} from '@adhere/genesys';
import { tabNotifications } from '../notifications.js';
import { t } from '../i18n/i18n.js';
import { listWords } from '../words.js';
import { problemWords } from '../access/denied.js';

export interface ReportRequest {
  mu: string;
  businessUnitId: string;
  /** A team's members or chosen agents; undefined for the whole unit. */
  userIds: string[] | undefined;
  from: LocalDate;
  to: LocalDate;
  timeZone: string;
  exceptions: boolean;
}

export type ChunkState = 'waiting' | 'running' | 'done' | 'failed' | 'cached';

export interface ChunkStatus {
  chunk: HistoricalChunk;
  state: ChunkState;
  error?: string;
}

export interface Report {
  request: ReportRequest;
  chunks: HistoricalChunk[];
  results: HistoricalUserResult[];
  explanations: AdherenceExplanation[];
  /** Why explanation status is not shown, when it is not. */
  explanationsNote: string | undefined;
  /** Where this run's time went, in ms, summed over the parts fetched now (cached parts cost nothing). */
  timings: {
    serverMs: number;
    downloadMs: number;
    parseMs: number;
    explanationsMs: number;
    mergeMs: number;
    parts: number;
  };
}

interface Fetched {
  results: HistoricalUserResult[];
}

/** Chunks fetched in this session (this tab, until reload), by what was asked. */
const sessionCache = new Map<string, Fetched>();

const keyOf = (req: ReportRequest, c: HistoricalChunk) =>
  JSON.stringify([
    req.mu,
    req.userIds ? [...req.userIds].sort() : null,
    c.startDate,
    c.endDate,
    req.timeZone,
    req.exceptions,
  ]);

/** How far one chunk has got, 0–1, from the query's own progress. */
function chunkFraction(p: HistoricalProgress): number {
  if (p.phase === 'done') return 1;
  if (p.phase === 'downloading') return 0.4 + (p.filesTotal ? (0.6 * p.filesDone) / p.filesTotal : 0);
  return p.phase === 'processing' ? 0.2 : 0.05;
}

export function useHistoricalReport(client: GenesysClient) {
  const [statuses, setStatuses] = useState<ChunkStatus[]>([]);
  const [fraction, setFraction] = useState(0);
  const [partTimes, setPartTimes] = useState<PartTimes>({ finishedMs: [], remaining: 0, runningSince: undefined });
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const last = useRef<ReportRequest | undefined>(undefined);

  const run = useCallback(
    async (req: ReportRequest) => {
      let chunks: HistoricalChunk[];
      try {
        chunks = planHistoricalChunks(req.timeZone, req.from, req.to, req.exceptions);
      } catch (e) {
        setError(problemWords(e));
        return;
      }
      last.current = req;
      abort.current?.abort();
      const ac = new AbortController();
      abort.current = ac;
      const states: ChunkStatus[] = chunks.map((chunk) => ({
        chunk,
        state: sessionCache.has(keyOf(req, chunk)) ? 'cached' : 'waiting',
      }));
      const show = () => setStatuses(states.map((s) => ({ ...s })));
      show();
      setRunning(true);
      setError(undefined);
      setReport(undefined);
      setFraction(0);
      let done = states.filter((s) => s.state === 'cached').length;
      const timings = { serverMs: 0, downloadMs: 0, parseMs: 0, explanationsMs: 0, mergeMs: 0, parts: 0 };
      const finishedMs: number[] = [];
      let remaining = states.filter((s) => s.state !== 'cached').length;
      for (const s of states) {
        if (s.state === 'cached') continue;
        if (ac.signal.aborted) break;
        s.state = 'running';
        const began = Date.now();
        setPartTimes({ finishedMs: [...finishedMs], remaining, runningSince: began });
        show();
        try {
          const results = await historicalAdherence(client, {
            managementUnitId: req.mu,
            startDate: s.chunk.startDate,
            endDate: s.chunk.endDate,
            timeZone: req.timeZone,
            ...(req.userIds ? { userIds: req.userIds } : {}),
            includeExceptions: req.exceptions,
            includeActuals: req.exceptions,
            signal: ac.signal,
            notifications: tabNotifications(client),
            onProgress: (p) => {
              setFraction((done + chunkFraction(p)) / states.length);
              if (p.phase === 'done' && p.timings) {
                timings.serverMs += p.timings.serverMs;
                timings.downloadMs += p.timings.downloadMs;
                timings.parseMs += p.timings.parseMs;
                timings.parts++;
              }
            },
            pollIntervalMs: 500,
          });
          sessionCache.set(keyOf(req, s.chunk), { results });
          s.state = 'done';
          done++;
          finishedMs.push(Date.now() - began);
        } catch (e) {
          if (ac.signal.aborted) break;
          s.state = 'failed';
          s.error = problemWords(e);
        }
        remaining--;
        setFraction(done / states.length);
        setPartTimes({ finishedMs: [...finishedMs], remaining, runningSince: undefined });
        show();
      }
      if (abort.current === ac) {
        abort.current = undefined;
        setRunning(false);
      }
      if (ac.signal.aborted) {
        setError(t('hist.cancelled'));
        return;
      }
      const failed = states.filter((s) => s.state === 'failed');
      if (failed.length) {
        setError(
          t('hist.partsFailed', {
            failed: failed.length,
            parts: states.length,
            which: listWords(failed.map((f) => t('hist.partRange', { from: f.chunk.from, to: f.chunk.to }))),
            problem: failed[0]!.error ?? '',
          }),
        );
        return;
      }
      const fetched = chunks.map((c) => sessionCache.get(keyOf(req, c))!);
      // Explanations are asked for on every run, never reused: a supervisor may have approved one since.
      const explanationsStart = performance.now();
      let explanations: AdherenceExplanation[] = [];
      let note: string | undefined;
      if (req.exceptions && req.businessUnitId) {
        try {
          explanations = (
            await Promise.all(
              chunks.map((c) =>
                queryBusinessUnitExplanations(
                  client,
                  req.businessUnitId,
                  {
                    startDate: c.startDate,
                    endDate: c.endDate,
                    managementUnitIds: [req.mu],
                    ...(req.userIds ? { agentIds: req.userIds } : {}),
                  },
                  // Genesys may answer later, with a job: heard completing on the tab's channel.
                  { signal: ac.signal, notifications: tabNotifications(client) },
                ),
              ),
            )
          ).flat();
        } catch (e) {
          // Explanations are optional: without the permission the report still stands, and says so.
          if (e instanceof GenesysApiError && (e.status === 403 || e.status === 404))
            note = t('hist.explanationsNeed', { permission: 'Workforce Management > Adherence Explanation > View' });
          else note = t('hist.explanationsMissing', { problem: problemWords(e) });
        }
      }
      timings.explanationsMs = performance.now() - explanationsStart;
      if (ac.signal.aborted) {
        setError(t('hist.cancelled'));
        return;
      }
      const mergeStart = performance.now();
      const results = mergeHistoricalChunks(
        chunks[0]!.startDate,
        chunks.map((c, i) => ({ startDate: c.startDate, results: fetched[i]!.results })),
      );
      timings.mergeMs = performance.now() - mergeStart;
      // For benchmarks and the browser's performance panel: the parts of this run.
      performance.mark('adhere:history:fetched', { detail: timings });
      setReport({
        request: req,
        chunks,
        timings,
        results,
        explanations,
        explanationsNote: req.exceptions ? note : t('hist.noExceptionsAsked'),
      });
    },
    [client],
  );

  // Reviews while the report is open (issue 20, item 2): every figure adjusted for approved explanations follows
  // each approval or decline, from any supervisor's screen, live on the business unit's explanation topic.
  const reportReq = report?.request;
  const reportChunks = report?.chunks;
  useEffect(() => {
    if (!reportReq?.exceptions || !reportReq.businessUnitId || !reportChunks?.length) return;
    const from = Date.parse(reportChunks[0]!.startDate);
    const to = Date.parse(reportChunks[reportChunks.length - 1]!.endDate);
    const mine = (e: AdherenceExplanation) => {
      const start = Date.parse(e.startDate);
      return (
        start >= from &&
        start < to &&
        (!e.managementUnit?.id || e.managementUnit.id === reportReq.mu) &&
        (!reportReq.userIds || reportReq.userIds.includes(e.agent?.id))
      );
    };
    const feed = tabNotifications(client).listen({
      optionalTopics: [businessUnitExplanationsTopic(reportReq.businessUnitId)],
      onEvent: (ev) => {
        if (ev.kind !== 'explanation' || !mine(ev.body)) return;
        const e = ev.body;
        setReport((r) => {
          if (!r || r.request !== reportReq) return r;
          const i = r.explanations.findIndex((x) => x.id === e.id);
          const explanations = i < 0 ? [...r.explanations, e] : r.explanations.map((x, k) => (k === i ? e : x));
          return { ...r, explanations };
        });
      },
    });
    return () => feed.close();
  }, [client, reportReq, reportChunks]);

  return {
    run,
    /** Runs the last request again: the chunks already fetched come from the session, so only failed ones are asked for. */
    retry: () => (last.current ? run(last.current) : Promise.resolve()),
    cancel: () => abort.current?.abort(),
    running,
    statuses,
    fraction,
    partTimes,
    report,
    error,
  };
}
