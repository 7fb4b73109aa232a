import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { type OAuthError } from '@adhere/oauth';
import { createGenesysClient } from '@adhere/genesys';
import type { Session, SignInFailure } from './auth/session.js';
import { BoardPage } from './board/BoardPage.js';
import { DiagnosticsPage } from './diagnostics/DiagnosticsPage.js';
import { DoctorPage } from './diagnostics/DoctorPage.js';
import { HistoryPage } from './history/HistoryPage.js';
import { navigate, useLocation } from './router.js';
import { SettingsPage } from './settings/SettingsPage.js';

export function App({ session }: { session: Session }) {
  const url = useLocation();
  // The token store is the truth; another tab's sign-in or sign-out can change it at any moment.
  const signedIn = useSyncExternalStore(
    (notify) => session.tokens.subscribe(notify),
    () => session.tokens.current() !== undefined,
  );
  const [failure, setFailure] = useState<SignInFailure>();
  const [startError, setStartError] = useState<string>();

  // The callback URL as it arrived: completeSignIn cleans the address bar at once, and StrictMode runs
  // this effect twice; both runs must hand over the same URL so the second joins the first.
  const callbackHref = useRef(url.pathname === '/callback' ? url.href : undefined);
  const onCallback = url.pathname === '/callback';
  useEffect(() => {
    if (!onCallback || !callbackHref.current) return;
    session.completeCallback(callbackHref.current).then(
      (back) => navigate(back, true),
      (f: SignInFailure) => {
        setFailure(f);
        navigate('/diagnostics', true);
      },
    );
  }, [onCallback, session]);

  const client = useMemo(
    () =>
      createGenesysClient({
        apiBaseUrl: session.config.apiBaseUrl,
        getAccessToken: () => session.tokens.getAccessToken(),
        // Re-run sign-in and come back to this very view (its state is in the URL).
        onReauthRequired: () => void session.signIn(location.pathname + location.search),
      }),
    [session],
  );

  // An expired session re-runs sign-in without losing the view.
  useEffect(() => {
    const check = setInterval(() => {
      if (signedIn && !session.tokens.current()) void session.signIn(location.pathname + location.search);
    }, 5000);
    return () => clearInterval(check);
  }, [signedIn, session]);

  if (url.pathname === '/callback')
    return (
      <p role="status" className="centered">
        Signing in…
      </p>
    );
  if (url.pathname === '/diagnostics' && failure)
    return (
      <Shell session={session} signedIn={false}>
        <DiagnosticsPage failure={failure} onRetry={() => void session.signIn('/')} />
      </Shell>
    );
  if (url.pathname === '/settings')
    return (
      <Shell session={session} signedIn={signedIn}>
        <SettingsPage config={session.config} />
      </Shell>
    );
  if (url.pathname === '/doctor')
    return (
      <Shell session={session} signedIn={signedIn}>
        <DoctorPage />
      </Shell>
    );
  if (!signedIn) {
    return (
      <Shell session={session} signedIn={false}>
        <section className="signed-out" aria-labelledby="signin-title">
          <h1 id="signin-title">Adherence, live</h1>
          <p>Sign in with your Genesys Cloud account to see your agents' adherence.</p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void session
                .signIn(url.pathname + url.search)
                .catch((e: OAuthError) => setStartError(`${e.message}${e.hint ? `. ${e.hint}` : ''}`))
            }
          >
            Sign in
          </button>
          {startError ? (
            <p role="alert" className="error">
              Sign-in could not start: {startError}. Check <a href="/settings">Settings</a>.
            </p>
          ) : null}
        </section>
      </Shell>
    );
  }
  return (
    <Shell session={session} signedIn>
      {url.pathname === '/history' ? <HistoryPage client={client} /> : <BoardPage client={client} />}
    </Shell>
  );
}

function Shell({ session, signedIn, children }: { session: Session; signedIn: boolean; children: React.ReactNode }) {
  const link = (path: string, label: string) => (
    <a
      href={path}
      aria-current={location.pathname === path ? 'page' : undefined}
      onClick={(e) => (e.preventDefault(), navigate(path))}
    >
      {label}
    </a>
  );
  return (
    <>
      <header className="top">
        <span className="brand">Adhere</span>
        <nav aria-label="Main">
          {signedIn ? (
            <>
              {link('/', 'Live board')}
              {link('/history', 'History')}
            </>
          ) : null}
          {link('/doctor', 'Doctor')}
          {link('/settings', 'Settings')}
        </nav>
        {signedIn ? (
          <button type="button" onClick={() => void session.signOut()}>
            Sign out
          </button>
        ) : null}
      </header>
      <main>{children}</main>
    </>
  );
}
