/**
 * @module Adherence explanation jobs (AdherenceExplanationJob), and how an explanation query answers: inline
 * (`result`), through the download service (`downloadUrl`), or as a job that completes later. Genesys documents
 * 200 and 202 for the BU and agent queries, a `job` "handling the query" with `result`/`downloadUrl` that "may come
 * via notification", the completion on `v2.users.{id}.workforcemanagement.adherence.explanations.jobs`, and
 * GET …/adherence/explanations/jobs/{jobId} for the creator only ("Job details are only retained if the initial
 * request returned a 202"); `forceAsync` and `forceDownloadService` ask for the other answers "for testing/app
 * development purposes" (WorkforceManagementApi; shared/context/genesys-next.md §1).
 */
import type { Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import { explanationJobsTopic, scheduleSearchTopic } from '../notifications/topics.js';
import type { ApiEnv } from './auth.js';
import type { DownloadStore } from './downloads.js';

/** When a query answers with a job: by the size of its result (default), always, or only when asked (forceAsync). */
export type AsyncAnswers = 'bySize' | 'always' | 'never';

export type ExplanationJobType =
  'AddExplanation' | 'UpdateExplanation' | 'QueryAgentExplanations' | 'QueryBuExplanations';

interface Job {
  id: string;
  type: ExplanationJobType;
  status: 'Processing' | 'Complete' | 'Error';
  adherenceExplanation?: unknown;
  downloadUrl?: string;
  error?: unknown;
  selfUri: string;
}

/** Jobs remembered for their selfUri (a job is read soon after it is made). */
const MAX_JOBS = 1000;

export interface ExplanationJobOptions {
  mode: AsyncAnswers;
  /** Results with more entities than this answer with a job when `mode` is 'bySize'. */
  threshold: number;
  /** Wall-clock time a job takes. */
  delayMs: number;
}

export class ExplanationJobs {
  private readonly jobs = new Map<string, { owner: string; job: Job }>();
  /** The next this many query jobs end in Error (fault injection for tests). */
  failNext = 0;

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly downloads: DownloadStore,
    readonly options: ExplanationJobOptions,
  ) {}

  /** A job already done (a review): kept for its selfUri. */
  completed(owner: string, type: ExplanationJobType, adherenceExplanation: unknown): Job {
    return this.keep(owner, { ...this.fresh(type), status: 'Complete', adherenceExplanation });
  }

  /** The creator's job, or undefined (404 `wfm.entity.not.found` for anyone else). */
  get(id: string, owner: string | undefined): Job | undefined {
    const held = this.jobs.get(id);
    return held && held.owner === owner ? held.job : undefined;
  }

  /** A query's answer: inline, a download URL, or a 202 with a job whose result comes later. */
  answer(
    c: Context<ApiEnv>,
    owner: string,
    type: ExplanationJobType,
    entities: () => unknown[],
    /** The agent's own query: Genesys documents only 202 for it. */
    alwaysLater = false,
  ): Response {
    const file = () => JSON.stringify({ entities: entities() });
    if (c.req.query('forceDownloadService') === 'true' && !alwaysLater)
      return c.json({ downloadUrl: this.downloads.add(file) });
    const list = entities();
    if (!alwaysLater && !this.answersLater(c, list.length)) return c.json({ result: { entities: list } });
    const job = this.keep(owner, this.fresh(type));
    const fail = this.failNext > 0;
    if (fail) this.failNext--;
    this.ctx.clock.setTimer(() => {
      if (fail) {
        job.status = 'Error';
        job.error = { status: 500, code: 'wfm.server.error', message: 'WFM Server Error' };
      } else {
        job.status = 'Complete';
        job.downloadUrl = this.downloads.add(() => JSON.stringify({ entities: list }));
      }
      const topic = explanationJobsTopic(owner);
      if (this.ctx.hub.hasSubscribers(topic)) {
        const { selfUri: _, ...body } = job;
        this.ctx.hub.publish(topic, body);
      }
    }, this.options.delayMs);
    return c.json({ job: { id: job.id, type: job.type, status: job.status, selfUri: job.selfUri } }, 202);
  }

  /** Whether a query of `size` results answers later: asked (forceAsync), always, or past the threshold. */
  answersLater(c: Context<ApiEnv>, size: number): boolean {
    return (
      c.req.query('forceAsync') === 'true' ||
      this.options.mode === 'always' ||
      (this.options.mode === 'bySize' && size > this.options.threshold)
    );
  }

  /**
   * A schedule search answered later: Genesys has no job route for it; its result comes only on the user's
   * `v2.workforcemanagement.users.{id}.schedules.search` topic, as `{operationId, businessUnitId, downloadUrl}`
   * ("There is no inline result: always download"; shared/context/genesys-next.md §1.2, the topic's mapping to
   * the route inferred from the SDK's release order).
   */
  scheduleSearchLater(
    owner: string,
    businessUnitId: string,
    result: () => unknown,
  ): { status: string; operationId: string } {
    const operationId = crypto.randomUUID();
    this.ctx.clock.setTimer(() => {
      const topic = scheduleSearchTopic(owner);
      if (!this.ctx.hub.hasSubscribers(topic)) return;
      this.ctx.hub.publish(topic, {
        operationId,
        businessUnitId,
        downloadUrl: this.downloads.add(() => JSON.stringify(result())),
      });
    }, this.options.delayMs);
    return { status: 'Processing', operationId };
  }

  private fresh(type: ExplanationJobType): Job {
    const id = crypto.randomUUID();
    return { id, type, status: 'Processing', selfUri: `/api/v2/workforcemanagement/adherence/explanations/jobs/${id}` };
  }

  private keep(owner: string, job: Job): Job {
    this.jobs.set(job.id, { owner, job });
    // Bounded: the oldest jobs are forgotten first.
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    return job;
  }
}
