/**
 * @module The apps origin (apps.<env>): Genesys Cloud's own UI, as far as a client app sees it. Its one page
 * frames the configured client app the way Genesys does — the integration's URL with Genesys's template values
 * put in, the documented iframe sandbox — and answers the Client App SDK's messages: toasts shown in a toast
 * area, `bootstrapped`, the attention count; its "Sign out" sends the app the lifecycle `stop` hook.
 *
 * Sources: the URL template values and the sandbox value are the Client App SDK's (`purecloud-client-app-sdk`
 * README and `examples/urlInterpolationDemo.html`; developer centre "Installing a client app"); the message
 * protocol is the SDK's own (`src/modules/base.ts`: `{action, protocol: 'purecloud-client-apps', …}` posted to
 * the host, `{purecloudEventType: 'appLifecycleHook', hook}` posted back).
 */
import { Hono } from 'hono';
import { escapeHtml } from './html-escape.js';

export interface ClientAppSettings {
  /** The integration's URL, with `{{gcHostOrigin}}`-style template values; empty: nothing is framed. */
  url: string;
  /** The environment name this emulator claims in `{{gcTargetEnv}}` (a name the Client App SDK knows). */
  targetEnv: string;
}

/** The documented example `sandbox` of a client app integration (Admin › Integrations › Client Application). */
export const CLIENT_APP_SANDBOX =
  'allow-forms allow-modals allow-popups allow-presentation allow-same-origin allow-scripts allow-downloads';

/** Genesys's template values, `{{name}}`, put into an integration URL (each URL-encoded, as Genesys does). */
export function interpolateClientAppUrl(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_whole, name: string) => {
    const value = values[name] ?? values[name.replace(/^pc/, 'gc')];
    return value === undefined ? '' : encodeURIComponent(value);
  });
}

export function appsApp(settings: ClientAppSettings): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    // The page is Genesys's: framed by no one, its own script only.
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src http: https:; frame-ancestors 'none'",
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/shell.js', (c) =>
    c.body(SHELL_SCRIPT, 200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' }),
  );
  // The page takes what Genesys would fill in from the query, so a test can play a misconfigured or forged
  // integration: ?lang=de-de (the user's language), ?hostOrigin=… and ?targetEnv=… (values other than the truth).
  app.get('/', (c) => {
    if (!settings.url) return c.text('Genesys Cloud emulator: no client app is configured (clientAppUrl).', 404);
    const origin = new URL(c.req.url).origin;
    const q = (name: string) => c.req.query(name);
    const values: Record<string, string> = {
      gcHostOrigin: q('hostOrigin') ?? origin,
      gcTargetEnv: q('targetEnv') ?? settings.targetEnv,
      gcLangTag: q('lang') ?? 'en-us',
      gcUsePopupAuth: 'true',
    };
    const src = interpolateClientAppUrl(settings.url, values);
    return c.html(shellPage(src, new URL(src).origin), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}

function shellPage(src: string, appOrigin: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Genesys Cloud (emulator)</title>
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; gap: 1rem; align-items: center; padding: 0.4rem 1rem; background: #1f384c; color: #fff; }
  header h1 { font-size: 1rem; margin: 0; flex: 1; }
  iframe { flex: 1; border: 0; width: 100%; }
  #toasts { position: fixed; right: 1rem; bottom: 1rem; display: flex; flex-direction: column; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
  #toasts li { background: #fff; color: #222; border-left: 4px solid #2a60c8; padding: 0.5rem 0.8rem; box-shadow: 0 2px 8px #0004; max-width: 22rem; }
  #toasts li[data-type=error] { border-color: #c8372a; }
</style></head>
<body data-app-origin="${escapeHtml(appOrigin)}">
<header><h1>Genesys Cloud (emulator)</h1><span id="attention" aria-live="polite"></span>
<button type="button" id="sign-out">Sign out of Genesys Cloud</button></header>
<iframe id="app" title="Adhere" src="${escapeHtml(src)}" sandbox="${CLIENT_APP_SANDBOX}" allow="clipboard-write; fullscreen"></iframe>
<ul id="toasts" role="log" aria-label="Notifications"></ul>
<script src="/shell.js"></script>
</body></html>`;
}

/**
 * The host's side of the Client App SDK's protocol. Messages count only from the framed app's window and
 * origin, as Genesys's host checks them; anything else is recorded as refused (for tests) and not acted on.
 */
const SHELL_SCRIPT = `'use strict';
const frame = document.getElementById('app');
const appOrigin = document.body.dataset.appOrigin;
const toasts = document.getElementById('toasts');
window.shellLog = { accepted: [], refused: [], bootstrapped: false, stopped: false };
window.addEventListener('message', (event) => {
  const data = event.data;
  const fromApp = event.source === frame.contentWindow && event.origin === appOrigin;
  if (!fromApp || !data || typeof data !== 'object' || data.protocol !== 'purecloud-client-apps') {
    window.shellLog.refused.push({ origin: event.origin, action: data && data.action });
    return;
  }
  window.shellLog.accepted.push(data);
  if (data.action === 'showToast') {
    const li = document.createElement('li');
    li.dataset.type = typeof data.type === 'string' ? data.type : 'info';
    const title = document.createElement('strong');
    title.textContent = String(data.title ?? '');
    const body = document.createElement('div');
    body.textContent = String(data.message ?? '');
    li.append(title, body);
    toasts.append(li);
    const seconds = typeof data.timeout === 'number' ? data.timeout : 7;
    if (seconds > 0 && !window.shellKeepToasts) setTimeout(() => li.remove(), seconds * 1000);
  } else if (data.action === 'setAttentionCount') {
    document.getElementById('attention').textContent = data.count ? 'Adhere: ' + data.count : '';
  } else if (data.action === 'bootstrapped') window.shellLog.bootstrapped = true;
  else if (data.action === 'stopped') window.shellLog.stopped = true;
});
document.getElementById('sign-out').addEventListener('click', () => {
  frame.contentWindow.postMessage({ purecloudEventType: 'appLifecycleHook', hook: 'stop' }, appOrigin);
});
`;
