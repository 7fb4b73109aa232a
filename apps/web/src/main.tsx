// First: it starts the config and the code exchange before the modules below are evaluated.
import { callback, config as configLoad, handedOff } from './boot.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { Session } from './auth/session.js';
import { preloadBoard } from './board/preload.js';
import './styles.css';
import { applyTheme, storedTheme } from './preferences/theme.js';
import { said, switchLocale, t, tx } from './i18n/i18n.js';
import { ConfigRefused } from './config.js';
import { resolveLanguage } from './preferences/language.js';
import { genesysCloudHost, startEmbedding } from './embedding/current.js';
import { EmbeddingRefused, PopupHandedOff } from './embedding/EmbeddingPages.js';

// Before the first paint, so a dark screen does not flash light.
applyTheme(storedTheme());

const root = createRoot(document.getElementById('root')!);
if (handedOff) root.render(<PopupHandedOff />);
else
  configLoad.then(
    (config) => {
      const embedding = startEmbedding(config);
      if (embedding.kind === 'refused') {
        const refused = () => root.render(<EmbeddingRefused problems={embedding.problems} />);
        return void switchLocale(resolveLanguage().locale).then(refused, refused);
      }
      // The board's snapshot goes out as the token arrives, while the app renders the board.
      const session = new Session(config, {
        onSignedIn: (back) => preloadBoard(session.client, back),
        embedded: embedding.kind === 'embedded',
      });
      // Genesys Cloud stops the app (its integration's `stop` hook: the person signs out of Genesys Cloud, or the
      // app is closed): Adhere's session ends with it, its token revoked, before saying it has stopped.
      const host = genesysCloudHost();
      host?.on('stop', () => {
        const signedIn = session.tokens.current() !== undefined;
        void (signedIn ? session.signOut() : Promise.resolve()).finally(() => host.stopped());
      });
      // On the callback, the exchange started in boot.ts is the session's; the App's own call joins it.
      if (callback) session.completeCallback(location.href, callback).catch(() => {});
      // The page's language before its first words: English at once, another's catalogue as a chunk of its own
      // (a failed load keeps English).
      const render = () =>
        root.render(
          <StrictMode>
            <App session={session} />
          </StrictMode>,
        );
      switchLocale(resolveLanguage().locale).then(render, render);
    },
    (err: Error) => {
      const render = () =>
        root.render(
          <section className="config-refused" aria-labelledby="config-title">
            <h1 id="config-title">{t('config.refused')}</h1>
            <ul role="alert" data-testid="config-error">
              {err instanceof ConfigRefused ? (
                err.problems.map((problem, i) => <li key={i}>{problem.map((m) => said(m)).join(' ')}</li>)
              ) : (
                <li>{err.message}</li>
              )}
            </ul>
            <p>
              {tx(
                'config.check',
                { command: 'npx adhere doctor --config config.json' },
                { code: (c) => <code>{c}</code> },
              )}
            </p>
          </section>,
        );
      // The person's language from the browser (there is no configuration to say more).
      switchLocale(resolveLanguage().locale).then(render, render);
    },
  );
