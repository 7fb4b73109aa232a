// Issue 22 (what to build 1): a situation turning severe while the board is open is an alert in the board's own list,
// beside the adherence alerts, as well as a notification: one line each, in words. The supervisor's own thresholds
// (Settings) decide when; here a minute each, so that severe (three times it) comes within a short run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let page: Page;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack({ agents: 300, clock: 'manual', startTime: NOW });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1500, height: 900 } });
  await context.clock.setFixedTime(NOW);
  await context.grantPermissions(['notifications'], { origin: stack.app });
  await context.addInitScript(() => {
    const Real = window.Notification;
    const made: string[] = [];
    (window as unknown as { __notifications: string[] }).__notifications = made;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        made.push(title);
      }
    }
    window.Notification = Recorded as typeof Notification;
  });
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

const KINDS = ['Late log-in', 'Logged out early', 'Break overrun', 'Meal overrun', 'Not on queue when scheduled'];

describe('situation alerts', () => {
  it('each situation turning severe is a line in the alert list and a notification, in words', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    for (const kind of KINDS) await page.getByLabel(`${kind} after`).fill('1');
    await page.getByRole('link', { name: 'Live board' }).click();
    await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor();
    await page.locator('summary', { hasText: 'Alerts' }).click();
    await page.getByLabel('Desktop notifications').check();
    await page.getByTestId('today').filter({ hasText: 'Today so far' }).waitFor({ timeout: 20_000 });
    const situationNotes = () =>
      page.evaluate(() =>
        (window as unknown as { __notifications: string[] }).__notifications.filter((t) =>
          /^.+: (late log-in|logged out early|break overrun|meal overrun|not on queue|not responding)/.test(t),
        ),
      );
    let t = NOW;
    while ((await situationNotes()).length < 2 && t < NOW + 60 * 60_000) {
      stack.emulator.centre.advanceBy(60_000);
      t += 60_000;
      await context.clock.setFixedTime(t);
      // The once-a-second check has looked at the new minute: the board's clock moved to it.
      await page.locator(`section.board[data-now="${t}"]`).waitFor();
      await page.waitForTimeout(50);
    }
    const said = await situationNotes();
    expect(said.length).toBeGreaterThan(1);
    const lines = page.getByTestId('alerts').locator('li[data-kind="situation"]');
    await expect.poll(() => lines.count()).toBe(said.length);
    const texts = await lines.evaluateAll((lis) => lis.map((l) => l.textContent ?? ''));
    for (const isolated of said) {
      // The agent's name is isolated (U+2068…U+2069), so a right-to-left name cannot reorder the title's words.
      expect(isolated).toMatch(/^\u2068[^\u2068\u2069]+\u2069: /);
      const title = isolated.replace(/[\u2068\u2069]/g, '');
      const at = title.lastIndexOf(': ');
      expect(texts.some((l) => l.startsWith(`${title.slice(0, at)} ${title.slice(at + 2)} (severe) for `))).toBe(true);
    }
    expect(await axeAudit(page)).toEqual([]);
  });
});
