import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFixture } from '@adhere/testing/fixtures';
import { artifacts, signIn, startStack, type Stack } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ agents: 50, clock: 'manual' });
}, 60_000);
afterAll(() => stack?.close());

describe('sign-in failures show the diagnostics view naming the cause', () => {
  it('a tampered verifier: challenge_mismatch, as the emulator recorded pkce_mismatch', async () => {
    const context = await stack.browser.newContext();
    // Runs in the app before its own scripts on /callback: swaps the stored verifier for another.
    await context.addInitScript(() => {
      if (location.pathname !== '/callback') return;
      for (let i = 0; i < sessionStorage.length; i++) {
        const k = sessionStorage.key(i)!;
        if (k.startsWith('adhere.pkce.'))
          sessionStorage.setItem(
            k,
            JSON.stringify({ ...JSON.parse(sessionStorage.getItem(k)!), verifier: 'Z'.repeat(43) }),
          );
      }
    });
    const page = await context.newPage();
    await signIn(page, stack);
    await page.waitForURL(`${stack.app}/diagnostics`);
    await page.getByRole('heading', { name: 'Sign-in failed' }).waitFor();
    const finding = page.locator('[data-code="challenge_mismatch"]');
    expect(await finding.count()).toBe(1);
    expect(await finding.textContent()).toContain('not the one the login started with');
    expect(await page.getByTestId('raw-error').textContent()).toContain('invalid_grant');
    expect(stack.emulator.context.rejections.list().at(-1)?.reason).toBe('pkce_mismatch');
    expect(page.url()).not.toContain('code=');
    await page.screenshot({ path: `${artifacts}diagnostics-tampered-verifier.png`, fullPage: true });
    await context.close();
  });

  it('a scope the client is not allowed: authorize_refused with the fix', async () => {
    stack.config.scope = 'users';
    try {
      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.goto(stack.app);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(`${stack.app}/diagnostics`);
      const finding = page.locator('[data-code="authorize_refused"]');
      await finding.waitFor();
      expect(await finding.textContent()).toContain('invalid_scope');
      expect(await finding.textContent()).toContain('Admin > OAuth');
      await context.close();
    } finally {
      delete stack.config.scope;
    }
  });

  /** Pastes `text` into the Doctor page and returns the codes of its findings. */
  async function doctorCodes(text: string): Promise<Array<string | null>> {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.app}/doctor`);
    await page.getByLabel('Failed exchange').fill(text);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.waitFor();
    const codes = await findings
      .locator('li[data-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    await page.close();
    return codes;
  }

  it("the doctor page reads the forum post's own code (fetch, URLSearchParams, a Basic header from btoa)", async () => {
    expect(await doctorCodes(await readFixture('forum-post.txt'))).toEqual(
      expect.arrayContaining(['token_on_api_host', 'basic_auth_sent', 'client_id_missing']),
    );
  });

  it('the doctor page reads a paste that starts with the error JSON and goes on with the code', async () => {
    const post = await readFixture('forum-post.txt');
    const paste = post.slice(post.indexOf('{\n "error"'), post.indexOf('The client_id and client_secret'));
    expect(await doctorCodes(paste)).toEqual(
      expect.arrayContaining(['token_on_api_host', 'basic_auth_sent', 'client_id_missing']),
    );
  });

  it("the doctor page names the forum post's causes (token URL on the API host, Basic auth) from a pasted curl", async () => {
    const forum = await readFixture('forum-post.curl.txt');
    const page = await stack.browser.newPage();
    await page.goto(`${stack.app}/doctor`);
    await page.getByLabel('Failed exchange').fill(forum);
    await page.getByRole('button', { name: 'Diagnose' }).click();
    const codes = await page
      .getByRole('list', { name: 'Findings' })
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
    expect(codes).toEqual(
      expect.arrayContaining(['token_on_api_host', 'authorize_on_api_host', 'basic_auth_sent', 'client_id_missing']),
    );
    expect(await page.locator('[data-code="token_on_api_host"]').textContent()).toContain(
      'https://login.mypurecloud.com/oauth/token',
    );
    expect(await page.getByRole('list', { name: 'Findings' }).textContent()).not.toContain('s3cret'); // the secret is redacted
    await page.screenshot({ path: `${artifacts}doctor-forum-post.png`, fullPage: true });
    await page.close();
  });

  it('the settings page shows the configuration and the exact authorize URL', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.app}/settings`);
    const shown = page.getByTestId('authorize-url');
    await expect.poll(() => shown.textContent(), { timeout: 10_000 }).toMatch(/^http/); // '…' until built
    const url = new URL((await shown.textContent())!.trim());
    expect(url.origin + url.pathname).toBe(`${stack.emulator.loginUrl}/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe('adhere-e2e');
    expect(url.searchParams.get('redirect_uri')).toBe(`${stack.app}/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(await page.getByText('adhere-e2e', { exact: true }).count()).toBe(1);
    await page.close();
  });

  it('returns to the page the user came from after sign-in', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack.app}/history?x=1`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill('supervisor@adhere.local');
    await page.getByLabel('Password').fill('supervisor');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the user started; the return path travelled in session storage, never in the URL.
    await page.waitForURL(`${stack.app}/history?x=1`);
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    await context.close();
  });
});
