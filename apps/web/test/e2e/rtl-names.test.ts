// Issue 21 (bad input): right-to-left text in agent names. Each name is isolated (<bdi>) wherever it sits among
// the app's own words, so an Arabic or Hebrew name never pulls the words or numbers beside it into its own
// direction; the page stays left-to-right and axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { renameAgent } from '@adhere/emulator/testing';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const ARABIC = 'مريم الحسن';
const HEBREW = 'דנה כהן';
let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ agents: 40, clock: 'manual', startTime: NOW });
  const [a, b] = stack.emulator.centre.topology.agents;
  renameAgent(stack.emulator, a!.id, ARABIC);
  renameAgent(stack.emulator, b!.id, HEBREW);
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '40 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

/** Where the text right after the element begins, against where the element ends (left-to-right page). */
const followsOnTheRight = (p: Page, selector: string) =>
  p.evaluate((sel) => {
    const bdi = document.querySelector(sel)!;
    let next: Node | null = bdi.nextSibling;
    while (next && (next.textContent ?? '').trim() === '') next = next.nextSibling;
    const range = document.createRange();
    range.selectNodeContents(next!);
    return range.getClientRects()[0]!.left >= bdi.getBoundingClientRect().right - 1;
  }, selector);

describe('right-to-left agent names', () => {
  it('are isolated on the board and in the day view, the words beside them in their place', async () => {
    const [a, b] = stack.emulator.centre.topology.agents;
    for (const [agent, name] of [
      [a!, ARABIC],
      [b!, HEBREW],
    ] as const) {
      // Found by its own script in the search box: the row is on screen.
      await page.goto(`${stack.app}/?q=${encodeURIComponent(name)}`);
      const cell = page.locator(`.vtable-row[data-key="${agent.id}"] [data-column="name"]`).first();
      await expect.poll(() => cell.locator('bdi').textContent(), { timeout: 15_000 }).toBe(name);
    }
    expect(
      await page.evaluate(() => [document.documentElement.dir || 'ltr', getComputedStyle(document.body).direction]),
    ).toEqual(['ltr', 'ltr']);
    await page.goto(`${stack.app}/?agent=${a!.id}`);
    const title = page.locator('#day-title');
    await expect.poll(() => title.textContent(), { timeout: 15_000 }).toBe(`${ARABIC} today (Europe/London)`);
    expect(await title.locator('bdi').textContent()).toBe(ARABIC);
    // " today (Europe/London)" reads after the name, to its right.
    expect(await followsOnTheRight(page, '#day-title bdi')).toBe(true);
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}rtl-name-day-view.png` });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${artifacts}rtl-names-board.png` });
  });
});
