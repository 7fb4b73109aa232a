import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { Session } from './auth/session.js';
import { loadConfig } from './config.js';
import { preloadBoard } from './board/preload.js';
import './styles.css';
import { applyTheme, storedTheme } from './preferences/theme.js';

// Before the first paint, so a dark screen does not flash light.
applyTheme(storedTheme());

const root = createRoot(document.getElementById('root')!);
loadConfig(location.origin).then(
  (config) => {
    // The board's snapshot goes out as the token arrives, while the app renders the board.
    const session = new Session(config, { onSignedIn: (back) => preloadBoard(session.client, back) });
    // On the callback, the code exchange starts before the first render; the App's own call joins it.
    if (location.pathname === '/callback') session.completeCallback(location.href).catch(() => {});
    root.render(
      <StrictMode>
        <App session={session} />
      </StrictMode>,
    );
  },
  (err: Error) =>
    root.render(<p role="alert">The app's configuration is invalid: {err.message}. Check config.json.</p>),
);
