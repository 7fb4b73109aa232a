// The app against an emulator as strict as a real org: every explanation query answered later (202 and a job,
// `--async always`), and Genesys's per-token rate limit on (its default). A working session — the board, an
// agent's day with a review, a report with explanation statuses — gets every answer, meets no 429, and holds
// one notification channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { explanationsTruth } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let context: BrowserContext;
let page: Page;
const apiCalls: string[] = [];

beforeAll(async () => {
  stack = await startStack({ clock: 'manual', startTime: NOW, historicalDelayMs: 20, asyncAnswers: 'always' });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  await context.clock.setFixedTime(NOW);
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

const topo = () => stack.emulator.centre.topology;

describe('a strict org: answers later, a rate limit', () => {
  it("the agent's day reads explanations answered by a job, and a review shows at once", async () => {
    const zone = topo().managementUnits[0]!.timeZone;
    const date = localDate(zone, NOW);
    const start = new Date(startOfDay(zone, date)).toISOString();
    const end = new Date(startOfDay(zone, addDays(date, 1))).toISOString();
    const mu = topo().managementUnits[0]!;
    const pending = topo()
      .agents.filter((a) => a.managementUnitId === mu.id)
      .map((a) => ({ a, e: explanationsTruth(stack.emulator, a.id, start, end).find((x) => x.status === 'Pending') }))
      .find((x) => x.e !== undefined)!;
    expect(pending).toBeDefined();
    // Within the app, as a supervisor would.
    await page.getByLabel('Search').fill(pending.a.name);
    await page.locator(`.vtable-row[data-key="${pending.a.id}"] button.link`).click();
    const item = page.getByTestId('explanations').locator(`li[data-id="${pending.e!.id}"]`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('Pending');
    // The schedule search was answered later too (its result only on the user's topic): the day has its rows.
    const day = page.getByTestId('day-view');
    await day.locator('[aria-label*=" scheduled"]').first().waitFor({ timeout: 15_000 });
    expect(await day.getByTestId('day-missing').count()).toBe(0);
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('Approved');
    expect(
      explanationsTruth(stack.emulator, pending.a.id, start, end).find((x) => x.id === pending.e!.id)!.status,
    ).toBe('Approved');
    // Those answers came as jobs: the emulator said 202 to every query.
    expect(apiCalls.filter((c) => c.endsWith('/adherence/explanations/query')).length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });

  it('a report with exceptions shows explanation statuses that came as jobs', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: 'Historical adherence' }).waitFor();
    await page.locator('select[multiple] option').nth(299).waitFor({ state: 'attached', timeout: 20_000 });
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('report').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Exceptions', exact: true }).click();
    // Only the exceptions an explanation waiting for review covers: none unless the jobs' answers were read.
    await page.getByRole('combobox', { name: 'Explanation' }).selectOption({ label: 'Waiting for review' });
    const cells = page.locator('table.exceptions tbody [data-testid="explanation"]');
    await expect.poll(() => cells.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const shown = await cells.evaluateAll((all) => all.map((c) => c.textContent));
    expect(shown.every((s) => s === 'Waiting for review')).toBe(true);
    expect(await page.getByTestId('report').textContent()).not.toContain('Explanation status is not shown');
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}strict-org-history.png` });
  });

  it('the whole session: no 429 under the rate limit, one notification channel, users/me once', () => {
    expect(stack.emulator.context.rateLimit.perMinute).toBe(300);
    expect(stack.emulator.context.rateLimit.limited).toBe(0);
    expect(apiCalls.filter((c) => c === 'POST /api/v2/notifications/channels')).toHaveLength(1);
    expect(apiCalls.filter((c) => c === 'GET /api/v2/users/me')).toHaveLength(1);
    // The unit's settings, read by the board and by History, come from the tab's cache: one request.
    const mu = topo().managementUnits[0]!.id;
    expect(apiCalls.filter((c) => c === `GET /api/v2/workforcemanagement/managementunits/${mu}`)).toHaveLength(1);
  });
});
