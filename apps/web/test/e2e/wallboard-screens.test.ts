// Issue 21, item 3: the wallboard readable at 3 m on 1920×1080 and 3840×2160. What "readable" means here: a name on
// the list is at least a thirty-sixth of the screen's height (30 px on a 1080-line screen: on a 55" screen, about
// 19 mm, well above what is read comfortably at 3 m), the big figure larger still, nothing wider than the screen,
// and the list as long as the screen holds. Screenshots of both are kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, signIn, startStack, type Stack } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ agents: 300, clock: 'manual', startTime: Date.UTC(2026, 10, 26, 12, 0) });
}, 60_000);
afterAll(() => stack?.close());

describe('the wallboard across a room', () => {
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const)
    it(`at ${width}×${height}: names a 36th of the screen's height, nothing cut or wider than the screen`, async () => {
      const context = await stack.browser.newContext({ viewport: { width, height } });
      await context.clock.setFixedTime(Date.UTC(2026, 10, 26, 12, 0));
      const page = await context.newPage();
      await signIn(page, stack);
      await page.waitForURL(`${stack.app}/`);
      await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
      await page.getByRole('link', { name: 'Wallboard' }).click();
      const names = page.locator('.wall-name');
      await names.first().waitFor({ timeout: 20_000 });
      const sizes = await page.evaluate(() => ({
        name: parseFloat(getComputedStyle(document.querySelector('.wall-name')!).fontSize),
        big: parseFloat(getComputedStyle(document.querySelector('.wall-big strong')!).fontSize),
        scrollWidth: document.documentElement.scrollWidth,
        // The list ends above the screen's bottom: the page it shows fits.
        listBottom: document.querySelector('[data-testid="wall-worst"]')!.getBoundingClientRect().bottom,
        cut: [...document.querySelectorAll('.wall-name')].filter((e) => e.scrollWidth > e.clientWidth + 1).length,
      }));
      expect(sizes.name).toBeGreaterThanOrEqual(height / 36);
      expect(sizes.big).toBeGreaterThan(sizes.name * 2);
      expect(sizes.scrollWidth).toBeLessThanOrEqual(width);
      expect(sizes.listBottom).toBeLessThanOrEqual(height);
      expect(sizes.cut).toBe(0);
      await page.screenshot({ path: `${artifacts}wallboard-${width}x${height}.png` });
      await context.close();
    });
});
