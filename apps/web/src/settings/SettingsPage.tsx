import { useEffect, useState } from 'react';
import { createMemoryStorage, startSignIn } from '@adhere/oauth';
import type { Access } from '@adhere/genesys';
import { AccessTable } from '../access/AccessTable.js';
import type { ResolvedConfig } from '../config.js';
import type { AlertPrefs } from '../board/alerts.js';
import { AlertChoices } from '../preferences/AlertChoices.js';
import { loadAlertPrefs, saveAlertPrefs } from '../preferences/alert-prefs.js';
import { boardAddress, forgetBoardOpensOn, loadBoardOpensOn } from '../preferences/board-opens-on.js';
import { LanguageChoice } from '../preferences/LanguageChoice.js';
import { said, t, tx, useLocale } from '../i18n/i18n.js';
import { ThemeChoice } from '../preferences/ThemeChoice.js';
import { navigate } from '../router.js';
import { embedding } from '../embedding/current.js';
import { storageKept } from '../browser-storage.js';
import { listWords } from '../words.js';
import { SITUATION_KINDS, SITUATION_WORDS } from '../board/situations.js';
import { MAX_SITUATION_MINUTES, saveSituationMinutes, situationMinutes } from '../preferences/situation-prefs.js';

/**
 * Settings for the person using the app (issue 22, item 7): appearance, where the board opens, alerts, what their
 * role can see; how the app signs in (region, client id, the exact authorize URL) is kept for administrators.
 */
export function SettingsPage({
  config,
  access,
  signedIn,
  recheck,
}: {
  config: ResolvedConfig;
  access: Access | undefined;
  signedIn: boolean;
  /** Reads the user's permissions again (they are read once per sign-in). */
  recheck: () => void;
}) {
  useLocale();
  const [authorizeUrl, setAuthorizeUrl] = useState<string>();
  useEffect(() => {
    // A throwaway transaction in memory: the URL is exact but for its one-time state and challenge.
    startSignIn({ ...config, storage: createMemoryStorage() }).then(
      (r) => setAuthorizeUrl(r.url),
      (e: Error) => setAuthorizeUrl(t('settings.cannotBuild', { problem: e.message })),
    );
  }, [config]);
  const rows: Array<[string, string]> = [
    [t('settings.region'), config.region ?? t('settings.customHosts')],
    [t('settings.loginHost'), config.loginBaseUrl],
    [t('settings.apiHost'), config.apiBaseUrl],
    [t('settings.clientId'), config.clientId],
    [t('settings.redirectUri'), config.redirectUri],
    [t('settings.tokenEndpoint'), `${config.loginBaseUrl}/oauth/token`],
  ];
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <p className="lead">{t('settings.lead')}</p>
      <h2>{t('settings.appearance')}</h2>
      <ThemeChoice />
      <LanguageChoice />
      <h2>{t('settings.board')}</h2>
      <BoardOpensOnChoice />
      <h2>{t('settings.alerts')}</h2>
      <AlertSettings />
      <h2>{t('settings.situations')}</h2>
      <SituationSettings />
      <GenesysCloudSettings />
      <h2>{t('settings.access')}</h2>
      {signedIn ? (
        <>
          <AccessTable access={access} />
          <p>
            {t('settings.recheckLead')}{' '}
            <button type="button" onClick={recheck} disabled={!access}>
              {t('settings.recheckButton')}
            </button>
            .
          </p>
        </>
      ) : (
        <p>{t('settings.signInFirst')}</p>
      )}
      <details className="admin-settings">
        <summary>{t('settings.adminTitle')}</summary>
        <dl>
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                <code>{v}</code>
              </dd>
            </div>
          ))}
        </dl>
        <h3>{t('settings.authorizeUrl')}</h3>
        <p>
          <code className="wrap" data-testid="authorize-url">
            {authorizeUrl ?? '…'}
          </code>
        </p>
        <p>
          {tx(
            'settings.setThese',
            {
              file: 'config.json',
              example: '{"region":"eu_west_1","clientId":"…","redirectUri":"https://…/callback"}',
            },
            { code: (c) => <code>{c}</code> },
          )}
        </p>
      </details>
    </section>
  );
}

/** Desktop notifications, sound, when an alert comes, muted agents: the same choices as beside the board's alerts. */
function AlertSettings() {
  const [prefs, setPrefsState] = useState(loadAlertPrefs);
  const setPrefs = (p: AlertPrefs) => {
    saveAlertPrefs(p);
    setPrefsState(p);
  };
  return (
    <div className="toolbar" role="group" aria-label={t('settings.alerts')}>
      <AlertChoices prefs={prefs} setPrefs={setPrefs} />
      {prefs.mutedUnits.length ? (
        <button type="button" onClick={() => setPrefs({ ...prefs, mutedUnits: [] })}>
          {t('settings.unmuteUnits', { count: prefs.mutedUnits.length })}
        </button>
      ) : null}
    </div>
  );
}

/** The supervisor's own thresholds for each situation: when it counts, and (three times that) when it is severe. */
function SituationSettings() {
  const [minutes, setMinutes] = useState(situationMinutes);
  return (
    <div role="group" aria-labelledby="situations-hint">
      <p id="situations-hint" className="hint">
        {t('settings.situationsHint')}
      </p>
      <div className="toolbar">
        {SITUATION_KINDS.map((k) => (
          <label key={k}>
            {t('settings.situationAfter', { situation: SITUATION_WORDS[k] })}{' '}
            <input
              type="number"
              className="narrow"
              min={1}
              max={MAX_SITUATION_MINUTES}
              value={minutes[k]}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (!Number.isInteger(n) || n < 1 || n > MAX_SITUATION_MINUTES) return;
                const next = { ...minutes, [k]: n };
                saveSituationMinutes(next);
                setMinutes(next);
              }}
            />{' '}
            {t('settings.min')}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Which units the board opens on: the ones chosen last, with a way to forget them. */
function BoardOpensOnChoice() {
  const [on, setOn] = useState(loadBoardOpensOn);
  if (!on) return <p data-testid="board-opens-on">{t('settings.opensOnFirst')}</p>;
  const parts = [
    on.managementUnitIds.length > 0 ? t('settings.managementUnits', { count: on.managementUnitIds.length }) : undefined,
    on.teamId ? t('settings.oneTeam') : undefined,
    on.columns ? t('settings.yourColumns') : undefined,
  ].filter((p) => p !== undefined);
  return (
    <p data-testid="board-opens-on">
      {t('settings.opensOnLast', {
        what: parts.length ? listWords(parts) : t('settings.aBusinessUnit'),
      })}{' '}
      <a
        href={`/?${boardAddress(on).toString()}`}
        onClick={(e) => (e.preventDefault(), navigate(`/?${boardAddress(on)}`))}
      >
        {t('settings.openThere')}
      </a>{' '}
      <button type="button" onClick={() => (forgetBoardOpensOn(), setOn(undefined))}>
        {t('settings.forget')}
      </button>
    </p>
  );
}

/** Inside Genesys Cloud: which one, and what it asked for (issue 21, item 1). Nothing when Adhere runs on its own. */
function GenesysCloudSettings() {
  const e = embedding();
  if (e.kind !== 'embedded') return null;
  return (
    <>
      <h2>{t('settings.inside')}</h2>
      <p data-testid="inside-genesys">
        {tx('settings.insideLead', { origin: e.hostOrigin, env: e.targetEnv }, { code: (c) => <code>{c}</code> })}
      </p>
      {storageKept ? null : (
        <p role="status" data-testid="storage-not-kept">
          {t('settings.storageNotKept')}
        </p>
      )}
      {e.languageProblem ? (
        <p role="status" data-testid="language-problem">
          {said(e.languageProblem)}
        </p>
      ) : e.language ? (
        <p>{tx('settings.genesysLanguage', { language: e.language }, { code: (c) => <code>{c}</code> })}</p>
      ) : null}
    </>
  );
}
