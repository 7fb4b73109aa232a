/** @module Pending logins, authorization codes and access tokens, in memory, timed by the emulator's wall clock. */
import { randomBytes } from 'node:crypto';

export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
}

export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
  /** Tokens issued for this code, revoked if the code is replayed (RFC 6749 §4.1.2). */
  issued: string[];
}

export interface AccessToken {
  token: string;
  clientId: string;
  /** Undefined for client-credentials tokens: there is no user. */
  userId: string | undefined;
  scopes: string[];
  expiresAt: number;
}

const LOGIN_LIFETIME_MS = 10 * 60_000;
/** Pending sign-in pages held at once: each authorize request holds one for 10 minutes, so a flood must not grow memory without bound. */
export const MAX_PENDING_LOGINS = 2000;

function opaque(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Pending logins, authorization codes and access tokens, all in memory. */
export class GrantStore {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly tokens = new Map<string, AccessToken>();

  /** Codes live 60 s by default: short, as RFC 6749 §4.1.2 recommends (max 10 minutes). */
  constructor(
    private readonly codeLifetimeMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  startLogin(p: Omit<PendingAuthorization, 'id' | 'expiresAt'>): PendingAuthorization {
    this.sweep();
    // Maps iterate in insertion order: the first key is the oldest pending sign-in, the one to let go.
    while (this.pending.size >= MAX_PENDING_LOGINS) this.pending.delete(this.pending.keys().next().value!);
    const login = { ...p, id: opaque(16), expiresAt: this.now() + LOGIN_LIFETIME_MS };
    this.pending.set(login.id, login);
    return login;
  }

  takeLogin(id: string): PendingAuthorization | undefined {
    const p = this.pending.get(id);
    if (!p || p.expiresAt < this.now()) return undefined;
    this.pending.delete(id);
    return p;
  }

  peekLogin(id: string): PendingAuthorization | undefined {
    const p = this.pending.get(id);
    return p && p.expiresAt >= this.now() ? p : undefined;
  }

  issueCode(login: PendingAuthorization, userId: string): AuthorizationCode {
    const code: AuthorizationCode = {
      code: opaque(),
      clientId: login.clientId,
      redirectUri: login.redirectUri,
      codeChallenge: login.codeChallenge,
      userId,
      scopes: login.scopes,
      expiresAt: this.now() + this.codeLifetimeMs,
      used: false,
      issued: [],
    };
    this.codes.set(code.code, code);
    return code;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  issueToken(clientId: string, userId: string | undefined, scopes: string[], lifetimeSeconds: number): AccessToken {
    this.sweep();
    const token = { token: opaque(), clientId, userId, scopes, expiresAt: this.now() + lifetimeSeconds * 1000 };
    this.tokens.set(token.token, token);
    return token;
  }

  /** A live token, or undefined (unknown, expired or revoked). */
  findToken(token: string): AccessToken | undefined {
    const t = this.tokens.get(token);
    return t && t.expiresAt > this.now() ? t : undefined;
  }

  revokeToken(token: string): void {
    this.tokens.delete(token);
  }

  /** Whether a code is past its lifetime (RFC 6749 §4.1.2: short-lived). */
  isExpired(code: AuthorizationCode): boolean {
    return code.expiresAt < this.now();
  }

  /** Pending sign-ins held (bounded by MAX_PENDING_LOGINS). */
  get pendingLogins(): number {
    return this.pending.size;
  }

  private lastSweep = 0;

  /** Drops expired entries, at most once a second: issuing must not walk every token each time. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [k, p] of this.pending) if (p.expiresAt < now) this.pending.delete(k);
    for (const [k, c] of this.codes) if (c.expiresAt + 10 * 60_000 < now) this.codes.delete(k);
    for (const [k, t] of this.tokens) if (t.expiresAt < now) this.tokens.delete(k);
  }
}
