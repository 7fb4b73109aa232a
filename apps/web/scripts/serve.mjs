// Serves the built SPA with a strict Content-Security-Policy and its config.json.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The CSP allows scripts and styles from the app itself only, and connections to the configured hosts. */
export function contentSecurityPolicy(config) {
  const origins = new Set();
  for (const base of [config.loginBaseUrl, config.apiBaseUrl]) {
    if (!base) continue;
    const u = new URL(base);
    origins.add(u.origin);
    origins.add(`${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`);
  }
  if (config.region) origins.add(`https://*.${config.region}`).add(`wss://*.${config.region}`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${[...origins].join(' ')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** The decoded path of a request target, or undefined when it cannot be decoded. */
function requestPath(target) {
  try {
    return decodeURIComponent(new URL(target ?? '/', 'http://x').pathname);
  } catch {
    return undefined;
  }
}

/** Whether `file` is `dir` or below it: a bare startsWith would take "dist-ssr/x" as inside "dist". */
export function isInside(dir, file) {
  const rel = relative(resolve(dir), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** `config` may be filled in after the server starts (tests learn the emulator's ports later). */
export function serveApp({ port = 3000, host = '127.0.0.1', distDir, config }) {
  const server = createServer(async (req, res) => {
    const csp = contentSecurityPolicy(config);
    const headers = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    const path = requestPath(req.url);
    if (path === undefined) {
      // A malformed escape ("/%") or request target is the client's mistake, never the server's crash.
      res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Bad request: the path is not a valid URL path.');
    }
    if (path === '/config.json') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(config));
    }
    const file = resolve(distDir, `.${path}`);
    const inside = isInside(distDir, file) && extname(file) !== '';
    try {
      const body = await readFile(inside ? file : join(distDir, 'index.html'));
      res.writeHead(200, {
        ...headers,
        'Content-Type': inside ? (TYPES[extname(file)] ?? 'application/octet-stream') : TYPES['.html'],
      });
      res.end(body);
    } catch {
      // An unknown path is an app route: the SPA handles it.
      const body = await readFile(join(distDir, 'index.html'));
      res.writeHead(extname(path) ? 404 : 200, { ...headers, 'Content-Type': TYPES['.html'] });
      res.end(body);
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
