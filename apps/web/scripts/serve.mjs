// Serves the built SPA with the headers of headers.mjs (the same as the nginx configuration) and its config.json.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, isAbsolute } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE, COMPRESS_MIN_BYTES, TYPES, cacheControlFor, securityHeaders } from './headers.mjs';

export { contentSecurityPolicy } from './headers.mjs';

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
  // Built files do not change while the server runs: each is compressed once.
  const compressed = new Map();
  const server = createServer(async (req, res) => {
    const security = securityHeaders(config);
    const send = (status, type, body, path, file) => {
      const headers = { ...security, 'Cache-Control': cacheControlFor(path), 'Content-Type': type };
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      if (gzip && COMPRESSIBLE.includes(type.split(';')[0]) && body.length >= COMPRESS_MIN_BYTES) {
        const packed = (file && compressed.get(file)) ?? gzipSync(body);
        if (file) compressed.set(file, packed);
        body = packed;
        headers['Content-Encoding'] = 'gzip';
      }
      if (COMPRESSIBLE.includes(type.split(';')[0])) headers.Vary = 'Accept-Encoding';
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    // Only GET and HEAD, as nginx serves static files: both servers answer anything else 405 with Allow.
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(
        405,
        TYPES['.html'],
        Buffer.from('<!doctype html><title>Method not allowed</title><p>Only GET and HEAD.</p>'),
        '/',
      );
    }
    const path = requestPath(req.url);
    // A malformed escape ("/%") or request target is the client's mistake, never the server's crash.
    if (path === undefined)
      return send(
        400,
        TYPES['.html'],
        Buffer.from('<!doctype html><title>Bad request</title><p>Not a valid URL path.</p>'),
        '/',
      );
    if (path === '/config.json') return send(200, TYPES['.json'], Buffer.from(JSON.stringify(config)), path);
    const file = resolve(distDir, `.${path}`);
    if (extname(path) !== '') {
      // A file: served if it is in the build, else 404 (a missing script must not come back as the page).
      const body = isInside(distDir, file) ? await readFile(file).catch(() => undefined) : undefined;
      if (body === undefined)
        return send(404, TYPES['.html'], Buffer.from('<!doctype html><title>Not found</title><p>Not found.</p>'), path);
      return send(200, TYPES[extname(file)] ?? 'application/octet-stream', body, path, file);
    }
    // Any other path is an app route (/callback, /history?…): the SPA handles it.
    const index = join(distDir, 'index.html');
    return send(200, TYPES['.html'], await readFile(index), path, index);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
