// A token that lapses: the app re-runs sign-in by itself and comes back to the same view. Where Genesys keeps the
// browser's login session (non-HIPAA orgs, the emulator's default), no person is needed: the wallboard, a kiosk,
// carries on alone (issue 22, item 8) and says ahead what will happen. Where every sign-in asks for the password
// (`loginSessionMs: 0`, as a HIPAA org), the login form shows and a person signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifacts, startStack, type Stack } from './harness.js';

let stack: Stack;
let hipaa: Stack;
beforeAll(async () => {
  // 66 s tokens, and the token store counts a token as expired 60 s early: it lapses 6 s after sign-in.
  stack = await startStack({ agents: 40, clock: 'manual' }, {}, 66);
  hipaa = await startStack({ agents: 40, clock: 'manual', loginSessionMs: 0 }, {}, 66);
}, 90_000);
afterAll(async () => {
  await stack?.close();
  await hipaa?.close();
});

/** Every answer of the login origin's authorize: 200 is the form (a person needed), 302 a code at once. */
function authorizeAnswers(page: Page, s: Stack): number[] {
  const seen: number[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(`${s.emulator.loginUrl}/oauth/authorize`)) seen.push(r.status());
  });
  return seen;
}

async function signInOn(page: Page, s: Stack, path: string) {
  await page.goto(`${s.app}${path}`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill('supervisor@adhere.local');
  await page.getByLabel('Password').fill('supervisor');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('session expiry', () => {
  it('re-runs sign-in when the token lapses and comes back to the same view, with no one at the keyboard', async () => {
    const page = await stack.browser.newPage();
    const answers = authorizeAnswers(page, stack);
    await signInOn(page, stack, '/history');
    await page.waitForURL(`${stack.app}/history`);
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    expect(answers).toEqual([200]); // the first sign-in: the form
    // The token lapses: the app asks again, Genesys answers with a code at once, and the view comes back.
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(answers.slice(1).every((s) => s === 302)).toBe(true);
    await page.waitForURL(`${stack.app}/history`);
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Historical adherence' }).count()).toBe(1);
    await page.close();
  }, 40_000);

  it('the wallboard says ahead when its sign-in ends, then signs in again by itself and is live again', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const answers = authorizeAnswers(page, stack);
    const mu = stack.emulator.centre.topology.managementUnits[0]!.id;
    await signInOn(page, stack, `/wallboard?mu=${mu}`);
    await page.waitForURL(`${stack.app}/wallboard?mu=${mu}`);
    const notice = page.getByTestId('session-ends');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /^At \d\d:\d\d this sign-in ends and the wallboard signs in again by itself; if Genesys Cloud asks for a password/,
    );
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${artifacts}wallboard-session-ends.png` });
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(answers[0]).toBe(200);
    expect(answers.slice(1).every((s) => s === 302)).toBe(true);
    await page.waitForURL(`${stack.app}/wallboard?mu=${mu}`);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { name: 'Adherence now' }).count()).toBe(1);
    await page.close();
  }, 60_000);

  it('where every sign-in asks for the password (a HIPAA org), the form shows and a person signs in again', async () => {
    const page = await hipaa.browser.newPage();
    await signInOn(page, hipaa, '/history');
    await page.waitForURL(`${hipaa.app}/history`);
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    // The token lapses; the app goes back to the login page by itself.
    await page.waitForURL(`${hipaa.emulator.loginUrl}/oauth/authorize**`, { timeout: 20_000 });
    await page.getByLabel('Email').fill('supervisor@adhere.local');
    await page.getByLabel('Password').fill('supervisor');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${hipaa.app}/history`);
    // The page's code loads with it: wait for the heading, then it must be the one view.
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Historical adherence' }).count()).toBe(1);
    await page.close();
  }, 40_000);
});
