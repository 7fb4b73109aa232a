// The production deployment as shipped: Debian's nginx with the configuration nginx-conf.mjs renders. It serves
// the build with the same headers as the Node server (held equal here), and the app signs in and fills the board
// behind it in Chromium.
import { request as httpRequest } from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../../scripts/serve.mjs';
import { signIn, startStack, type Stack } from './harness.js';
import { NGINX } from './nginx.js';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
let stack: Stack;
let node: Server;
let nodeOrigin: string;
let script: string;

beforeAll(async () => {
  stack = await startStack(
    { agents: 120, clock: 'manual', startTime: Date.UTC(2026, 10, 24, 15) },
    {},
    86_399,
    'nginx',
  );
  node = await serveApp({ port: 0, distDir: dist, config: stack.config });
  nodeOrigin = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
  script = `/assets/${(await readdir(`${dist}/assets`)).find((f) => f.endsWith('.js'))}`;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await new Promise<void>((r) => node.close(() => r()));
});

/** The headers that make up the policy; transport details (Date, ETag, Server, Connection…) differ by design. */
const POLICY = [
  'content-type',
  'cache-control',
  'content-encoding',
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'permissions-policy',
];
async function policyOf(origin: string, path: string) {
  const res = await fetch(`${origin}${path}`, { headers: { 'Accept-Encoding': 'gzip' }, redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, ...Object.fromEntries(POLICY.map((h) => [h, res.headers.get(h)])) } as Record<
    string,
    unknown
  >;
}

describe('nginx serves the build as the Node server does', () => {
  const paths = () => [
    '/',
    '/callback?code=x&state=y',
    '/history?mu=a&team=b',
    '/board/deep/link',
    script,
    '/config.json',
    '/nope.js',
    '/assets/nope.css',
  ];

  it('same status and policy headers on every kind of path', async () => {
    for (const path of paths()) {
      expect(await policyOf(stack.app, path), path).toEqual(await policyOf(nodeOrigin, path));
    }
  });

  // Issue 23, item 5: answers nginx makes before choosing a location (405 for TRACE or POST /) carried no
  // security headers, and POST / was 200 from the Node server but 405 from nginx.
  it('other methods: 405 with Allow and the whole policy, from both servers alike', async () => {
    const SECURITY = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options'];
    const answer = (origin: string, method: string, path: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const req = httpRequest(`${origin}${path}`, { method }, (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              allow: res.headers.allow,
              ...Object.fromEntries(SECURITY.map((h) => [h, res.headers[h]])),
            }),
          );
        });
        req.on('error', reject);
        req.end(method === 'POST' || method === 'PUT' ? 'x=1' : undefined);
      });
    for (const [method, path] of [
      ['TRACE', '/'],
      ['POST', '/'],
      ['POST', '/callback'],
      ['PUT', '/config.json'],
      ['DELETE', script],
      ['OPTIONS', '/'],
      ['PATCH', '/history'],
    ] as const) {
      const fromNginx = await answer(stack.app, method, path);
      expect(fromNginx, `${method} ${path}`).toMatchObject({
        status: 405,
        allow: 'GET, HEAD',
        'x-frame-options': 'DENY',
      });
      expect(String(fromNginx['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(await answer(nodeOrigin, method, path), `${method} ${path}`).toEqual(fromNginx);
    }
  });

  it('SPA fallback, long-cached hashed assets, revalidated index and config, gzip, strict CSP', async () => {
    const callback = await policyOf(stack.app, '/callback?code=x&state=y');
    expect(callback).toMatchObject({
      status: 200,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
    expect(String(callback['content-security-policy'])).toContain("script-src 'self'");
    expect(String(callback['content-security-policy'])).toContain(`connect-src 'self' ${stack.emulator.loginUrl}`);
    expect(await policyOf(stack.app, script)).toMatchObject({
      status: 200,
      'content-type': 'text/javascript',
      'cache-control': 'public, max-age=31536000, immutable',
      'content-encoding': 'gzip',
    });
    expect(await policyOf(stack.app, '/config.json')).toMatchObject({ status: 200, 'cache-control': 'no-cache' });
    expect(await policyOf(stack.app, '/nope.js')).toMatchObject({ status: 404, 'x-frame-options': 'DENY' });
    // fetch decodes gzip itself: what arrives is the file, byte for byte.
    const served = await (
      await fetch(`${stack.app}${script}`, { headers: { 'Accept-Encoding': 'gzip' } })
    ).arrayBuffer();
    expect(Buffer.from(served).equals(await readFile(`${dist}${script}`))).toBe(true);
    expect((await fetch(`${stack.app}/config.json`).then((r) => r.json())) as object).toEqual(stack.config);
  });

  it('the app signs in and fills the board behind nginx', async () => {
    const page = await stack.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
    await signIn(page, stack);
    await page.waitForURL(`${stack.app}/`);
    await page.getByTestId('agent-count').filter({ hasText: '120 agents' }).waitFor();
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    expect(violations).toEqual([]);
  });
});

describe('the shipped server block for a real org', () => {
  it('is valid nginx configuration and allows only that environment in its CSP', async () => {
    const { renderServerBlock } = await import('../../scripts/nginx-conf.mjs');
    const config = { region: 'eu_west_1', clientId: 'c', redirectUri: 'https://your.app/callback' };
    const block = renderServerBlock({ root: '/srv/adhere', config });
    // Issue 25, item 3: the hosts the app talks to, named; no wildcard over every host of the region.
    expect(block).toContain(
      "connect-src 'self' https://login.mypurecloud.ie https://api.mypurecloud.ie wss://streaming.mypurecloud.ie " +
        'https://api-downloads.mypurecloud.ie;',
    );
    expect(block).not.toContain('*');
    // The HSTS hook for TLS deployments, commented out.
    expect(block).toMatch(/# +add_header Strict-Transport-Security/);
    await expectNginxAccepts(config);
  });

  // Issue 21, item 1: an embeddable deployment is framed by its region's Genesys Cloud only; X-Frame-Options
  // (which cannot name an origin) is left out so that frame-ancestors decides. Chromium obeys it in embedded.test.ts.
  it("an embeddable deployment: frame-ancestors names the region's Genesys Cloud only, and nginx accepts it", async () => {
    const { renderServerBlock } = await import('../../scripts/nginx-conf.mjs');
    const config = { region: 'eu_west_1', clientId: 'c', redirectUri: 'https://your.app/callback', embeddable: true };
    const block = renderServerBlock({ root: '/srv/adhere', config });
    expect(block).toContain('frame-ancestors https://apps.mypurecloud.ie;');
    expect(block).not.toContain('X-Frame-Options');
    expect(block).not.toContain("frame-ancestors 'none'");
    // Not embeddable (the default): nobody may frame it.
    const standalone = renderServerBlock({ root: '/srv/adhere', config: { ...config, embeddable: false } });
    expect(standalone).toContain("frame-ancestors 'none'");
    expect(standalone).toContain('add_header X-Frame-Options "DENY" always;');
    await expectNginxAccepts(config);
  });
});

/** `nginx -t` on the standalone configuration rendered for `config`: nginx must accept it as it is shipped. */
async function expectNginxAccepts(config: Record<string, string | boolean>): Promise<void> {
  const { renderStandaloneConf } = await import('../../scripts/nginx-conf.mjs');
  const prefix = await mkdtemp(join(tmpdir(), 'adhere-nginx-t-'));
  await writeFile(
    join(prefix, 'nginx.conf'),
    renderStandaloneConf({ prefix, root: dist, listen: '127.0.0.1:9', config }),
  );
  const check = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', join(prefix, 'nginx.conf')], { encoding: 'utf8' });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
}
