// axe-core (the field's accessibility engine) on every page: no serious or critical WCAG 2 A/AA violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixture } from '@adhere/testing/fixtures';
import { axeAudit, signIn, startStack, supervisorViews, type Stack } from './harness.js';

/** The org's time, and the browser's in the tests that sign in (today's figures are asked for up to now). */
const NOW = Date.UTC(2026, 10, 24, 15);
let stack: Stack;
let page: Page;
beforeAll(async () => {
  stack = await startStack({
    agents: 60,
    clock: 'manual',
    startTime: NOW,
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

  // Issue 21, item 4: every view, in each of the six languages, in the light and the dark theme. Views are opened
  // by address and found by structure, not by words, so the same steps serve every language.
  const LANG_OF: Record<string, string> = {
    'en-GB': 'en',
    'es-ES': 'es',
    'pt-BR': 'pt-BR',
    'fr-FR': 'fr',
    'de-DE': 'de',
    'ja-JP': 'ja',
  };
  const LANGUAGES = Object.keys(LANG_OF);
  it.each(LANGUAGES)('%s: every view, light and dark', async (locale) => {
    const forum = await readFixture('forum-post.curl.txt');
    const context = await stack.browser.newContext({ bypassCSP: true, locale, viewport: { width: 1366, height: 768 } });
    await context.clock.setFixedTime(NOW);
    const p = await context.newPage();
    try {
      await signIn(p, stack);
      await p.waitForURL(`${stack.app}/`);
      const views = [
        ['board', '/', () => p.locator('[data-testid="agent-count"][data-count="60"]').waitFor()] as const,
        ...supervisorViews(p, stack, forum),
      ];
      for (const scheme of ['light', 'dark'] as const) {
        // The theme "as the system": the browser's scheme chooses it.
        await p.emulateMedia({ colorScheme: scheme });
        for (const [view, path, ready] of views) {
          await p.goto(`${stack.app}${path}`);
          await ready();
          // In the page's language and the scheme's theme (the page's own background light or dark).
          expect(await p.evaluate(() => document.documentElement.lang)).toBe(LANG_OF[locale]);
          const background = await p.evaluate(() =>
            getComputedStyle(document.documentElement)
              .backgroundColor.match(/\d+/g)!
              .slice(0, 3)
              .reduce((sum, c) => sum + Number(c), 0),
          );
          expect(background > 382, `${view} in ${scheme}`).toBe(scheme === 'light');
          expect(await axeAudit(p), `${locale} ${scheme} ${view}`).toEqual([]);
        }
      }
    } finally {
      await context.close();
    }
  });

  it.each(LANGUAGES)('%s: My day (an agent signed in), light and dark', async (locale) => {
    const context = await stack.browser.newContext({ bypassCSP: true, locale, viewport: { width: 1366, height: 768 } });
    await context.clock.setFixedTime(NOW);
    const p = await context.newPage();
    try {
      await signIn(p, stack, stack.emulator.centre.topology.agents[0]!.email, 'agent');
      await p.waitForURL(`${stack.app}/`);
      for (const scheme of ['light', 'dark'] as const) {
        await p.emulateMedia({ colorScheme: scheme });
        await p.goto(`${stack.app}/me`);
        await p.getByTestId('my-figures').waitFor({ timeout: 20_000 });
        expect(await p.evaluate(() => document.documentElement.lang)).toBe(LANG_OF[locale]);
        expect(await axeAudit(p), `${locale} ${scheme} my day`).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });
});
