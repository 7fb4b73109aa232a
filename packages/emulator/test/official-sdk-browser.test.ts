// The official SDK's shipped browser build (purecloud-platform-client-v2, web-cjs) against the emulator in
// Chromium, through setGateway: loginPKCEGrant via the real login page (code exchange, then the SDK's own
// GET /api/v2/tokens/me check), API calls, and logout. A developer can work with the SDK without an org.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { SUPERVISOR, appClient } from '@adhere/emulator/testing';
import { startEmulator, type Emulator } from '../src/index.js';

const sdkPath = createRequire(import.meta.url).resolve(
  'purecloud-platform-client-v2/dist/web-cjs/purecloud-platform-client-v2.min.js',
);

let emulator: Emulator;
let page: Server;
let origin: string;
let browser: Browser;

/** The page a developer would write: the SDK from a script tag, setGateway, loginPKCEGrant, then API calls. */
function appPage(gateway: URL, muId: string): string {
  const settings = {
    host: gateway.hostname,
    protocol: 'http',
    port: Number(gateway.port),
    path_params_login: 'login',
    path_params_api: 'api',
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SDK app</title>
<script src="/sdk.js"></script></head><body><main><p id="status">starting</p></main><script>
const platformClient = require('platformClient');
const client = platformClient.ApiClient.instance;
client.setGateway(${JSON.stringify(settings)});
window.signedIn = client.loginPKCEGrant('sdk-app', location.origin + '/').then(async (auth) => {
  const wfm = new platformClient.WorkforceManagementApi();
  const me = await new platformClient.UsersApi().getUsersMe();
  const bus = await wfm.getWorkforcemanagementBusinessunits({});
  const adherence = await wfm.getWorkforcemanagementManagementunitAdherence(${JSON.stringify(muId)}, {});
  document.getElementById('status').textContent = 'signed in';
  return { email: me.email, businessUnits: bus.entities.length, agents: adherence.entities.length, hasToken: Boolean(auth.accessToken) };
});
window.signOut = () => client.logout(location.origin + '/signed-out');
</script></body></html>`;
}

beforeAll(async () => {
  const sdk = await readFile(sdkPath);
  let html = '';
  page = createServer((req, res) => {
    if (req.url === '/sdk.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk);
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => page.listen(0, '127.0.0.1', r));
  origin = `http://localhost:${(page.address() as AddressInfo).port}`;
  const client = { ...appClient('sdk-app', origin), redirectUris: [`${origin}/`, `${origin}/signed-out`] };
  emulator = await startEmulator({ agents: 50, clock: 'manual', gateway: true, clients: [client] });
  html = appPage(new URL(emulator.gatewayUrl!), emulator.centre.topology.managementUnits[0]!.id);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await new Promise<void>((r) => page.close(() => r()));
});

describe('the official SDK in Chromium against the emulator (setGateway)', () => {
  it('loginPKCEGrant through the login page, then users/me, business units and MU adherence; then logout', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    // The SDK sends the browser to the gateway's login page.
    await tab.getByLabel('Email').fill(SUPERVISOR.email);
    await tab.getByLabel('Password').fill(SUPERVISOR.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL((u) => u.origin === origin);
    const result = await tab.evaluate(() => (window as unknown as { signedIn: Promise<unknown> }).signedIn);
    expect(result).toEqual({
      email: SUPERVISOR.email,
      businessUnits: emulator.centre.topology.businessUnits.length,
      agents: 50,
      hasToken: true,
    });
    // No rejection was recorded: the SDK's authorize and token requests pass the emulator's strict PKCE checks.
    expect(emulator.context.rejections.list()).toEqual([]);

    await tab.evaluate(() => (window as unknown as { signOut: () => void }).signOut());
    await tab.waitForURL(`${origin}/signed-out`);
  });

  it('the separate origins stay as Genesys has them: no /oauth/token on the API origin', async () => {
    const form = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code',
    };
    expect((await fetch(`${emulator.apiUrl}/oauth/token`, form)).status).toBe(404);
    // On the gateway the token endpoint answers (here: no client_id, so invalid_client), with or without the prefix.
    for (const path of ['/login/oauth/token', '/oauth/token']) {
      const res = await fetch(`${emulator.gatewayUrl}${path}`, form);
      expect({ status: res.status, error: ((await res.json()) as { error: string }).error }).toEqual({
        status: 401,
        error: 'invalid_client',
      });
    }
    expect((await fetch(`${emulator.gatewayUrl}/api/api/v2/users/me`)).status).toBe(401);
    expect((await fetch(`${emulator.gatewayUrl}/api/v2/users/me`)).status).toBe(401);
  });
});
