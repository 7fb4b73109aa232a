/** @module Slows password guessing on the login page: a few wrong passwords per account, then a wait. */
import type { WallClock } from '../wall-clock.js';

export const MAX_FAILED_LOGINS = 5;
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;
/** Accounts tracked at once; the oldest entries go first, so a flood of made-up emails cannot grow memory. */
const MAX_TRACKED = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly clock: WallClock) {}

  /** Milliseconds until `email` may try again, or 0. */
  retryAfterMs(email: string): number {
    const f = this.current(email);
    if (!f || f.count < MAX_FAILED_LOGINS) return 0;
    return f.since + FAILED_LOGIN_WINDOW_MS - this.clock.now();
  }

  fail(email: string): void {
    const key = email.trim().toLowerCase();
    const f = this.current(key) ?? { count: 0, since: this.clock.now() };
    f.count++;
    this.failures.delete(key);
    this.failures.set(key, f);
    while (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(email: string): void {
    this.failures.delete(email.trim().toLowerCase());
  }

  private current(email: string): { count: number; since: number } | undefined {
    const key = email.trim().toLowerCase();
    const f = this.failures.get(key);
    if (f && this.clock.now() - f.since >= FAILED_LOGIN_WINDOW_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }
}
