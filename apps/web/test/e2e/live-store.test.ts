// The tab's one live-board store: the board and the wallboard read the same feed (going from one to the other asks
// Genesys for nothing again), and a new selection shows only its own agents, never a row of the last one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifacts, signIn, startStack, type Stack } from './harness.js';

let stack: Stack;
let context: BrowserContext;
let page: Page;
const apiCalls: string[] = [];

beforeAll(async () => {
  // Three units of 800 agents in one business unit, at a fixed moment (the browser's clock starts there too and
  // runs on): at 02:30 the wallboard's eighth out-of-adherence row is a wrapped name, which once made its rows per
  // page grow and shrink for ever and hung the tab (wall-paging.test.ts keeps that case whatever the names).
  const start = Date.UTC(2026, 11, 6, 2, 29, 45);
  stack = await startStack({ agents: 2400, agentsPerManagementUnit: 800, clock: 'manual', startTime: start });
  context = await stack.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.clock.install({ time: start });
  page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().startsWith(stack.emulator.apiUrl)) apiCalls.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page
    .getByTestId('agent-count')
    .filter({ hasText: /\d+ agents/ })
    .waitFor({ timeout: 20_000 });
}, 90_000);
afterAll(() => stack?.close());

const units = () => stack.emulator.centre.topology.managementUnits;
const snapshotsOf = (mu: string) =>
  apiCalls.filter((c) => c === `GET /api/v2/workforcemanagement/managementunits/${mu}/adherence`).length;
const count = (what: string) => apiCalls.filter((c) => c === what).length;

describe('one live-board store per tab', () => {
  it('board → wallboard → board on one selection keeps the feed: no snapshot, channel or subscription asked again', async () => {
    const mu = units()[0]!.id;
    // The board's start: a snapshot with the socket's opening and one once it is open (both planned).
    await expect.poll(() => snapshotsOf(mu), { timeout: 20_000 }).toBe(2);
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    // Today's figures and schedule come once the board is filled, each job's topic added to the channel's
    // subscriptions: counted after they are in, or a late one looks like the wallboard's (a count CI met at 4, 3 expected).
    await page
      .getByTestId('today')
      .filter({ hasText: /^Today so far/ })
      .waitFor({ timeout: 20_000 });
    await page
      .getByTestId('projection')
      .filter({ hasText: /^(Projected|Nothing is scheduled)/ })
      .waitFor({ timeout: 20_000 });
    const subscriptions = () => apiCalls.filter((c) => c.endsWith('/subscriptions')).length;
    const before = [snapshotsOf(mu), count('POST /api/v2/notifications/channels'), subscriptions()];
    await page.getByRole('link', { name: 'Wallboard' }).click();
    await page.getByTestId('wall-in-now').waitFor();
    await expect
      .poll(() => page.getByTestId('wall-worst').locator('li').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await page.goBack();
    await page.getByTestId('agent-count').filter({ hasText: '800 agents' }).waitFor();
    expect(snapshotsOf(mu)).toBe(before[0]);
    expect(count('POST /api/v2/notifications/channels')).toBe(before[1]);
    expect(subscriptions()).toBe(before[2]);
  });

  it('another unit: only its agents show, never a row of the unit before', async () => {
    const [first, second] = units();
    await page.getByRole('checkbox', { name: second!.name }).check();
    await page.getByRole('checkbox', { name: first!.name }).uncheck();
    await page.getByTestId('agent-count').filter({ hasText: '800 agents' }).waitFor();
    const theirs = new Set(
      stack.emulator.centre.topology.agents.filter((a) => a.managementUnitId === second!.id).map((a) => a.id),
    );
    await expect
      .poll(async () => {
        const keys = await page
          .locator('.vtable-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
        return keys.length > 0 && keys.every((k) => theirs.has(k!));
      })
      .toBe(true);
  });

  it('a reload takes up the tab’s channel again (checked with HEAD) instead of making another', async () => {
    const made = count('POST /api/v2/notifications/channels');
    await page.reload();
    await page.getByTestId('agent-count').filter({ hasText: '800 agents' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('connection').filter({ hasText: 'Live' }).waitFor();
    expect(count('POST /api/v2/notifications/channels')).toBe(made);
    expect(apiCalls.some((c) => /^HEAD \/api\/v2\/notifications\/channels\/[\w-]+$/.test(c))).toBe(true);
    // And the board is live on it: a change in the contact centre reaches the rows.
    expect(stack.emulator.context.hub.allChannels().filter((c) => c.socket)).toHaveLength(1);
  });

  it('users/me is read once per sign-in: not again at a reload, again when Settings is asked to check', async () => {
    const me = 'GET /api/v2/users/me';
    expect(count(me)).toBe(1); // the sign-in and the reload above
    // What the tab keeps is the id and the permission names, nothing more.
    const kept = JSON.parse((await page.evaluate(() => sessionStorage.getItem('adhere-signed-in-user')))!) as object;
    expect(Object.keys(kept).sort()).toEqual(['authorization', 'id']);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'check again' }).click();
    await page.getByRole('button', { name: 'check again' }).and(page.locator(':enabled')).waitFor();
    expect(count(me)).toBe(2);
    // A value that is not a user's (tampered, or from an older version) is dropped and read again.
    await page.evaluate(() => sessionStorage.setItem('adhere-signed-in-user', '{"id": 5}'));
    await page.reload();
    await page.getByRole('button', { name: 'check again' }).and(page.locator(':enabled')).waitFor();
    expect(count(me)).toBe(3);
  });

  // Issue 22, item 10: the wallboard over several units shows one tile each: in adherence now, out, today,
  // projected, against the unit's target.
  it('the wallboard over three units: one tile each, with the unit’s own figures', async () => {
    const ids = units().map((u) => u.id);
    await page.goto(`${stack.app}/wallboard?mu=${ids.join(',')}`);
    const tiles = page.getByTestId('wall-tiles').locator('li');
    await expect.poll(() => tiles.count(), { timeout: 20_000 }).toBe(3);
    for (const u of units()) {
      const tile = page.locator(`[data-testid="wall-tiles"] li[data-unit="${u.id}"]`);
      expect(await tile.getByRole('heading').textContent()).toBe(u.name);
      const statuses = stack.emulator.centre.allStatuses().filter((s) => s.agent.managementUnitId === u.id);
      const out = statuses.filter((s) => s.verdict.state === 'OutOfAdherence').length;
      await expect.poll(() => tile.textContent(), { timeout: 20_000 }).toContain(`${out} out`);
      await expect.poll(() => tile.textContent(), { timeout: 20_000 }).toMatch(/projected \d+\.\d%/);
    }
    expect(await page.getByRole('navigation').count()).toBe(0);
    // Below the tiles, the list still fits the screen: no row cut at the bottom edge.
    const last = page.getByTestId('wall-worst').locator('li').last();
    await expect.poll(() => last.evaluate((li) => li.getBoundingClientRect().bottom)).toBeLessThanOrEqual(900);
    await page.screenshot({ path: `${artifacts}wallboard-units.png` });
  });
});
