import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  // 66 s tokens, and the token store counts a token as expired 60 s early: it lapses 6 s after sign-in.
  stack = await startStack({ agents: 40, clock: 'manual' }, {}, 66);
}, 60_000);
afterAll(() => stack?.close());

describe('session expiry', () => {
  it('re-runs sign-in when the token lapses and comes back to the same view', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.app}/history`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill('supervisor@adhere.local');
    await page.getByLabel('Password').fill('supervisor');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.app}/history`);
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    // The token lapses; the app goes back to the login page by itself.
    await page.waitForURL(`${stack.emulator.loginUrl}/oauth/authorize**`, { timeout: 20_000 });
    await page.getByLabel('Email').fill('supervisor@adhere.local');
    await page.getByLabel('Password').fill('supervisor');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack.app}/history`);
    // The page's code loads with it: wait for the heading, then it must be the one view.
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Historical adherence' }).count()).toBe(1);
    await page.close();
  }, 40_000);
});
