/**
 * @module Sign-in in a popup, for an app that runs inside another site's frame (a Genesys Cloud client app).
 * The frame cannot show the login page: login.<env> refuses to be framed (RFC 9700 §4.16; the emulator's does
 * too), and Genesys's own client-auth helper says identity providers block it. So the frame opens a popup on
 * the authorize URL; the popup comes back to the app's own /callback, and that page hands the callback URL to
 * the frame by postMessage, addressed to the app's own origin only. The frame, which holds the verifier,
 * makes the token request itself: the verifier never leaves the window that made it, and nothing passes
 * through storage (which browsers partition by top-level site, so the popup could not read the frame's).
 * The same pattern as the official Platform SDK's popup PKCE sign-in (purecloud-platform-client-v2 ≥ 258.1.0,
 * README "Popup Authentication"); the integration's sandbox must include allow-popups.
 */
import { startSignIn, type StartSignInOptions } from './authorize.js';
import { completeSignIn, type SignInResult } from './callback.js';
import { OAuthError } from './errors.js';

/** The popup's window name: how its callback page knows to hand the code over rather than spend it. */
export const SIGN_IN_POPUP_NAME = 'adhere-sign-in';
const MESSAGE_TYPE = 'adhere:sign-in-callback';

export interface PopupSignInOptions extends StartSignInOptions {
  /** window.open (replaceable for tests); called before any await, so a click's user activation still holds. */
  open?: (url: string, name: string, features: string) => Window | null;
  /** The window that listens for the popup's message (default: this one). */
  window?: Window;
  /** Ends the wait (and closes the popup), e.g. when the app is stopped. */
  signal?: AbortSignal;
  /** How often to look whether the person closed the popup (default 500 ms). */
  closedCheckMs?: number;
  /** Told the callback URL as it comes back, before its code is spent (e.g. to record it for diagnose()). */
  onCallback?: (href: string) => void;
}

/**
 * Opens the sign-in popup and resolves with the tokens once its callback has come back. Call it from a click:
 * browsers block popups opened without one (rejected as `popup_blocked`). A popup the person closes before
 * signing in rejects as `popup_closed`.
 */
export function signInWithPopup(options: PopupSignInOptions): Promise<SignInResult> {
  const win = options.window ?? globalThis.window;
  const open = options.open ?? ((url, name, features) => win.open(url, name, features));
  // about:blank first, synchronously: the authorize URL needs a digest (await), and by then the click is gone.
  const popup = open('about:blank', SIGN_IN_POPUP_NAME, 'popup=true,width=520,height=680');
  if (!popup)
    return Promise.reject(
      new OAuthError('popup_blocked', 'The browser blocked the sign-in window', {
        hint: 'Allow pop-ups for this app, then choose Sign in again',
      }),
    );
  const own = win.location.origin;
  const redirect = new URL(options.redirectUri);
  return new Promise<SignInResult>((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      win.removeEventListener('message', onMessage);
      clearInterval(closedCheck);
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const onMessage = (event: MessageEvent) => {
      // Only our own popup, at our own origin, carrying a URL of our redirect URI: anything else is ignored.
      if (event.source !== popup || event.origin !== own) return;
      const data = event.data as { type?: unknown; href?: unknown } | null;
      if (!data || data.type !== MESSAGE_TYPE || typeof data.href !== 'string') return;
      const back = URL.canParse(data.href) ? new URL(data.href) : undefined;
      if (!back || back.origin !== redirect.origin || back.pathname !== redirect.pathname) return;
      finish(() => {
        popup.close();
        options.onCallback?.(back.href);
        resolve(completeSignIn(back.href, { ...options, replaceHistory: false }));
      });
    };
    const onAbort = () =>
      finish(() => {
        popup.close();
        reject(new OAuthError('popup_closed', 'Sign-in was stopped before it finished'));
      });
    // A closed popup sends no event to its opener: looking is the only way to know.
    const closedCheck = setInterval(() => {
      if (popup.closed)
        finish(() =>
          reject(
            new OAuthError('popup_closed', 'The sign-in window was closed before sign-in finished', {
              hint: 'Choose Sign in again and finish signing in in the window that opens',
            }),
          ),
        );
    }, options.closedCheckMs ?? 500);
    win.addEventListener('message', onMessage);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    startSignIn(options).then(
      ({ url }) => {
        if (!done) popup.location.href = url;
      },
      (error: unknown) => finish(() => (popup.close(), reject(error as Error))),
    );
  });
}

/**
 * On the callback page: when this window is the sign-in popup, hands its URL to the window that opened it
 * (addressed to this origin only, so a page that took the opener's place never receives the code), takes the
 * code out of the address bar, and returns true; the page should then say it can be closed, and spend nothing.
 */
export function handOffPopupCallback(win: Window = globalThis.window): boolean {
  if (win.name !== SIGN_IN_POPUP_NAME || !win.opener || win.opener === win) return false;
  const href = win.location.href;
  (win.opener as Window).postMessage({ type: MESSAGE_TYPE, href }, win.location.origin);
  win.history.replaceState(null, '', win.location.pathname);
  win.name = '';
  return true;
}
