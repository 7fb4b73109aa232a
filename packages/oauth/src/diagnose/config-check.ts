/**
 * @module `adhere doctor --config`: checks an app's config.json offline, before anyone signs in — the region,
 * the client id's shape, the redirect URI, the hosts and the scopes.
 */
import { GENESYS_REGIONS, classifyGenesysHost, clientAppHostOf, environmentOf } from '../regions.js';
import type { Diagnosis } from './diagnose.js';
import type { Finding, FindingValues } from './finding.js';

/** Genesys OAuth client ids are UUIDs (Admin › Integrations › OAuth shows them so). */
const CLIENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Scopes this app uses, and the read-only forms of each (Genesys's scope names). */
const KNOWN_SCOPES = new Set(
  [
    'user-basic-info',
    'users',
    'workforce-management',
    'notifications',
    'groups',
    'presence',
    'analytics',
    'routing',
    'conversations',
    'authorization',
    'coaching',
  ].flatMap((s) => (s === 'user-basic-info' || s === 'notifications' ? [s] : [s, `${s}:readonly`])),
);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** The keys the app reads; anything else is a typo or something that does not belong in a public file. */
const KNOWN_KEYS = new Set([
  'region',
  'clientId',
  'redirectUri',
  'scope',
  'embeddable',
  'loginBaseUrl',
  'apiBaseUrl',
  'appsBaseUrl',
]);
/** A config.json is a few hundred bytes; one of megabytes is a mistake (or an attempt to stall the reader). */
export const MAX_CONFIG_BYTES = 64 * 1024;
/** Keys that hold a credential, at any depth: a public file must hold none. */
const SECRET_KEY = /secret|password|passwd|private.?key|^token$|access.?token|refresh.?token/i;

/**
 * config.json as text, the way the app and `adhere doctor --config` read it: bounded in size, JSON, then
 * `checkConfig`. `size` is the file's size where the caller read less than all of it. The one check both
 * share, so the CLI never passes a file the app would refuse.
 */
export function checkConfigText(text: string, size: number = text.length): Diagnosis {
  if (size > MAX_CONFIG_BYTES)
    return failed(
      'config_too_large',
      `config.json is ${size.toLocaleString('en')} bytes; a config is a few hundred, ` +
        `and at most ${MAX_CONFIG_BYTES.toLocaleString('en')} are read.`,
      `${size.toLocaleString('en')} bytes`,
      'Keep only region, clientId, redirectUri and scope in it.',
      { size, max: MAX_CONFIG_BYTES },
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return failed(
      'config_not_json',
      `config.json is not JSON: ${(err as Error).message}.`,
      text.slice(0, 60),
      'Write {"region": "…", "clientId": "…", "redirectUri": "…"}.',
      // The engine's own words (English in Node and Chromium): said as they are, beside the app's.
      { problem: (err as Error).message },
    );
  }
  return checkConfig(value);
}

function failed(
  code: Finding['code'],
  message: string,
  evidence: string,
  fix: string,
  values: FindingValues,
): Diagnosis {
  return { findings: [{ code, severity: 'error', message, evidence, fix, values }], ok: false };
}

/** Dotted paths of keys that look like credentials, at any depth (bounded: a config is shallow). */
function secretPaths(value: unknown, path = '', depth = 0, out: string[] = []): string[] {
  if (depth > 8 || typeof value !== 'object' || value === null || out.length >= 10) return out;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (SECRET_KEY.test(k)) out.push(here);
    else secretPaths(v, here, depth + 1, out);
  }
  return out;
}

export function checkConfig(value: unknown): Diagnosis {
  const findings: Finding[] = [];
  const add = (
    code: Finding['code'],
    severity: Finding['severity'],
    message: string,
    evidence: string,
    fix: string,
    values?: FindingValues,
  ) => findings.push({ code, severity, message, evidence, fix, ...(values ? { values } : {}) });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    add(
      'config_invalid',
      'error',
      'config.json must be a JSON object.',
      typeof value,
      'Write {"region": "…", "clientId": "…", "redirectUri": "…"}.',
    );
    return { findings, ok: false };
  }
  const c = value as Record<string, unknown>;
  const text = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : undefined);

  const region = text('region');
  if (region === undefined && text('loginBaseUrl') === undefined) {
    add(
      'config_region_missing',
      'error',
      'Neither region nor loginBaseUrl is set, so the app cannot know where to sign in and refuses to start.',
      'region: (missing)',
      'Set "region" to your org\'s region, e.g. "eu_west_1".',
    );
  } else if (region !== undefined && environmentOf(region) === undefined) {
    add(
      'config_region_unknown',
      'error',
      `The region ${JSON.stringify(region)} is not a Genesys Cloud region.`,
      `region: ${region}`,
      `Use one of: ${Object.keys(GENESYS_REGIONS).join(', ')} (or its domain).`,
      { region: JSON.stringify(region), regions: Object.keys(GENESYS_REGIONS).join(', ') },
    );
  }
  const login = text('loginBaseUrl');
  if (login !== undefined && classifyGenesysHost(safeHost(login) ?? '')?.kind === 'api') {
    add(
      'config_login_on_api_host',
      'error',
      'loginBaseUrl is an api. host; Genesys runs OAuth only on login.<environment>.',
      `loginBaseUrl: ${login}`,
      'Use the login. host, or set only "region".',
    );
  }

  const clientId = text('clientId');
  if (!clientId)
    add(
      'config_client_id_missing',
      'error',
      'clientId is missing.',
      'clientId: (missing)',
      'Copy the client id from Admin › Integrations › OAuth.',
    );
  else if (!CLIENT_ID.test(clientId) && region !== undefined) {
    add(
      'config_client_id_malformed',
      'error',
      'A Genesys Cloud OAuth client id is a UUID (8-4-4-4-12 hex digits); this is not one.',
      `clientId: ${clientId}`,
      'Copy the "Client ID" of the Code Authorization client, not its name or secret.',
    );
  }
  for (const where of secretPaths(c)) {
    add(
      'config_secret_present',
      'error',
      `The config holds a secret at ${where}; config.json is public to every visitor and a PKCE app needs none.`,
      `${where}: <redacted>`,
      'Remove it, and rotate the secret: it has been exposed.',
      { path: where },
    );
  }
  for (const key of Object.keys(c).filter((k) => !KNOWN_KEYS.has(k) && !SECRET_KEY.test(k))) {
    add(
      'config_key_unknown',
      'error',
      `config.json has a key the app does not read: ${JSON.stringify(key.slice(0, 40))}.`,
      `${key.slice(0, 40)}: …`,
      `Remove it; the app reads only ${[...KNOWN_KEYS].join(', ')}.`,
      { key: JSON.stringify(key.slice(0, 40)), keys: [...KNOWN_KEYS].join(', ') },
    );
  }
  // Explicit hosts are for the local emulator: a deployed app names its region, and its hosts follow from it.
  // Anything else would send users to sign in, and their tokens, wherever the file says.
  for (const key of ['loginBaseUrl', 'apiBaseUrl', 'appsBaseUrl']) {
    if (c[key] === undefined) continue;
    const u = typeof c[key] === 'string' ? safeUrl(c[key]) : undefined;
    if (!u || !LOOPBACK.has(u.hostname) || (u.protocol !== 'http:' && u.protocol !== 'https:'))
      add(
        'config_base_url_not_local',
        'error',
        `${key} may only point at the local emulator (http://localhost:…); a deployed config sets "region" instead.`,
        `${key}: ${String(c[key]).slice(0, 80)}`,
        `Remove ${key} and set "region" to your org's region, e.g. "eu_west_1".`,
        { key },
      );
  }

  // Inside Genesys Cloud (a client app): framed only by the region's Genesys UI, https://apps.<env>, or by the
  // local emulator's Genesys Cloud page (appsBaseUrl). Anything but true or false is a typo that would otherwise
  // quietly leave the app unframeable (or framed).
  const embeddable = c.embeddable;
  if (embeddable !== undefined && typeof embeddable !== 'boolean')
    add(
      'config_embeddable_invalid',
      'error',
      'embeddable must be true or false.',
      `embeddable: ${JSON.stringify(embeddable).slice(0, 40)}`,
      'Write "embeddable": true to run Adhere inside Genesys Cloud, or leave it out.',
      { kind: 'not_boolean' },
    );
  else if (embeddable === true) {
    const env = region === undefined ? undefined : environmentOf(region);
    if (env !== undefined && clientAppHostOf(env) === undefined)
      add(
        'config_embeddable_invalid',
        'error',
        `Genesys Cloud client apps are not known to run in ${env}: the Client App SDK lists no apps host there.`,
        `region: ${region}`,
        'Leave embeddable out and open Adhere on its own.',
        { kind: 'no_apps_host', environment: env },
      );
    else if (region === undefined && text('appsBaseUrl') === undefined)
      add(
        'config_embeddable_invalid',
        'error',
        'embeddable needs a region (the app is framed only by its Genesys Cloud, https://apps.<environment>).',
        'region: (missing)',
        'Set "region", or for the local emulator "appsBaseUrl" (its Genesys Cloud page).',
        { kind: 'no_region' },
      );
  }

  const redirect = text('redirectUri');
  const url = redirect === undefined ? undefined : safeUrl(redirect);
  if (!redirect)
    add(
      'config_redirect_missing',
      'error',
      'redirectUri is missing.',
      'redirectUri: (missing)',
      "Set it to the app's /callback URL, exactly as registered on the OAuth client.",
    );
  else if (url && (url.username !== '' || url.password !== ''))
    add(
      'config_redirect_invalid',
      'error',
      'redirectUri carries user information (user:password@); Genesys compares it character for character, and credentials do not belong in a public file.',
      `redirectUri: ${url.protocol}//<redacted>@${url.host}${url.pathname}`,
      'Use e.g. https://your.app/callback.',
      { kind: 'credentials' },
    );
  else if (!url || url.hash !== '')
    add(
      'config_redirect_invalid',
      'error',
      'redirectUri must be an absolute URL without a fragment (RFC 6749 §3.1.2).',
      `redirectUri: ${redirect}`,
      'Use e.g. https://your.app/callback.',
      { kind: 'not_absolute' },
    );
  else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    add(
      'config_redirect_not_https',
      'error',
      'redirectUri is not https (only loopback addresses may use http): the code would travel in the clear.',
      `redirectUri: ${redirect}`,
      'Serve the app over https and register the https URI.',
    );
  }

  const scope = c.scope;
  if (scope !== undefined) {
    const list = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
    if (typeof scope !== 'string')
      add(
        'config_scope_invalid',
        'error',
        'scope must be a space-separated string.',
        `scope: ${JSON.stringify(scope)}`,
        'Write e.g. "workforce-management:readonly notifications".',
      );
    for (const s of list.filter((s) => !KNOWN_SCOPES.has(s))) {
      add(
        'config_scope_unknown',
        'warning',
        `The scope ${JSON.stringify(s)} is not one Adhere knows; a misspelt scope makes authorize fail with invalid_scope.`,
        `scope: ${s}`,
        `Check it against the client's scopes; Adhere uses ${[...KNOWN_SCOPES].slice(0, 6).join(', ')}…`,
        { scope: JSON.stringify(s), known: [...KNOWN_SCOPES].slice(0, 6).join(', ') },
      );
    }
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return { findings, ok: !findings.some((f) => f.severity === 'error') };
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function safeHost(text: string): string | undefined {
  return safeUrl(text)?.hostname;
}
