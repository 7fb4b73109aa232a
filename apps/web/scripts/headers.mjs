// The app's HTTP response policy, in one place: the Node server (serve.mjs) applies it and the nginx
// configuration (nginx-conf.mjs) is rendered from it, so both servers send the same headers.
import { clientAppHostOf, environmentOf } from '@adhere/oauth';

/** Content types by extension. JavaScript is text/javascript (RFC 9239). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Worth compressing (text); both servers gzip these above COMPRESS_MIN_BYTES when the client accepts it. */
export const COMPRESSIBLE = ['text/html', 'text/javascript', 'text/css', 'application/json', 'image/svg+xml'];
export const COMPRESS_MIN_BYTES = 256;

/** Vite puts content-hashed files under /assets/: they never change, so they are cached for a year. */
export const HASHED_PREFIX = '/assets/';
export const LONG_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, config.json, app routes) is revalidated on every load, so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

export function cacheControlFor(path) {
  return path.startsWith(HASHED_PREFIX) ? LONG_CACHE : REVALIDATE;
}

/** The CSP allows scripts and styles from the app itself only, and connections to the configured hosts. */
export function contentSecurityPolicy(config) {
  const origins = new Set();
  for (const base of [config.loginBaseUrl, config.apiBaseUrl]) {
    if (!base) continue;
    const u = new URL(base);
    origins.add(u.origin);
    origins.add(`${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`);
  }
  // A region (eu_west_1) or an environment (mypurecloud.ie): the four hosts the app talks to, named — not a
  // wildcard over every host of the region. login. takes the token request; api. the REST API; streaming. the
  // notification socket (Channel.connectUri, wss://streaming.<env>/channels/…); api-downloads. serves the
  // pre-signed result files of WFM jobs (Genesys's sample bulk historical adherence job answer:
  // "https://api-downloads.mypurecloud.de/historicalAdherence/results/…").
  const environment = config.region ? environmentOf(config.region) : undefined;
  if (environment) for (const host of genesysHosts(environment)) origins.add(host);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // The Excel export zips its workbook in a worker made from a blob (fflate, under write-excel-file): a worker
    // made from a blob by our own script inherits this very policy (CSP Level 3), so this opens nothing new.
    "worker-src 'self' blob:",
    `connect-src 'self' ${[...origins].join(' ')}`,
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(config)}`,
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Who may frame the app: nobody, unless config.json says `"embeddable": true`; then only the region's Genesys
 * Cloud UI (`https://apps.<env>`, the origin that frames client apps; Client App SDK environment list), or for
 * the local emulator its Genesys Cloud page (`appsBaseUrl`). One origin, never a wildcard.
 */
export function frameAncestors(config) {
  if (config.embeddable !== true) return "'none'";
  const environment = config.region ? environmentOf(config.region) : undefined;
  const host = environment ? clientAppHostOf(environment) : undefined;
  if (host) return host.origin;
  if (!config.region && typeof config.appsBaseUrl === 'string' && URL.canParse(config.appsBaseUrl))
    return new URL(config.appsBaseUrl).origin;
  return "'none'";
}

/** The Genesys hosts a browser app of this environment connects to. */
export function genesysHosts(environment) {
  return [
    `https://login.${environment}`,
    `https://api.${environment}`,
    `wss://streaming.${environment}`,
    `https://api-downloads.${environment}`,
  ];
}

/** Headers on every response, errors included. */
export function securityHeaders(config) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // X-Frame-Options cannot name an origin (ALLOW-FROM is gone from browsers): an embeddable app relies on
    // frame-ancestors alone, which browsers that know it obey instead of X-Frame-Options (CSP Level 3).
    ...(frameAncestors(config) === "'none'" ? { 'X-Frame-Options': 'DENY' } : {}),
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}
