/**
 * @module Waiting for a Genesys job (a historical adherence query, an explanation query answered later): its
 * completion notice heard on the tab's notification hub, raced with polling its job route with backoff, so a
 * notice lost or refused costs only speed. Nothing here opens a channel of its own.
 *
 * The user's completion topic is subscribed before the first job is asked for and stays on the hub's channel
 * (one subscription for a 57-part report, not one per part), and the last notices are kept: a job that
 * completes before its caller starts waiting is still heard.
 */
import type { GenesysClient } from '../client.js';
import type { NotificationHub } from '../notifications/hub.js';
import type { NotificationEvent } from '../notifications/topics.js';
import { GenesysClientError } from '../errors.js';

/** The job's route, asked with backoff. */
export interface JobPoll<T> {
  /** Asks the route once: the outcome, or undefined while the job runs (it may throw the job's failure). */
  ask: (signal: AbortSignal) => Promise<T | undefined>;
  /** First delay; each next one is 1.5 times longer, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
  /** Called after each look that found the job still running. */
  onRunning?: () => void;
}

export interface JobWatch<T> {
  /** Absent when Genesys has no job route (a schedule search): then only the notice answers. */
  poll?: JobPoll<T>;
  /** Without a job route: how long to wait for the notice before saying it did not come. */
  maxWaitMs?: number;
  /** What is waited for, in words, for the errors. */
  what: string;
  /** What a notice says of this job: its outcome, or undefined (another job, or still running); may throw. */
  heard: (event: NotificationEvent) => T | undefined;
}

/** Notices kept per topic for callers that start waiting after their job completed. */
const KEPT = 100;

/** A standing listener on one of the user's job topics. */
export class JobEar {
  private readonly kept: NotificationEvent[] = [];
  private readonly waiters = new Set<(e: NotificationEvent) => void>();
  readonly ready: Promise<void>;

  constructor(hub: NotificationHub, topic: string) {
    const subscription = hub.listen({
      // Optional: without it jobs are still polled, so a refusal costs only speed.
      optionalTopics: [topic],
      onEvent: (e) => {
        this.kept.push(e);
        if (this.kept.length > KEPT) this.kept.shift();
        for (const w of [...this.waiters]) w(e);
      },
    });
    this.ready = subscription.ready.catch(() => {});
  }

  /** Every notice already heard, then each as it comes, until `stop`. */
  hear(onEvent: (e: NotificationEvent) => void): () => void {
    for (const e of this.kept) onEvent(e);
    this.waiters.add(onEvent);
    return () => this.waiters.delete(onEvent);
  }
}

const ears = new WeakMap<NotificationHub, Map<string, JobEar>>();

/**
 * The hub's standing ear on the user's topic `topicOf(userId)`, subscribed: call before asking for the job.
 * Undefined without a hub, or when the user's id cannot be read (then the job is only polled).
 */
export async function jobEar(
  hub: NotificationHub | undefined,
  topicOf: (userId: string) => string,
  signal: AbortSignal | undefined,
): Promise<JobEar | undefined> {
  if (!hub) return undefined;
  const me = await hub.userId(signal ? { signal } : {}).catch(() => undefined);
  if (!me) return undefined;
  let byTopic = ears.get(hub);
  if (!byTopic) ears.set(hub, (byTopic = new Map()));
  const topic = topicOf(me);
  let ear = byTopic.get(topic);
  if (!ear) byTopic.set(topic, (ear = new JobEar(hub, topic)));
  await ear.ready;
  return ear;
}

export async function awaitJob<T>(
  client: GenesysClient,
  watch: JobWatch<T>,
  opts: { signal?: AbortSignal | undefined; ear?: JobEar | undefined },
): Promise<T> {
  const stop = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  let stopHearing = () => {};
  try {
    const ear = opts.ear;
    const waits: Array<Promise<T>> = [];
    if (watch.poll)
      // With the notice on its way, polling is only the fallback (a notice lost): its first look comes later.
      waits.push(poll(client, ear ? { ...watch.poll, firstMs: watch.poll.firstMs * 4 } : watch.poll, signal));
    else if (!ear)
      throw new GenesysClientError(
        'invalid_response',
        `Genesys answered ${watch.what} later, by notification only, and no notification channel is open to hear it`,
      );
    else
      waits.push(
        client.options.sleep(watch.maxWaitMs ?? 120_000, signal).then(() => {
          throw new GenesysClientError('query_failed', `Genesys did not send the result of ${watch.what} in time`);
        }),
      );
    if (ear)
      waits.push(
        new Promise<T>((resolve, reject) => {
          stopHearing = ear.hear((e) => {
            try {
              const outcome = watch.heard(e);
              if (outcome !== undefined) resolve(outcome);
            } catch (err) {
              reject(err);
            }
          });
        }),
      );
    return await Promise.race(waits);
  } finally {
    stop.abort();
    stopHearing();
  }
}

async function poll<T>(client: GenesysClient, p: JobPoll<T>, signal: AbortSignal): Promise<T> {
  let wait = p.firstMs;
  for (;;) {
    await client.options.sleep(wait, signal);
    const outcome = await p.ask(signal);
    if (outcome !== undefined) return outcome;
    p.onRunning?.();
    wait = Math.min(p.maxMs, wait * 1.5);
  }
}
