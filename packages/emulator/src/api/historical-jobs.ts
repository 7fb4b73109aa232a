import { randomUUID } from 'node:crypto';
import type { WallClock } from '../wall-clock.js';

export type JobKind = 'query' | 'bulk' | 'agent';

export interface HistoricalJob {
  id: string;
  kind: JobKind;
  ownerUserId: string;
  state: 'Processing' | 'Complete' | 'Error';
  downloadUrls: string[];
}

/** Asynchronous historical-adherence jobs: started, then completed after a delay, owner-only. */
export class HistoricalJobs {
  private readonly jobs = new Map<string, HistoricalJob>();
  private readonly timers = new Set<() => void>();

  constructor(private readonly clock: WallClock) {}

  start(
    kind: JobKind,
    ownerUserId: string,
    delayMs: number,
    run: () => string[],
    onComplete: (job: HistoricalJob) => void,
  ): HistoricalJob {
    const job: HistoricalJob = { id: randomUUID(), kind, ownerUserId, state: 'Processing', downloadUrls: [] };
    this.jobs.set(job.id, job);
    const cancel = this.clock.setTimer(() => {
      this.timers.delete(cancel);
      try {
        job.downloadUrls = run();
        job.state = 'Complete';
      } catch {
        job.state = 'Error';
      }
      onComplete(job);
    }, delayMs);
    this.timers.add(cancel);
    return job;
  }

  get(id: string): HistoricalJob | undefined {
    return this.jobs.get(id);
  }

  close(): void {
    for (const cancel of this.timers) cancel();
  }
}
