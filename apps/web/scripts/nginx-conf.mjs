// Renders the nginx configuration that serves the built app with the same policy as serve.mjs (headers.mjs):
// strict CSP and security headers on every response, SPA fallback for app routes (/callback, deep links),
// a year's cache for hashed assets, revalidation for index.html and config.json, gzip.
import {
  COMPRESSIBLE,
  COMPRESS_MIN_BYTES,
  HASHED_PREFIX,
  LONG_CACHE,
  REVALIDATE,
  TYPES,
  securityHeaders,
} from './headers.mjs';

const quote = (value) => `"${String(value).replace(/["\\\\]/g, '\\\\$&')}"`;

function headerLines(config, cacheControl, indent) {
  const all = { ...securityHeaders(config), 'Cache-Control': cacheControl };
  // `always`: error responses (404) carry them too. add_header is per location (nginx does not merge levels).
  return Object.entries(all)
    .map(([name, value]) => `${indent}add_header ${name} ${quote(value)} always;`)
    .join('\n');
}

/**
 * One `server { … }` block: put it in /etc/nginx/conf.d/ (or sites-enabled) with `root` at the build and
 * config.json beside index.html. `listen` is what nginx's listen directive takes ("80", "127.0.0.1:8080").
 */
export function renderServerBlock({ root, listen = '80', serverName = '_', config, configFile }) {
  const types = Object.entries(TYPES)
    .map(([ext, type]) => `    ${type.split(';')[0]} ${ext.slice(1)};`)
    .join('\n');
  const i = '    ';
  return `server {
  listen ${listen};
  server_name ${serverName};
  root ${quote(root)};
  server_tokens off;
  charset utf-8;
  # Request lines and headers up to 16 KiB, as Node's HTTP server reads (its max header size): a long address
  # (a forged Genesys value of 10,000 characters) reaches the app, which says what was wrong, on both servers.
  large_client_header_buffers 4 16k;
  # One table of types, as in headers.mjs (JavaScript is text/javascript, RFC 9239).
  types {
${types}
  }
  default_type application/octet-stream;
  gzip on;
  gzip_vary on;
  gzip_min_length ${COMPRESS_MIN_BYTES};
  gzip_types ${COMPRESSIBLE.filter((t) => t !== 'text/html').join(' ')};

  # Answers made before a location is chosen (405 for TRACE or POST, 400s) carry the policy too: add_header at
  # server level applies exactly where no location's own does.
${headerLines(config, REVALIDATE, '  ')}
  add_header Allow "GET, HEAD" always;
  # Only GET and HEAD, as the Node server: anything else is 405 with Allow.
  if ($request_method !~ ^(GET|HEAD)$) {
    return 405;
  }
  # TLS deployments: send HSTS once every name this server answers is served over https only (RFC 6797), e.g.
  #   add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
  # in each location below (add_header is per location), or in a file included there:
  #   include /etc/nginx/snippets/adhere-hsts.conf;

  # Content-hashed build output: cached for a year.
  location ^~ ${HASHED_PREFIX} {
${headerLines(config, LONG_CACHE, i)}
    try_files $uri =404;
  }
  # The deployment's configuration: read on every load.
  location = /config.json {
${headerLines(config, REVALIDATE, i)}
${configFile ? `    alias ${quote(configFile)};` : '    try_files $uri =404;'}
  }
  # Any other file: served if present, else 404 (a missing script must not come back as the page).
  location ~ \\.[A-Za-z0-9]+$ {
${headerLines(config, REVALIDATE, i)}
    try_files $uri =404;
  }
  # Everything else is an app route (/callback, /history?…): the SPA's index.html.
  location / {
${headerLines(config, REVALIDATE, i)}
    try_files /index.html =404;
  }
}
`;
}

/** A whole nginx.conf that runs in the foreground from a scratch directory (tests, a quick local check). */
export function renderStandaloneConf({ prefix, ...server }) {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${quote(`${prefix}/nginx.pid`)};
error_log ${quote(`${prefix}/error.log`)} warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${quote(`${prefix}/body`)};
  proxy_temp_path ${quote(`${prefix}/proxy`)};
  fastcgi_temp_path ${quote(`${prefix}/fastcgi`)};
  uwsgi_temp_path ${quote(`${prefix}/uwsgi`)};
  scgi_temp_path ${quote(`${prefix}/scgi`)};
${renderServerBlock(server)
  .split('\n')
  .map((l) => (l ? `  ${l}` : l))
  .join('\n')}}
`;
}
