import {
  OAuthError,
  createMemoryStorage,
  createTokenStore,
  recordingFetch,
  signInWithPopup,
  signOut,
  startSignIn,
  type Diagnosis,
  type ExchangeRecord,
  type TokenSet,
  type TokenStore,
} from '@adhere/oauth';
import type { ResolvedConfig } from '../config.js';
import { navigate, safeReturnPath } from '../router.js';
import { createGenesysClient, noteRequestSentElsewhere, revokeToken, type GenesysClient } from '@adhere/genesys';
import { closeTabNotifications } from '../notifications.js';
import { tabStorage } from '../browser-storage.js';
import { forgetSignedInUser } from '../signed-in-user.js';
import { callbackOutcome } from './callback-outcome.js';
import { AUTHORIZE_URL_KEY, startCallback, stripCode, type StartedCallback } from './early-callback.js';

/** A sign-in that failed, with what is needed to explain it. */
export interface SignInFailure {
  error: OAuthError | Error;
  diagnosis: Diagnosis;
  /** The callback carried an error this tab could not verify; its text was ignored, not shown. */
  ignoredErrorLink: boolean;
}

type TabMessage =
  | { type: 'signed-in'; tokens: TokenSet }
  | { type: 'signed-out' }
  | { type: 'who-is-signed-in' }
  /** A request this tab sent: the tabs share one token, so one limit, and each counts the others'. */
  | { type: 'request-sent'; at: number };

export interface SessionOptions {
  /**
   * Called as a sign-in's tokens arrive, with the path the callback returns to, a task before the app renders
   * signed in: the page's first requests (made with `client`) go out then and need not wait for that render,
   * tens of milliseconds on a slow machine.
   */
  onSignedIn?: (returnPath: string) => void;
  /**
   * Inside Genesys Cloud (a client app): sign-in runs in a popup, since the login page refuses to be framed
   * (see @adhere/oauth's popup.ts); sign-out ends Adhere's session only, not Genesys Cloud's around it.
   */
  embedded?: boolean;
}

/** Whether a rejection of signIn() is a failed sign-in to explain (the Diagnostics page), not a start that failed. */
export function isSignInFailure(value: unknown): value is SignInFailure {
  return typeof value === 'object' && value !== null && 'diagnosis' in value && 'error' in value;
}

/**
 * The app's sign-in state. Tokens live in this tab's sessionStorage (the oauth package's rule: never
 * localStorage, never a URL); other tabs of the app learn of sign-in and sign-out over a BroadcastChannel.
 */
export class Session {
  readonly tokens: TokenStore;
  /** The API client: its requests carry this tab's access token. */
  readonly client: GenesysClient;
  private readonly channel: BroadcastChannel;
  /** A sign-in's access token in the task between its arrival and the store's announcing it (onSignedIn). */
  private arriving: string | undefined;

  constructor(
    readonly config: ResolvedConfig,
    private readonly options: SessionOptions = {},
  ) {
    this.tokens = createTokenStore({ persist: 'session', storage: tabStorage });
    this.channel = new BroadcastChannel('adhere-auth');
    this.client = createGenesysClient({
      apiBaseUrl: config.apiBaseUrl,
      getAccessToken: () => this.arriving ?? this.tokens.getAccessToken(),
      // Under Genesys's 300 requests per token a minute, with room for clock skew: a long report waits its turn
      // rather than meeting 429s. The app's tabs share the token, so each counts the others' requests too.
      requestsPerMinute: 280,
      onRequestSent: (at) => this.channel.postMessage({ type: 'request-sent', at } satisfies TabMessage),
      // Re-run sign-in and come back to this very view (its state is in the URL).
      onReauthRequired: () => this.signInAgain(location.pathname + location.search),
    });
    this.channel.onmessage = (e: MessageEvent<TabMessage>) => {
      const m = e.data;
      if (m.type === 'request-sent') noteRequestSentElsewhere(this.client, Number(m.at));
      else if (m.type === 'signed-out') {
        this.tokens.clear();
        closeTabNotifications(this.client);
      } else if (m.type === 'signed-in' && !this.tokens.current()) this.tokens.set(m.tokens);
      else if (m.type === 'who-is-signed-in') {
        const t = this.tokens.current();
        if (t) this.channel.postMessage({ type: 'signed-in', tokens: t } satisfies TabMessage);
      }
    };
    // A new tab asks the others: being signed in in one tab is being signed in in the app.
    if (!this.tokens.current()) this.channel.postMessage({ type: 'who-is-signed-in' } satisfies TabMessage);
  }

  /**
   * Goes to the login page; `returnTo` (a same-origin path) is where the callback lands afterwards. Inside
   * Genesys Cloud the login page opens in a popup instead (call this from a click: browsers block popups
   * otherwise); it resolves once signed in, and rejects with an OAuthError (popup_blocked, popup_closed) the
   * person can retry, or a SignInFailure to explain.
   */
  async signIn(returnTo: string): Promise<void> {
    if (this.options.embedded) {
      // Until the popup comes back, the callback URL is the redirect URI itself (what diagnose() reads of it).
      const record: ExchangeRecord = { callbackUrl: this.config.redirectUri };
      const result = signInWithPopup({
        ...this.config,
        // The frame never leaves its page during a popup sign-in: the verifier stays in memory, written nowhere.
        storage: createMemoryStorage(),
        appState: safeReturnPath(returnTo),
        fetch: recordingFetch(record),
        onCallback: (href) => (record.callbackUrl = stripCode(href)),
      });
      result.catch(() => {}); // handled by exchange()
      navigate(await this.exchange({ record, result }, true), true);
      return;
    }
    const { url } = await startSignIn({ ...this.config, appState: safeReturnPath(returnTo) });
    // Kept for diagnostics only: the authorize URL carries the challenge and state, no secret.
    tabStorage.setItem(AUTHORIZE_URL_KEY, url);
    location.assign(url);
  }

  private callback: Promise<string> | undefined;

  /**
   * Handles /callback; returns the path to go back to, or throws a SignInFailure. One exchange per page
   * load: the first call runs it, or takes the one `started` as the page's code was first evaluated (see
   * boot.ts); later calls (the App's effect, StrictMode's second run) join it, whatever the address bar says
   * by then.
   */
  completeCallback(href: string, started?: StartedCallback): Promise<string> {
    this.callback ??= this.exchange(started ?? startCallback(href));
    return this.callback;
  }

  /**
   * An expired session: sign in again and come back to `returnTo`. Inside Genesys Cloud a popup needs the
   * person's click, so the tokens are dropped and the sign-in page (with its button) shows instead.
   */
  signInAgain(returnTo: string): void {
    if (this.options.embedded) this.tokens.clear();
    else void this.signIn(returnTo);
  }

  private async exchange({ record, result: run }: StartedCallback, popup = false): Promise<string> {
    if (this.config.region) record.region = this.config.region;
    try {
      const result = await run;
      // A new sign-in (perhaps as someone else): who is signed in is read again, once.
      forgetSignedInUser(this.client);
      const back = safeReturnPath(result.appState);
      if (this.options.onSignedIn) {
        // The store's announcement makes React render the page at once (a microtask): the page's requests,
        // started here, must reach fetch first, so the announcement waits for the next task.
        this.arriving = result.tokens.accessToken;
        try {
          this.options.onSignedIn(back);
        } catch {
          // A page's early start must never fail the sign-in: the page asks for its data itself.
        }
        await new Promise((r) => setTimeout(r, 0));
        this.arriving = undefined;
      }
      this.tokens.set(result.tokens);
      this.channel.postMessage({ type: 'signed-in', tokens: result.tokens } satisfies TabMessage);
      tabStorage.removeItem(AUTHORIZE_URL_KEY);
      return back;
    } catch (error) {
      // The popup never came back (blocked, closed): nothing was exchanged, nothing to diagnose; try again.
      if (popup && error instanceof OAuthError && error.code.startsWith('popup_')) throw error;
      const outcome = callbackOutcome(error, record.callbackUrl!, this.tokens.current() !== undefined);
      if (outcome.kind === 'go-to-app') return '/';
      delete record.response; // keep nothing of a response beyond what diagnose reads now
      record.callbackUrl = outcome.callbackUrl;
      const failure: SignInFailure = {
        error: error as Error,
        // The diagnosis loads only when a sign-in fails: it is most of the OAuth package's size.
        diagnosis: await (await import('@adhere/oauth/diagnose')).diagnose(withServerAnswer(record, error)),
        ignoredErrorLink: outcome.ignoredErrorLink,
      };
      throw failure;
    }
  }

  async signOut(): Promise<void> {
    // The channel's socket goes first: it must not outlive the token that opened it.
    closeTabNotifications(this.client);
    const { url } = await signOut({
      ...this.config,
      // Inside Genesys Cloud the login host's logout would end the person's Genesys Cloud session around the app
      // as well: Adhere revokes its own token and forgets it, and Genesys Cloud's own Sign out stays Genesys's.
      tokens: this.tokens,
      postLogoutRedirectUri: `${location.origin}/`,
      // One attempt: sign-out must not wait on retries, and a failed revocation is reported, not fatal.
      revoke: (token) =>
        revokeToken(
          createGenesysClient({ apiBaseUrl: this.config.apiBaseUrl, getAccessToken: () => token, maxRetries: 0 }),
        ),
    });
    this.channel.postMessage({ type: 'signed-out' } satisfies TabMessage);
    if (this.options.embedded) navigate('/', true);
    else location.assign(url);
  }
}

function withServerAnswer(record: ExchangeRecord, error: unknown): ExchangeRecord {
  if (!(error instanceof OAuthError) || error.status === undefined) return record;
  return {
    ...record,
    response: {
      status: error.status,
      body: { error: error.error ?? '', error_description: error.errorDescription ?? '' },
    },
  };
}
