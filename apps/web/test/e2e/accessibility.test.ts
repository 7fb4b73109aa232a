// axe-core (the field's accessibility engine) on every page: no serious or critical WCAG 2 A/AA violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeAudit, signIn, startStack, type Stack } from './harness.js';

let stack: Stack;
let page: Page;
beforeAll(async () => {
  stack = await startStack({
    agents: 60,
    clock: 'manual',
    startTime: Date.UTC(2026, 10, 24, 15),
    historicalDelayMs: 50,
  });
  // The app's CSP forbids injected scripts, as it should; only this audit context may bypass it.
  const context = await stack.browser.newContext({ bypassCSP: true });
  page = await context.newPage();
}, 60_000);
afterAll(() => stack?.close());

const audit = () => axeAudit(page);

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('the signed-out page, the doctor and the settings', async () => {
    await page.goto(stack.app);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${stack.app}/doctor`);
    await page.getByLabel('Failed exchange').waitFor();
    expect(await audit()).toEqual([]);
    await page.goto(`${stack.app}/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await audit()).toEqual([]);
  });

  it('the live board and the history report', async () => {
    await signIn(page, stack);
    await page.waitForURL(`${stack.app}/`);
    await page
      .getByTestId('agent-count')
      .filter({ hasText: /^[1-9]\d* agents$/ })
      .waitFor();
    expect(await audit()).toEqual([]);
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByLabel('From', { exact: true }).fill('2026-11-22');
    await page.getByLabel('To', { exact: true }).fill('2026-11-23');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('average-adherence').waitFor({ timeout: 30_000 });
    await page.locator('table.results tbody tr').first().getByRole('button').click();
    expect(await audit()).toEqual([]);
  });
});
