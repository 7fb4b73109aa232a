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
import { t, useLocale } from '../i18n/i18n.js';
import { ThemeChoice } from '../preferences/ThemeChoice.js';
import { navigate } from '../router.js';
import { embedding } from '../embedding/current.js';
import { storageKept } from '../browser-storage.js';
import { countWords } from '../words.js';
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
      (e: Error) => setAuthorizeUrl(`(cannot build: ${e.message})`),
    );
  }, [config]);
  const rows: Array<[string, string]> = [
    ['Region', config.region ?? '(custom hosts)'],
    ['Login host', config.loginBaseUrl],
    ['API host', config.apiBaseUrl],
    ['Client id', config.clientId],
    ['Redirect URI', config.redirectUri],
    ['Token endpoint', `${config.loginBaseUrl}/oauth/token`],
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
        <summary>For administrators: how this app signs in to Genesys Cloud</summary>
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
        <h3>Authorize URL</h3>
        <p>
          <code className="wrap" data-testid="authorize-url">
            {authorizeUrl ?? '…'}
          </code>
        </p>
        <p>
          Set these in <code>config.json</code> beside the app:{' '}
          <code>{'{"region":"eu_west_1","clientId":"…","redirectUri":"https://…/callback"}'}</code>.
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
    <div className="toolbar" role="group" aria-label="Alerts">
      <AlertChoices prefs={prefs} setPrefs={setPrefs} />
      {prefs.mutedUnits.length ? (
        <button type="button" onClick={() => setPrefs({ ...prefs, mutedUnits: [] })}>
          Unmute {countWords(prefs.mutedUnits.length, 'unit')}
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
        When an agent out of adherence counts as in a situation on the board; severe from three times as long. Genesys
        has no such settings: these are yours, kept in this browser.
      </p>
      <div className="toolbar">
        {SITUATION_KINDS.map((k) => (
          <label key={k}>
            {SITUATION_WORDS[k]} after{' '}
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
            min
          </label>
        ))}
      </div>
    </div>
  );
}

/** Which units the board opens on: the ones chosen last, with a way to forget them. */
function BoardOpensOnChoice() {
  const [on, setOn] = useState(loadBoardOpensOn);
  if (!on)
    return (
      <p data-testid="board-opens-on">
        The board opens on the first management unit you may watch. Once you choose units on the board, it opens on
        those.
      </p>
    );
  const parts = [
    on.managementUnitIds.length > 0 ? countWords(on.managementUnitIds.length, 'management unit') : undefined,
    on.teamId ? 'one team' : undefined,
    on.columns ? 'your columns' : undefined,
  ].filter(Boolean);
  return (
    <p data-testid="board-opens-on">
      The board opens on the units you chose last ({parts.join(' and ') || 'a business unit'}).{' '}
      <a
        href={`/?${boardAddress(on).toString()}`}
        onClick={(e) => (e.preventDefault(), navigate(`/?${boardAddress(on)}`))}
      >
        Open the board there
      </a>{' '}
      <button type="button" onClick={() => (forgetBoardOpensOn(), setOn(undefined))}>
        Forget them
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
      <h2>Inside Genesys Cloud</h2>
      <p data-testid="inside-genesys">
        Adhere runs inside Genesys Cloud at <code>{e.hostOrigin}</code> (environment <code>{e.targetEnv}</code>). Alerts
        come as Genesys Cloud notifications; signing out of Genesys Cloud signs you out of Adhere too.
      </p>
      {storageKept ? null : (
        <p role="status" data-testid="storage-not-kept">
          This browser does not let apps inside Genesys Cloud keep anything (it blocks third-party storage): your
          choices and your sign-in last until Genesys Cloud is reloaded.
        </p>
      )}
      {e.languageProblem ? (
        <p role="status" data-testid="language-problem">
          {e.languageProblem}
        </p>
      ) : e.language ? (
        <p>
          Genesys Cloud asked for the language <code>{e.language}</code>; Adhere speaks English only for now.
        </p>
      ) : null}
    </>
  );
}
