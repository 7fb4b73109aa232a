/**
 * @module Slows password guessing on the login page without handing an attacker a way to lock the owner out.
 *
 * Failures are counted per account *and* source address (OWASP Authentication Cheat Sheet, "Account
 * Lockout": lockouts keyed on the account alone let anyone deny service to a known user). After a few
 * wrong passwords from one source, that source waits before it may try the account again, the wait doubling
 * with each further failure up to the window; the owner signing in from anywhere else is not held up, and a
 * success from a source clears only that source's count. A source that fails across many accounts (password
 * spraying) is slowed as a whole.
 *
 * Memory is bounded without forgetting the accounts under attack: failures against an email that is no
 * account are counted against the source only (there is nothing to protect), so a flood of made-up emails
 * cannot push a real account's count out; each real account keeps at most MAX_SOURCES_PER_ACCOUNT sources.
 */
import type { WallClock } from '../wall-clock.js';

/** Wrong passwords from one source for one account before it must wait. */
export const MAX_FAILED_LOGINS = 5;
/** The longest wait, and how long a count is remembered after its last failure. */
export const FAILED_LOGIN_WINDOW_MS = 15 * 60_000;
/** The first wait; each further failure doubles it. */
export const FIRST_DELAY_MS = 30_000;
/** Failures from one source across all accounts before the source as a whole must wait. */
export const MAX_SOURCE_FAILURES = 50;
const MAX_SOURCES_PER_ACCOUNT = 100;
/** Sources tracked at once (oldest first out): a source is a real peer, so flooding this needs as many hosts. */
const MAX_SOURCES = 10_000;

interface Count {
  count: number;
  last: number;
  /** Not before this instant may the next attempt be made. */
  until: number;
}

export class LoginThrottle {
  /** Real accounts only: email → source → count. */
  private readonly byAccount = new Map<string, Map<string, Count>>();
  private readonly bySource = new Map<string, Count>();

  /** `isAccount(email)` says whether an email is a real account (the directory's answer). */
  constructor(
    private readonly clock: WallClock,
    private readonly isAccount: (email: string) => boolean,
  ) {}

  /** Milliseconds until `source` may try `email` again, or 0. */
  retryAfterMs(email: string, source: string): number {
    const now = this.clock.now();
    const s = this.live(this.bySource, source);
    const a = this.live(this.byAccount.get(key(email)), source);
    return Math.max(0, (s?.until ?? 0) - now, (a?.until ?? 0) - now);
  }

  fail(email: string, source: string): void {
    bump(this.bySource, source, this.clock.now(), MAX_SOURCE_FAILURES);
    while (this.bySource.size > MAX_SOURCES) this.bySource.delete(this.bySource.keys().next().value!);
    if (!this.isAccount(key(email))) return;
    let sources = this.byAccount.get(key(email));
    if (!sources) this.byAccount.set(key(email), (sources = new Map()));
    bump(sources, source, this.clock.now(), MAX_FAILED_LOGINS);
    while (sources.size > MAX_SOURCES_PER_ACCOUNT) sources.delete(sources.keys().next().value!);
  }

  /** A right password from `source`: that source's count for the account starts again. */
  succeed(email: string, source: string): void {
    const sources = this.byAccount.get(key(email));
    sources?.delete(source);
    if (sources?.size === 0) this.byAccount.delete(key(email));
  }

  /** Entries held, for tests of the memory bound. */
  get size(): { accounts: number; sources: number } {
    return { accounts: this.byAccount.size, sources: this.bySource.size };
  }

  private live(map: Map<string, Count> | undefined, k: string): Count | undefined {
    const c = map?.get(k);
    if (c && this.clock.now() - c.last >= FAILED_LOGIN_WINDOW_MS && this.clock.now() >= c.until) {
      map!.delete(k);
      return undefined;
    }
    return c;
  }
}

const key = (email: string) => email.trim().toLowerCase();

/** One more failure; past `free` failures the wait doubles each time, up to the window. */
function bump(map: Map<string, Count>, k: string, now: number, free: number): void {
  const old = map.get(k);
  const c = old && now - old.last < FAILED_LOGIN_WINDOW_MS ? old : { count: 0, last: now, until: 0 };
  c.count++;
  c.last = now;
  if (c.count >= free) c.until = now + Math.min(FAILED_LOGIN_WINDOW_MS, FIRST_DELAY_MS * 2 ** (c.count - free));
  // Most recently failed last: eviction takes the quietest first.
  map.delete(k);
  map.set(k, c);
}
