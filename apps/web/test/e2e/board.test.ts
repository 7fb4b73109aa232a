// The live board in Chromium: act-now order against the unit's thresholds, words instead of enums, pause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ clock: 'manual', startTime: NOW });
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1500, height: 900 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

const agents = () => stack.emulator.centre.topology.agents;
const statusOf = (index: number) => stack.emulator.centre.statusOf(index);

describe('the live board in Chromium', () => {
  it('puts who to act on first: out of adherence, longest first, against the unit’s thresholds', async () => {
    const out = agents()
      .filter((a) => statusOf(a.index).verdict.state === 'OutOfAdherence')
      .sort(
        (x, y) =>
          statusOf(x.index).timeOfAdherenceChange - statusOf(y.index).timeOfAdherenceChange || (x.id < y.id ? -1 : 1),
      );
    expect(out.length).toBeGreaterThan(3);
    const shown = () =>
      page.locator('.vtable-row').evaluateAll((rows) =>
        rows
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .slice(0, 4)
          .map((r) => r.getAttribute('data-key')),
      );
    await expect.poll(shown, { timeout: 10_000 }).toEqual(out.slice(0, 4).map((a) => a.id));
    // The first row says how long, against the unit's exception (60 s) and severe (5 min) thresholds.
    const first = page.locator(`.vtable-row[data-key="${out[0]!.id}"]`);
    const ms = NOW - statusOf(out[0]!.index).timeOfAdherenceChange;
    const mmss = `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;
    const expected = ms >= 300_000 ? `out ${mmss} — severe (5 min)` : ms >= 60_000 ? `over 1:00 threshold` : 'within';
    if (ms < 3_600_000) await expect.poll(() => first.textContent()).toContain(expected);
    else await expect.poll(() => first.locator('[data-level]').getAttribute('data-level')).toBe('severe');
    // Words, not enums; the raw value stays in the title.
    const text = (await page.locator('.vtable-body').textContent()) ?? '';
    expect(text).not.toMatch(/OnQueueWork|OFF_QUEUE|NOT_RESPONDING|OffQueueWork/);
    expect(await page.locator('.vtable-row [title="OnQueueWork"]').first().textContent()).toBe('On queue');
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}board-act-now.png` });
  });

  it('pause holds the board still and counts what waits; resume applies it all', async () => {
    const counts = () => page.locator('.counts').textContent();
    await page.getByRole('button', { name: 'Pause live updates' }).click();
    const before = await counts();
    const delivered = stack.emulator.context.hub.delivered;
    stack.emulator.centre.advanceBy(20 * 60_000);
    await expect.poll(() => stack.emulator.context.hub.delivered, { timeout: 10_000 }).toBeGreaterThan(delivered + 10);
    await expect.poll(() => page.getByTestId('paused').textContent(), { timeout: 10_000 }).toMatch(/[1-9]\d* changes/);
    expect(await counts()).toBe(before);
    await page.getByRole('button', { name: 'Resume live updates' }).click();
    const out = agents().filter((a) => statusOf(a.index).verdict.state === 'OutOfAdherence').length;
    await expect
      .poll(() => page.locator('[data-state="OutOfAdherence"] strong').textContent(), { timeout: 10_000 })
      .toBe(String(out));
  });

  it('the wallboard and the dark theme: readable, axe-clean, and the choice survives a reload', async () => {
    await page.getByRole('link', { name: 'Wallboard' }).click();
    await page.getByRole('heading', { name: 'Adherence now' }).waitFor();
    const out = agents()
      .filter((a) => statusOf(a.index).verdict.state === 'OutOfAdherence')
      .sort(
        (x, y) =>
          statusOf(x.index).timeOfAdherenceChange - statusOf(y.index).timeOfAdherenceChange || (x.id < y.id ? -1 : 1),
      );
    await expect
      .poll(() =>
        page
          .getByTestId('wall-worst')
          .locator('li')
          .evaluateAll((lis) => lis.map((l) => l.getAttribute('data-key'))),
      )
      .toEqual(out.slice(0, 10).map((a) => a.id));
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}wallboard-light.png` });

    // The system's dark preference is followed…
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe('rgb(18, 22, 28)');
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}wallboard-dark.png` });
    // …and a manual choice overrides it, and is kept (a preference, the only thing in localStorage).
    await page.getByLabel('Theme').selectOption('light');
    expect(await bg()).toBe('rgb(246, 247, 249)');
    await page.getByLabel('Theme').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(18, 22, 28)');
    await page.reload();
    await page.getByRole('heading', { name: 'Adherence now' }).waitFor();
    expect(await bg()).toBe('rgb(18, 22, 28)');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['adhere:theme']);
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor();
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}board-dark.png` });
    await page.getByLabel('Theme').selectOption('system');
  });
});
