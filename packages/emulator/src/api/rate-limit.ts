/**
 * @module Genesys's per-token API rate limit: `token.rate.per.minute` is 300 requests per token per minute
 * (the org limits table, quoted in shared/context/genesys-wfm-report.md §4.4; an org reads its own value from
 * GET /api/v2/organizations/limits/namespaces/platform.api). Past it the API answers 429
 * `too.many.requests.retry.after` ("Rate limit exceeded the maximum. Retry the request in [%s] seconds") with
 * `Retry-After` in whole seconds. Counted in one-minute windows per token, on the emulator's wall clock.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './auth.js';
import { ApiProblem } from './error-body.js';
import type { WallClock } from '../wall-clock.js';

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  /** Requests answered 429 by this limit (not by injected faults). */
  limited = 0;

  constructor(
    private readonly clock: WallClock,
    /** Requests per token per minute; 0 turns the limit off. */
    readonly perMinute: number,
  ) {}

  /** After bearer auth: counts the request against its token, or refuses it. */
  middleware(): MiddlewareHandler<ApiEnv> {
    return async (c, next) => {
      if (this.perMinute > 0) this.take(c.get('caller').token.token);
      await next();
    };
  }

  private take(token: string): void {
    const now = this.clock.now();
    let w = this.windows.get(token);
    if (!w || now - w.start >= WINDOW_MS) {
      if (!w) this.sweep(now);
      w = { start: now, count: 0 };
      this.windows.set(token, w);
    }
    if (w.count < this.perMinute) {
      w.count++;
      return;
    }
    this.limited++;
    const s = String(Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000)));
    throw new ApiProblem(
      429,
      'too.many.requests.retry.after',
      `Rate limit exceeded the maximum. Retry the request in [${s}] seconds`,
      { params: { '0': s }, headers: { 'Retry-After': s } },
    );
  }

  /** Windows that have ended are forgotten when a new token starts counting: memory follows tokens in use. */
  private sweep(now: number): void {
    if (this.windows.size < 1000) return;
    for (const [t, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(t);
  }
}
