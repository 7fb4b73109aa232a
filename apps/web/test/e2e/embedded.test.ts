// Issue 21, item 1: Adhere inside Genesys Cloud. The emulator's Genesys Cloud page (its apps origin) frames the
// app as Genesys does (the integration URL with Genesys's template values, the documented sandbox) and speaks the
// Client App SDK's protocol; the app is served by Debian's nginx with the shipped configuration, so the
// frame-ancestors a browser obeys are the ones a deployment sends. Sign-in runs in a popup and the frame makes
// the exchange; alerts arrive as Genesys toasts; Genesys's stop hook signs Adhere out; forged values, foreign
// messages and foreign framers are refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { serveApp } from '../../scripts/serve.mjs';
import { URL_TEMPLATE_QUERY } from '../../src/embedding/genesys-host.js';
import { artifacts, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 14, 0);
/** The integration URL the README gives administrators, as the app itself states it. */
const TEMPLATE = `/${URL_TEMPLATE_QUERY}`;
let stack: Stack;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack(
    { clock: 'manual', startTime: NOW },
    (emulator) => ({ embeddable: true, appsBaseUrl: emulator.appsUrl }),
    86_399,
    'nginx',
  );
  stack.emulator.setClientAppUrl(`${stack.app}${TEMPLATE}`);
  context = await stack.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.clock.setFixedTime(NOW);
}, 60_000);
afterAll(() => stack?.close());

const shellLog = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { shellLog: { accepted: Array<Record<string, unknown>>; refused: unknown[] } }).shellLog,
  );

/** The shell page and Adhere's frame in it, the frame's Sign in page showing. */
async function openShell(query = ''): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  // Genesys's toasts go after 7 s; here they stay, so a slow machine still finds them when it looks.
  await page.addInitScript(() => ((window as unknown as { shellKeepToasts: boolean }).shellKeepToasts = true));
  await page.goto(`${stack.emulator.appsUrl}/${query}`);
  const frame = page.frame({ url: (u) => u.origin === stack.app });
  if (!frame) throw new Error('the shell framed nothing at the app origin');
  await frame.waitForLoadState('domcontentloaded');
  return { page, frame };
}

async function signInThroughPopup(page: Page, frame: Frame): Promise<Page> {
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupOpened;
  await popup.waitForURL(`${stack.emulator.loginUrl}/oauth/authorize**`);
  await popup.getByLabel('Email').fill('supervisor@adhere.local');
  await popup.getByLabel('Password').fill('supervisor');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await closed;
  return popup;
}

describe('inside Genesys Cloud (the emulator framing the app as a client app)', () => {
  let page: Page;
  let frame: Frame;
  let accessToken: string | undefined;

  it('signs in through a popup: the popup hands the code to the frame, which makes the only token request', async () => {
    const tokenRequests: Array<{ frame: string; top: boolean }> = [];
    context.on('request', (r) => {
      if (r.url() === `${stack.emulator.loginUrl}/oauth/token`)
        tokenRequests.push({ frame: r.frame().url(), top: r.frame().parentFrame() === null });
    });
    context.on('response', (r) => {
      if (r.url() === `${stack.emulator.loginUrl}/oauth/token` && r.request().method() === 'POST')
        void r.json().then((body: { access_token?: string }) => (accessToken = body.access_token));
    });
    ({ page, frame } = await openShell());
    // Alerts as Genesys Cloud notifications, chosen in Settings inside the frame: no browser permission asked.
    await frame.getByRole('link', { name: 'Settings' }).click();
    const toggle = frame.getByLabel('Genesys Cloud notifications');
    await toggle.check();
    expect(await toggle.isChecked()).toBe(true);
    expect(await frame.getByLabel('Desktop notifications').count()).toBe(0);
    expect(await frame.getByTestId('inside-genesys').textContent()).toContain(stack.emulator.appsUrl);
    // Where this browser refuses a third-party frame its storage, Settings says what that means.
    const refused = await frame.evaluate(() => {
      try {
        return localStorage === null;
      } catch {
        return true;
      }
    });
    expect(await frame.getByTestId('storage-not-kept').count()).toBe(refused ? 1 : 0);
    await frame.getByRole('link', { name: 'Adhere' }).click();
    await frame.getByRole('heading', { name: 'Adherence, live' }).waitFor();
    expect(await frame.getByText('Sign-in opens in a small window of its own').count()).toBe(1);
    await signInThroughPopup(page, frame);
    await frame.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 30_000 });
    await frame.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    // One token request, from Adhere's frame (not the popup, not the top page).
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]!.top).toBe(false);
    expect(new URL(tokenRequests[0]!.frame).origin).toBe(stack.app);
    expect(frame.url()).not.toContain('code=');
    // Said to Genesys Cloud as the SDK says it, to the host's origin only; nothing refused.
    const log = await shellLog(page);
    expect(log.accepted).toContainEqual(
      expect.objectContaining({ action: 'bootstrapped', protocol: 'purecloud-client-apps' }),
    );
    expect(log.refused).toEqual([]);
    await page.screenshot({ path: `${artifacts}embedded-board-1366.png` });
  });

  it('alerts arrive as Genesys Cloud toasts: the summary of who was already out, as the board lists them', async () => {
    const banner = frame.getByTestId('already-out');
    await banner.waitFor({ timeout: 20_000 });
    const heading = (await banner.getByRole('heading').textContent()) ?? '';
    const count = Number(/^(\d+) agents? w/.exec(heading)?.[1]);
    expect(count).toBeGreaterThan(0);
    await expect
      .poll(async () => (await shellLog(page)).accepted.filter((m) => m.action === 'showToast'))
      .toContainEqual(
        expect.objectContaining({
          title:
            count === 1
              ? '1 agent was already severely out of adherence when the board opened'
              : `${count} agents were already severely out of adherence when the board opened`,
          type: 'info',
          markdownMessage: false,
          protocol: 'purecloud-client-apps',
        }),
      );
    // Situations (issue 22, what to build 1): those already severe when the board opened, in one toast too, no more
    // than the board counts in a situation.
    const inSituation = await frame
      .locator('[data-situation] strong')
      .allTextContents()
      .then((xs) => xs.reduce((n, x) => n + Number(x), 0));
    const situationToast = async () =>
      (await shellLog(page)).accepted
        .map((m) => String(m.title ?? ''))
        .map((t) => /^(\d+) agents? (?:was|were) already in a severe situation when the board opened$/.exec(t)?.[1])
        .filter((x) => x !== undefined)
        .map(Number);
    await expect.poll(situationToast).toHaveLength(1);
    const [severe] = await situationToast();
    expect(severe).toBeGreaterThan(0);
    expect(severe).toBeLessThanOrEqual(inSituation);
    // Shown in Genesys Cloud's toast area, as text.
    await page.getByRole('log', { name: 'Notifications' }).getByText(`${count} agent`).first().waitFor();
  });

  it('ignores lifecycle messages that are not from Genesys Cloud (the frame itself, any origin)', async () => {
    // A message that says "stop" but comes from the app's own window, not the parent at the host's origin.
    await frame.evaluate(() =>
      window.postMessage({ purecloudEventType: 'appLifecycleHook', hook: 'stop' }, window.location.origin),
    );
    // A forged popup hand-off from the host page: not the popup, not the app's origin.
    await page.evaluate(() =>
      (document.getElementById('app') as HTMLIFrameElement).contentWindow!.postMessage(
        { type: 'adhere:sign-in-callback', href: 'http://x/callback?code=forged&state=forged' },
        '*',
      ),
    );
    // Still signed in: the board is still live after both messages were delivered and handled.
    await frame.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await frame.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    expect(await frame.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect((await shellLog(page)).accepted.map((m) => m.action)).not.toContain('stopped');
  });

  it("Genesys Cloud's sign-out stops Adhere: its token is revoked and the frame shows Sign in", async () => {
    const token = accessToken;
    expect(token).toBeTruthy();
    const usersMe = () =>
      fetch(`${stack.emulator.apiUrl}/api/v2/users/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await usersMe()).status).toBe(200);
    await page.getByRole('button', { name: 'Sign out of Genesys Cloud' }).click();
    await frame.getByRole('heading', { name: 'Adherence, live' }).waitFor({ timeout: 20_000 });
    await expect.poll(async () => (await shellLog(page)).accepted.map((m) => m.action)).toContain('stopped');
    expect((await usersMe()).status).toBe(401);
    // The frame was not sent to the login host's logout (that would end Genesys Cloud's own session).
    expect(new URL(frame.url()).origin).toBe(stack.app);
    await page.close();
  });
});

describe('refused: forged or missing values, foreign framers', () => {
  it('a forged host origin, a forged environment and missing values: refused with what was wrong, nothing posted', async () => {
    for (const [query, expected] of [
      [
        '?hostOrigin=https%3A%2F%2Fapps.evil.example',
        /gcHostOrigin "https:\/\/apps\.evil\.example" is not this deployment’s Genesys Cloud/,
      ],
      ['?targetEnv=prod-nowhere', /gcTargetEnv "prod-nowhere" is not a Genesys Cloud environment/],
      [`?hostOrigin=${'x'.repeat(10_000)}`, /gcHostOrigin "x{80}…" is not/],
    ] as const) {
      const { page, frame } = await openShell(query);
      const error = frame.getByTestId('embedding-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(expected);
      expect((await shellLog(page)).accepted).toEqual([]);
      expect(await frame.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
      await page.close();
    }
    stack.emulator.setClientAppUrl(`${stack.app}/`);
    try {
      const { page, frame } = await openShell();
      await frame.getByTestId('embedding-error').waitFor();
      expect(await frame.getByTestId('embedding-error').textContent()).toContain('no gcHostOrigin');
      await page.screenshot({ path: `${artifacts}embedded-refused.png` });
      await page.close();
    } finally {
      stack.emulator.setClientAppUrl(`${stack.app}${TEMPLATE}`);
    }
  });

  it('a blocked sign-in window: the frame says what to do, in Genesys Cloud’s language (French)', async () => {
    const page = await context.newPage();
    // The browser refuses the popup (a pop-up blocker): window.open gives nothing, in every frame.
    await page.addInitScript(() => (window.open = () => null));
    await page.goto(`${stack.emulator.appsUrl}/?lang=fr-FR`);
    const frame = page.frame({ url: (u) => u.origin === stack.app })!;
    await frame.locator('section.signed-out button.primary').click();
    expect(await frame.getByRole('alert').textContent()).toBe(
      'Le navigateur a bloqué la fenêtre de connexion : autorisez les fenêtres surgissantes pour Adhere, puis reconnectez-vous.',
    );
    await page.close();
  });

  it('a language tag that is not one (10,000 characters): the app starts, in English, and says so in Settings', async () => {
    const { page, frame } = await openShell(`?lang=${'de-'.repeat(3_400)}`);
    await frame.getByRole('heading', { name: 'Adherence, live' }).waitFor();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    await frame.getByRole('link', { name: 'Settings' }).click();
    expect(await frame.getByTestId('language-problem').textContent()).toMatch(
      /^Genesys Cloud asked for the language "(de-){26}de…", which is not a language tag; Adhere uses English\.$/,
    );
    expect(await frame.getByTestId('inside-genesys').textContent()).toContain(stack.emulator.appsUrl);
    await page.close();
  });

  /**
   * Loads `framerUrl`, which frames the app at `appOrigin`, and says whether the browser shows the app in the frame
   * (a frame refused by frame-ancestors holds the browser's error page instead).
   */
  async function shownInFrame(page: Page, framerUrl: string, appOrigin: string): Promise<boolean> {
    await page.goto(framerUrl, { waitUntil: 'load' });
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames).toHaveLength(1);
    return URL.canParse(frames[0]!.url()) && new URL(frames[0]!.url()).origin === appOrigin;
  }

  it('the browser refuses to let any other origin frame the app (nginx frame-ancestors)', async () => {
    // The other site is a server on this machine, as the app is: a page the browser counts as public (a routed
    // one) would be refused for reaching the local network whatever the app sent, and prove nothing.
    const framer = createServer((_req, res) => {
      const appUrl = `${stack.app}/?gcHostOrigin=${encodeURIComponent(framerOrigin)}&gcTargetEnv=prod`;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>x</title><iframe id="app" src="${appUrl}"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    const framerOrigin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
    const page = await context.newPage();
    const said: string[] = [];
    page.on('console', (m) => said.push(m.text()));
    try {
      expect(await shownInFrame(page, `${framerOrigin}/`, stack.app)).toBe(false);
      // Refused for the reason the deployment gives: the app's frame-ancestors does not name this site.
      expect(said.join('\n')).toMatch(
        /Framing .* violates the following Content Security Policy directive: "frame-ancestors /,
      );
    } finally {
      framer.close();
    }
    // The same app framed by Genesys Cloud (the emulator's) is shown: the refusal above is about the framer.
    expect(await shownInFrame(page, `${stack.emulator.appsUrl}/`, stack.app)).toBe(true);
    await page.close();
  });

  it('a deployment that is not embeddable (Node server) refuses even Genesys Cloud', async () => {
    const dist = fileURLToPath(new URL('../../dist', import.meta.url));
    const standalone: Server = await serveApp({
      port: 0,
      distDir: dist,
      config: { ...stack.config, embeddable: false },
    });
    const origin = `http://127.0.0.1:${(standalone.address() as AddressInfo).port}`;
    const headers = (await fetch(`${origin}/`)).headers;
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    const embeddable = (await fetch(`${stack.app}/`)).headers;
    expect(embeddable.get('content-security-policy')).toContain(`frame-ancestors ${stack.emulator.appsUrl};`);
    expect(embeddable.get('x-frame-options')).toBeNull();
    stack.emulator.setClientAppUrl(`${origin}/?gcHostOrigin={{gcHostOrigin}}`);
    const page = await context.newPage();
    try {
      expect(await shownInFrame(page, `${stack.emulator.appsUrl}/`, origin)).toBe(false);
    } finally {
      stack.emulator.setClientAppUrl(`${stack.app}${TEMPLATE}`);
      await page.close();
      await new Promise<void>((r) => standalone.close(() => r()));
    }
  });
});
