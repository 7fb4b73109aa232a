/**
 * @module The login origin's browser session: once a person signs in, the next authorize request from that browser
 * is answered with a code at once, no form, as long as the session lasts. Genesys does this for non-HIPAA orgs
 * ("users are automatically re-authenticated when their browsing session expires", help.mypurecloud.com, "Why do I
 * need to re-enter my Genesys Cloud credentials?"); HIPAA orgs ask for the password again, which
 * `loginSessionMs: 0` stands for. Sign-out (GET /logout) ends it.
 */
import { randomBytes } from 'node:crypto';

/** The cookie's name on the login origin (the emulator's own; Genesys's is not documented). */
export const SESSION_COOKIE = 'adhere_emulator_session';

interface Held {
  accountId: string;
  until: number;
}

/** At most this many sessions at once, oldest dropped first: memory stays bounded whatever signs in. */
const MAX_SESSIONS = 10_000;

export class LoginSessions {
  private readonly held = new Map<string, Held>();

  /** `lifetimeMs` 0: no sessions (every sign-in asks for the password). */
  constructor(
    readonly lifetimeMs: number,
    private readonly now: () => number,
  ) {}

  /** A new session for the account; undefined when sessions are off. */
  start(accountId: string): string | undefined {
    if (this.lifetimeMs <= 0) return undefined;
    if (this.held.size >= MAX_SESSIONS) this.held.delete(this.held.keys().next().value!);
    const id = randomBytes(24).toString('base64url');
    this.held.set(id, { accountId, until: this.now() + this.lifetimeMs });
    return id;
  }

  /** The signed-in account of a live session, else undefined (an ended or expired one is forgotten). */
  accountOf(id: string | undefined): string | undefined {
    if (!id) return undefined;
    const s = this.held.get(id);
    if (!s) return undefined;
    if (this.now() >= s.until) {
      this.held.delete(id);
      return undefined;
    }
    return s.accountId;
  }

  end(id: string | undefined): void {
    if (id) this.held.delete(id);
  }
}
