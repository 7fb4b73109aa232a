// Popup sign-in (a client app inside Genesys Cloud): the frame keeps the verifier and makes the exchange; only
// its own popup, at its own origin, carrying its own redirect URI, can hand it a callback. Chromium runs the
// whole path against the emulator in apps/web/test/e2e/embedded.test.ts; these pin each refusal down.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OAuthError,
  SIGN_IN_POPUP_NAME,
  createMemoryStorage,
  handOffPopupCallback,
  signInWithPopup,
  type PopupSignInOptions,
} from '@adhere/oauth';

const APP = 'https://adhere.example';
const base = { clientId: 'adhere-local', redirectUri: `${APP}/callback`, region: 'eu_west_1' };

interface FakePopup {
  closed: boolean;
  close(): void;
  location: { href: string };
}

/** A window that records its message listeners, and a popup whose navigations are awaited, not slept on. */
function fakeWindows() {
  const listeners = new Set<(e: MessageEvent) => void>();
  let navigated!: (url: string) => void;
  const authorizeUrl = new Promise<string>((r) => (navigated = r));
  const popup: FakePopup = {
    closed: false,
    close() {
      this.closed = true;
    },
    location: {
      set href(url: string) {
        navigated(url);
      },
      get href() {
        return 'about:blank';
      },
    },
  };
  const opened: Array<{ url: string; name: string }> = [];
  const win = {
    location: { origin: APP },
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.delete(l),
  } as unknown as Window;
  const deliver = (event: { source: unknown; origin: string; data: unknown }) =>
    listeners.forEach((l) => l(event as unknown as MessageEvent));
  const open: PopupSignInOptions['open'] = (url, name) => (opened.push({ url, name }), popup as unknown as Window);
  return { win, popup, open, opened, deliver, authorizeUrl, listeners };
}

const tokenFetch = (seen: URLSearchParams[]) =>
  (async (_url: string, init?: RequestInit) => {
    seen.push(new URLSearchParams(String(init?.body)));
    return new Response(JSON.stringify({ access_token: 'at', token_type: 'bearer', expires_in: 60 }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as typeof fetch;

afterEach(() => vi.useRealTimers());

describe('signInWithPopup', () => {
  it('opens the popup at once, sends it to authorize, and exchanges only the callback from that popup', async () => {
    const w = fakeWindows();
    const seen: URLSearchParams[] = [];
    const storage = createMemoryStorage();
    const result = signInWithPopup({ ...base, storage, window: w.win, open: w.open, fetch: tokenFetch(seen) });
    // Synchronously, before any await: a click's user activation still holds.
    expect(w.opened).toEqual([{ url: 'about:blank', name: SIGN_IN_POPUP_NAME }]);
    const authorize = new URL(await w.authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe('https://login.mypurecloud.ie/oauth/authorize');
    const state = authorize.searchParams.get('state')!;
    const good = `${APP}/callback?code=c0de&state=${state}`;
    // Each of these is ignored: another window, another origin, another message, another path.
    w.deliver({ source: {}, origin: APP, data: { type: 'adhere:sign-in-callback', href: good } });
    w.deliver({
      source: w.popup,
      origin: 'https://evil.example',
      data: { type: 'adhere:sign-in-callback', href: good },
    });
    w.deliver({ source: w.popup, origin: APP, data: { type: 'something-else', href: good } });
    w.deliver({ source: w.popup, origin: APP, data: { type: 'adhere:sign-in-callback', href: `${APP}/other?code=x` } });
    w.deliver({ source: w.popup, origin: APP, data: null });
    expect(seen).toEqual([]);
    expect(w.popup.closed).toBe(false);
    w.deliver({ source: w.popup, origin: APP, data: { type: 'adhere:sign-in-callback', href: good } });
    const signedIn = await result;
    expect(signedIn.tokens.accessToken).toBe('at');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.get('code')).toBe('c0de');
    expect(seen[0]!.get('code_verifier')).toMatch(/^[A-Za-z0-9_~.-]{43,128}$/);
    expect(w.popup.closed).toBe(true);
    expect(w.listeners.size).toBe(0);
  });

  it('a blocked popup is popup_blocked, with what to do', async () => {
    const w = fakeWindows();
    const err = await signInWithPopup({
      ...base,
      storage: createMemoryStorage(),
      window: w.win,
      open: () => null,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).code).toBe('popup_blocked');
    expect((err as OAuthError).hint).toMatch(/Allow pop-ups/);
  });

  it('a popup closed before sign-in finished is popup_closed, and nothing is exchanged', async () => {
    vi.useFakeTimers();
    const w = fakeWindows();
    const seen: URLSearchParams[] = [];
    const result = signInWithPopup({
      ...base,
      storage: createMemoryStorage(),
      window: w.win,
      open: w.open,
      fetch: tokenFetch(seen),
      closedCheckMs: 500,
    }).catch((e: unknown) => e);
    await w.authorizeUrl;
    w.popup.closed = true;
    await vi.advanceTimersByTimeAsync(500);
    const err = await result;
    expect((err as OAuthError).code).toBe('popup_closed');
    expect(seen).toEqual([]);
    expect(w.listeners.size).toBe(0);
  });
});

describe('handOffPopupCallback', () => {
  function callbackWindow(name: string, opener: unknown) {
    const posted: Array<{ message: unknown; target: string }> = [];
    const replaced: string[] = [];
    const win = {
      name,
      opener,
      location: { href: `${APP}/callback?code=c0de&state=s`, origin: APP, pathname: '/callback' },
      history: { replaceState: (_: unknown, __: string, url: string) => replaced.push(url) },
    };
    return { win: win as unknown as Window, posted, replaced };
  }

  it('the sign-in popup hands its URL to the opener, addressed to its own origin only, and cleans its address', () => {
    const posted: Array<{ message: unknown; target: string }> = [];
    const opener = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
    const { win, replaced } = callbackWindow(SIGN_IN_POPUP_NAME, opener);
    expect(handOffPopupCallback(win)).toBe(true);
    expect(posted).toEqual([
      { message: { type: 'adhere:sign-in-callback', href: `${APP}/callback?code=c0de&state=s` }, target: APP },
    ]);
    expect(replaced).toEqual(['/callback']);
  });

  it('an ordinary callback tab (no popup name, or no opener) spends its code itself', () => {
    const opener = { postMessage: () => expect.unreachable('posted') };
    expect(handOffPopupCallback(callbackWindow('', opener).win)).toBe(false);
    expect(handOffPopupCallback(callbackWindow(SIGN_IN_POPUP_NAME, null).win)).toBe(false);
  });
});
