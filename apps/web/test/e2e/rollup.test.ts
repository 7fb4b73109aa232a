// Issue 20, item 3: "All units": a tile per unit with now, today, projected, week to date and month to date
// (raw and adjusted), each against the emulator's own record summed over minutes; closed days kept in the
// browser's IndexedDB (a reload asks Genesys for none, a corrupted record is dropped and read again); an
// explanation approved for a closed day moves that unit's adjusted figures; one act-now list across the units;
// units of two business units in two time zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { explanationsTruth, historicalTruth, tokenFor } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

// A Wednesday in the middle of a month: Monday and Tuesday are this week's closed days, 1–17 November the month's.
const NOW = Date.UTC(2026, 10, 18, 14, 0);
let stack: Stack;
let context: BrowserContext;
let page: Page;
const closedDayQueries: string[] = [];

beforeAll(async () => {
  stack = await startStack({
    agents: 90,
    agentsPerManagementUnit: 30,
    // Two business units: London's two units, and New York's one, in its own zone (its month began on a 25-hour
    // day). The third unit's explanations come on the second business unit's topic.
    agentsPerBusinessUnit: 60,
    clock: 'manual',
    startTime: NOW,
    historicalDelayMs: 20,
  });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  // The historical queries for days before today: the closed days the roll-up reads (today's are the board's).
  page.on('request', (r: Request) => {
    if (!r.url().endsWith('/api/v2/workforcemanagement/adherence/historical/bulk')) return;
    const body = JSON.parse(r.postData() ?? '{}') as { items?: Array<{ startDate: string; managementUnitId: string }> };
    for (const item of body.items ?? [])
      if (
        Date.parse(item.startDate) <
        startOfDay(zoneOf(item.managementUnitId), localDate(zoneOf(item.managementUnitId), NOW))
      )
        closedDayQueries.push(`${item.managementUnitId} ${item.startDate}`);
  });
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
}, 90_000);
afterAll(() => stack?.close());

const units = () => stack.emulator.centre.topology.managementUnits;
const zoneOf = (mu: string) => units().find((u) => u.id === mu)!.timeZone;
const iso = (t: number) => new Date(t).toISOString();

/** A unit's week and month to date from the emulator's record: raw, and adjusted by approved explanations. */
function recordOf(mu: string): { text: string; weekAdjusted: number } {
  const zone = zoneOf(mu);
  const today = localDate(zone, NOW);
  const todayStart = startOfDay(zone, today);
  const monthStart = startOfDay(zone, `${today.slice(0, 8)}01`);
  const weekStart = startOfDay(zone, addDays(today, -2));
  const sums = { week: { s: 0, o: 0, a: 0 }, month: { s: 0, o: 0, a: 0 } };
  for (const agent of stack.emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu)) {
    const closed = historicalTruth(stack.emulator, agent.id, iso(monthStart), iso(todayStart), zone) as any;
    const now = historicalTruth(stack.emulator, agent.id, iso(todayStart), iso(NOW), zone) as any;
    const approved = explanationsTruth(stack.emulator, agent.id, iso(monthStart - 86_400_000), iso(todayStart))
      .filter((x) => x.status === 'Approved')
      .map((x) => [Date.parse(x.startDate!), Date.parse(x.startDate!) + x.lengthMinutes! * 60_000] as const);
    for (const d of closed.dayMetrics) {
      const start = monthStart + d.dayStartOffsetSeconds * 1000;
      for (const k of start >= weekStart ? (['week', 'month'] as const) : (['month'] as const)) {
        sums[k].s += d.adherenceScheduleSeconds;
        sums[k].o += d.exceptionDurationSeconds;
      }
    }
    for (const x of closed.exceptionInfo)
      for (let sec = x.startOffsetSeconds; sec < x.endOffsetSeconds; sec++) {
        const t = monthStart + sec * 1000 + 500;
        if (!approved.some(([a, b]) => a <= t && t < b)) continue;
        sums.month.a++;
        if (t >= weekStart) sums.week.a++;
      }
    for (const k of ['week', 'month'] as const) {
      sums[k].s += now.dayMetrics[0].adherenceScheduleSeconds;
      sums[k].o += now.dayMetrics[0].exceptionDurationSeconds;
    }
  }
  const f = (x: { s: number; o: number; a: number }) => [
    ((1 - x.o / x.s) * 100).toFixed(1),
    ((1 - Math.max(0, x.o - x.a) / x.s) * 100).toFixed(1),
  ];
  const [wr, wa] = f(sums.week);
  const [mr, ma] = f(sums.month);
  return {
    text: `Week to date ${wr}% (adjusted ${wa}%) · month to date ${mr}% (adjusted ${ma}%)`,
    weekAdjusted: (1 - Math.max(0, sums.week.o - sums.week.a) / sums.week.s) * 100,
  };
}
const expected = (mu: string) => recordOf(mu).text;
const weekAdjusted = (mu: string) => recordOf(mu).weekAdjusted;

const tile = (mu: string) => page.locator(`[data-testid="rollup-tiles"] li[data-unit="${mu}"]`);

describe('all units at once', () => {
  it('one tile per unit, each figure as the emulator counts it', async () => {
    await page.getByRole('link', { name: 'All units' }).click();
    await page.getByRole('heading', { name: 'All units', exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('rollup-tiles').locator('li').count(), { timeout: 20_000 }).toBe(3);
    expect(new Set(units().map((u) => u.businessUnitId)).size).toBe(2);
    expect(units().map((u) => u.timeZone)).toEqual(['Europe/London', 'Europe/London', 'America/New_York']);
    for (const u of units()) {
      const statuses = stack.emulator.centre.allStatuses().filter((s) => s.agent.managementUnitId === u.id);
      const out = statuses.filter((s) => s.verdict.state === 'OutOfAdherence').length;
      await expect
        .poll(() => tile(u.id).getByTestId('tile-now').textContent(), { timeout: 20_000 })
        .toContain(`${out} out`);
      await expect
        .poll(() => tile(u.id).getByTestId('tile-today').textContent(), { timeout: 20_000 })
        .toMatch(/^Today \d+\.\d% · projected \d+\.\d% · target 90%$/);
      await expect
        .poll(() => tile(u.id).getByTestId('tile-periods').textContent(), { timeout: 30_000 })
        .toBe(expected(u.id));
    }
    // Every closed day of each unit was read once: 17 days of November, in 7-day parts (3 queries a unit).
    expect(closedDayQueries).toHaveLength(9);
    await expect
      .poll(() => page.getByTestId('rollup-cache').textContent())
      .toMatch(/^Closed days: 0 from this browser, 51 read from Genesys/);
    // One act-now list across the units, the longest-out first among those the target does not make urgent.
    const allOut = stack.emulator.centre.allStatuses().filter((s) => s.verdict.state === 'OutOfAdherence').length;
    await expect.poll(() => page.getByTestId('rollup-act-now').locator('li').count()).toBe(Math.min(25, allOut));
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}rollup.png`, fullPage: true });
    // At phone width the tiles stack, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${artifacts}rollup-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  it('a reload reads the closed days from this browser, not Genesys; a corrupted day is read again', async () => {
    closedDayQueries.length = 0;
    await page.reload();
    await expect
      .poll(() => page.getByTestId('rollup-cache').textContent(), { timeout: 20_000 })
      .toMatch(/^Closed days: 51 from this browser, 0 read from Genesys/);
    expect(closedDayQueries).toEqual([]);
    const mu = units()[1]!.id;
    await expect.poll(() => tile(mu).getByTestId('tile-periods').textContent()).toBe(expected(mu));
    // A record that is not one (a figure turned to text): dropped, read again, the figures the same.
    await page.evaluate(
      (key) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('adhere-closed-days', 1);
          open.onsuccess = () => {
            const tx = open.result.transaction('unitDays', 'readwrite');
            tx.objectStore('unitDays').put(
              { shape: 1, scheduledSeconds: 'lots', exceptionSeconds: 0, approvedSeconds: 0 },
              key,
            );
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      `${stack.emulator.centre.topology.agents[0] ? '' : ''}${await page.evaluate(() => JSON.parse(sessionStorage.getItem('adhere-signed-in-user')!).id)}|${mu}|2026-11-10`,
    );
    await page.reload();
    await expect
      .poll(() => page.getByTestId('rollup-cache').textContent(), { timeout: 20_000 })
      .toMatch(/^Closed days: 50 from this browser, 1 read from Genesys/);
    expect(closedDayQueries).toEqual([`${mu} ${iso(startOfDay(zoneOf(mu), '2026-11-10'))}`]);
    await expect.poll(() => tile(mu).getByTestId('tile-periods').textContent()).toBe(expected(mu));
  });

  it('an explanation approved for a closed day moves that unit’s adjusted figures, live', async () => {
    const mu = units()[2]!.id;
    const zone = zoneOf(mu);
    const yesterday = startOfDay(zone, '2026-11-17');
    const today = startOfDay(zone, '2026-11-18');
    // An exception of yesterday that no approved explanation covers yet.
    let chosen: { agent: string; from: number; minutes: number } | undefined;
    for (const agent of stack.emulator.centre.topology.agents.filter((a) => a.managementUnitId === mu)) {
      const t = historicalTruth(stack.emulator, agent.id, iso(yesterday), iso(today), zone) as any;
      const approved = explanationsTruth(stack.emulator, agent.id, iso(yesterday - 86_400_000), iso(today)).filter(
        (x) => x.status === 'Approved',
      );
      const x = t.exceptionInfo.find(
        (e: any) =>
          e.endOffsetSeconds - e.startOffsetSeconds >= 120 &&
          !approved.some(
            (a) =>
              Date.parse(a.startDate!) < yesterday + e.endOffsetSeconds * 1000 &&
              Date.parse(a.startDate!) + a.lengthMinutes! * 60_000 > yesterday + e.startOffsetSeconds * 1000,
          ),
      );
      if (!x) continue;
      const from = Math.floor((yesterday + x.startOffsetSeconds * 1000) / 60_000) * 60_000;
      chosen = { agent: agent.id, from, minutes: Math.ceil((yesterday + x.endOffsetSeconds * 1000 - from) / 60_000) };
      break;
    }
    expect(chosen).toBeDefined();
    const shown = () => tile(mu).locator('[data-figure="week-adjusted"]').getAttribute('data-value').then(Number);
    await expect.poll(shown, { timeout: 20_000 }).toBeCloseTo(weekAdjusted(mu), 8);
    const before = await shown();
    const res = await fetch(
      `${stack.emulator.apiUrl}/api/v2/workforcemanagement/agents/${chosen!.agent}/adherence/explanations`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await tokenFor(stack.emulator)}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'Late',
          startDate: iso(chosen!.from),
          lengthMinutes: chosen!.minutes,
          status: 'Approved',
        }),
      },
    );
    expect(res.status).toBe(202);
    // The approved minutes now count as adherent: the unrounded figure moves to the record's, up from before.
    const after = weekAdjusted(mu);
    expect(after).toBeGreaterThan(before);
    await expect.poll(shown, { timeout: 20_000 }).toBeCloseTo(after, 8);
    expect(await tile(mu).getByTestId('tile-periods').textContent()).toBe(expected(mu));
    // Only the day the explanation touched was read again.
    expect(await page.getByTestId('rollup-cache').textContent()).toMatch(
      /^Closed days: \d+ from this browser, 1 read from Genesys/,
    );
  });
});
