import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type OAuthError } from '@adhere/oauth';
import { checkFeature, type Access, type Feature } from '@adhere/genesys';
import { AccessNotice } from './access/AccessNotice.js';
import { useAccess } from './access/useAccess.js';
import { isSignInFailure, type Session, type SignInFailure } from './auth/session.js';
import { signInHint } from './auth/sign-in-hint.js';
import { embedding } from './embedding/current.js';
import { BoardPage } from './board/BoardPage.js';
import { ThemeChoice } from './preferences/ThemeChoice.js';
import { LanguageNote } from './preferences/LanguageNote.js';
import { t, tx, useLocale } from './i18n/i18n.js';
import { navigate, useLocation } from './router.js';
import { liveBoardFor } from './board/live-board.js';
import { forgetClosedDays } from './rollup/day-cache.js';

// Pages other than the board load on first visit, so the board (what a supervisor opens first) starts sooner.
const HistoryPage = lazy(() => import('./history/HistoryPage.js').then((m) => ({ default: m.HistoryPage })));
const MyDayPage = lazy(() => import('./me/MyDayPage.js').then((m) => ({ default: m.MyDayPage })));
const DoctorPage = lazy(() => import('./diagnostics/DoctorPage.js').then((m) => ({ default: m.DoctorPage })));
const DiagnosticsPage = lazy(() =>
  import('./diagnostics/DiagnosticsPage.js').then((m) => ({ default: m.DiagnosticsPage })),
);
const SettingsPage = lazy(() => import('./settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
const RollupPage = lazy(() => import('./rollup/RollupPage.js').then((m) => ({ default: m.RollupPage })));
const WallboardPage = lazy(() => import('./board/WallboardPage.js').then((m) => ({ default: m.WallboardPage })));
function Loading() {
  return (
    <p role="status" className="centered">
      {t('app.loading')}
    </p>
  );
}

export function App({ session }: { session: Session }) {
  const url = useLocation();
  // The token store is the truth; another tab's sign-in or sign-out can change it at any moment.
  const signedIn = useSyncExternalStore(
    (notify) => session.tokens.subscribe(notify),
    () => session.tokens.current() !== undefined,
  );
  const [failure, setFailure] = useState<SignInFailure>();
  const [startError, setStartError] = useState<OAuthError>();

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

  const client = session.client;
  // The live feed is kept across the live views and closed when the app shows none of them.
  const liveView = signedIn && (url.pathname === '/' || url.pathname === '/wallboard' || url.pathname === '/units');
  useEffect(() => {
    if (!liveView) liveBoardFor(client).idle();
  }, [liveView, client]);
  // What this user and this app's OAuth client may do: features they cannot use are shown as such up front.
  const { access, recheck: recheckAccess } = useAccess(signedIn ? client : undefined);

  // An expired session re-runs sign-in without losing the view.
  useEffect(() => {
    const check = setInterval(() => {
      if (signedIn && !session.tokens.current()) session.signInAgain(location.pathname + location.search);
    }, 5000);
    return () => clearInterval(check);
  }, [signedIn, session]);

  if (url.pathname === '/callback')
    return (
      <p role="status" className="centered">
        {t('app.signingIn')}
      </p>
    );
  if (url.pathname === '/diagnostics' && failure)
    return (
      <Shell session={session} signedIn={false}>
        <Suspense fallback={<Loading />}>
          <DiagnosticsPage failure={failure} onRetry={() => void session.signIn('/')} />
        </Suspense>
      </Shell>
    );
  if (url.pathname === '/settings')
    return (
      <Shell session={session} signedIn={signedIn} access={access}>
        <Suspense fallback={<Loading />}>
          <SettingsPage
            config={session.config}
            access={signedIn ? access : undefined}
            signedIn={signedIn}
            recheck={recheckAccess}
          />
        </Suspense>
      </Shell>
    );
  if (url.pathname === '/doctor')
    return (
      <Shell session={session} signedIn={signedIn}>
        <Suspense fallback={<Loading />}>
          <DoctorPage />
        </Suspense>
      </Shell>
    );
  if (!signedIn) {
    const inside = embedding().kind === 'embedded';
    return (
      <Shell session={session} signedIn={false}>
        <section className="signed-out" aria-labelledby="signin-title">
          <h1 id="signin-title">{t('app.signInTitle')}</h1>
          <p>{t('app.signInLead')}</p>
          {inside ? <p className="hint">{t('app.signInPopup')}</p> : null}
          <button
            type="button"
            className="primary"
            onClick={() => {
              setStartError(undefined);
              session.signIn(url.pathname + url.search).catch((e: OAuthError | SignInFailure) => {
                if (isSignInFailure(e)) {
                  setFailure(e);
                  navigate('/diagnostics', true);
                } else setStartError(e);
              });
            }}
          >
            {t('app.signIn')}
          </button>
          {startError ? (
            <p role="alert" className="error">
              {signInHint(startError) ??
                tx(
                  'app.signInCouldNotStart',
                  { problem: startError.message },
                  { a: (c) => <a href="/settings">{c}</a> },
                )}
            </p>
          ) : null}
        </section>
      </Shell>
    );
  }
  // An agent's own day: at /me, and at / for a role with no board but an agent's schedule (issue 20, item 4).
  const agentOnly =
    access !== undefined &&
    checkFeature(access, 'liveBoard').available === false &&
    checkFeature(access, 'myDay').available !== false;
  if (url.pathname === '/me' || (url.pathname === '/' && agentOnly))
    return (
      <Shell session={session} signedIn access={access}>
        <Suspense fallback={<Loading />}>
          <MyDayPage
            client={client}
            canExplain={!access || checkFeature(access, 'myExplanations').available !== false}
          />
        </Suspense>
      </Shell>
    );
  const page = url.pathname === '/history' ? 'history' : 'liveBoard';

  const check = access ? checkFeature(access, page) : undefined;
  // The wallboard is a kiosk (issue 22, item 10): no app navigation on a screen across the room.
  if (url.pathname === '/wallboard' && check?.available !== false)
    return (
      <main className="kiosk">
        <Suspense fallback={<Loading />}>
          <WallboardPage client={client} sessionEndsAt={session.tokens.validUntil()} />
        </Suspense>
      </main>
    );
  return (
    <Shell session={session} signedIn access={access}>
      {check?.available === false ? (
        <AccessNotice check={check} />
      ) : page === 'history' ? (
        <Suspense fallback={<Loading />}>
          <HistoryPage client={client} access={access} />
        </Suspense>
      ) : url.pathname === '/units' ? (
        <Suspense fallback={<Loading />}>
          <RollupPage client={client} access={access} />
        </Suspense>
      ) : (
        <BoardPage client={client} access={access} />
      )}
    </Shell>
  );
}

function Shell({
  session,
  signedIn,
  access,
  children,
}: {
  session: Session;
  signedIn: boolean;
  access?: Access | undefined;
  children: React.ReactNode;
}) {
  useLocale();
  // An agent's role: "My day" instead of the supervisor's views; a supervisor who is also an agent gets both.
  const myDay = access !== undefined && checkFeature(access, 'myDay').available === true;
  const myDayOnly = myDay && checkFeature(access, 'liveBoard').available === false;
  const link = (path: string, label: string, feature?: Feature) => {
    const check = feature && access ? checkFeature(access, feature) : undefined;
    const blocked = check?.available === false;
    const missing = blocked ? [...check.missingPermissions, ...check.missingScopes].map((r) => r.label).join(', ') : '';
    return (
      <a
        href={path}
        aria-current={location.pathname === path ? 'page' : undefined}
        // Still a link: it leads to the reason. Its name says it is not available ("History (no access)").
        data-no-access={blocked || undefined}
        title={blocked ? t('nav.notAvailable', { missing }) : undefined}
        onClick={(e) => (e.preventDefault(), navigate(path))}
      >
        {label}
        {blocked ? <span className="no-access"> {t('nav.noAccess')}</span> : null}
      </a>
    );
  };
  return (
    <>
      <header className="top">
        <a className="brand" href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
          {t('app.brand')}
        </a>
        <nav aria-label={t('nav.main')}>
          {signedIn ? (
            <>
              {myDayOnly ? null : link('/', t('nav.liveBoard'), 'liveBoard')}
              {myDayOnly ? null : link('/units', t('nav.allUnits'), 'liveBoard')}
              {myDayOnly ? null : link('/history', t('nav.history'), 'history')}
              {myDay ? link(myDayOnly ? '/' : '/me', t('nav.myDay'), 'myDay') : null}
            </>
          ) : null}
          {link('/settings', t('nav.settings'))}
        </nav>
        <HelpMenu />
        {/* Settings has its own (one control per choice on a page). */}
        {location.pathname === '/settings' ? null : <ThemeChoice />}
        {signedIn ? (
          <button
            type="button"
            onClick={() => {
              // The closed days kept for the roll-up are this user's: the next one on this browser starts empty.
              forgetClosedDays();
              void session.signOut();
            }}
          >
            {t('signOut')}
          </button>
        ) : null}
      </header>
      <main>
        <LanguageNote />
        {children}
      </main>
    </>
  );
}

/**
 * Help, out of the main navigation (issue 22, item 7): the Doctor is a developer's tool for sign-in problems, not
 * a supervisor's page; it is offered here and on the sign-in failure page.
 */
function HelpMenu() {
  useLocale();
  return (
    <details className="help-menu">
      <summary>{t('help.title')}</summary>
      <ul>
        <li>
          <a href="/doctor" onClick={(e) => (e.preventDefault(), navigate('/doctor'))}>
            {t('help.doctor')}
          </a>{' '}
          <span className="hint">{t('help.doctorHint')}</span>
        </li>
        <li>
          <a href="/settings" onClick={(e) => (e.preventDefault(), navigate('/settings'))}>
            {t('help.role')}
          </a>{' '}
          <span className="hint">{t('help.roleHint')}</span>
        </li>
      </ul>
    </details>
  );
}
