// Issue 22, what to build 4 and 5: the whole team on one timeline (schedule against actual per agent, virtualised,
// the current time marked, exceptions outlined, a name opening the agent's day) and staffing per interval
// (scheduled on queue against on queue, average agents, the gap in words), each checked against the emulator's
// own truth: its published schedule and its historical record of the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historicalTruth, scheduleTruth } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

// Mid-interval: the current 30-minute interval is a third gone.
const NOW = Date.UTC(2026, 10, 26, 14, 10);
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ agents: 60, clock: 'manual', startTime: NOW, historicalDelayMs: 20 });
}, 60_000);
afterAll(() => stack?.close());

/** The board opens on the first unit: the team of its first agent, and that team's agents in the unit. */
function team() {
  const topo = stack.emulator.centre.topology;
  const mu = topo.managementUnits[0]!;
  const first = topo.agents.find((a) => a.managementUnitId === mu.id)!;
  const members = topo.agents.filter((a) => a.teamId === first.teamId && a.managementUnitId === mu.id);
  const date = localDate(mu.timeZone, NOW);
  const dayStart = startOfDay(mu.timeZone, date);
  const dayEnd = startOfDay(mu.timeZone, addDays(date, 1));
  return { mu, teamId: first.teamId, members, dayStart, dayEnd };
}

/** The emulator's truth, counted second by second: average agents on queue per interval, scheduled and actual. */
function truthByInterval(minutes: number) {
  const { mu, members, dayStart, dayEnd } = team();
  const iso = (t: number) => new Date(t).toISOString();
  const onQueue = members.map((a) => {
    const h = historicalTruth(stack.emulator, a.id, iso(dayStart), iso(dayEnd), mu.timeZone) as {
      actuals: Array<{ actualActivityCategory: string; startOffsetSeconds: number; endOffsetSeconds: number }>;
    };
    return {
      scheduled: scheduleTruth(stack.emulator, a.id, iso(dayStart), iso(dayEnd)).filter(
        (s) => s.category === 'OnQueueWork',
      ),
      actual: h.actuals
        .filter((x) => x.actualActivityCategory === 'OnQueueWork')
        .map((x) => ({ start: dayStart + x.startOffsetSeconds * 1000, end: dayStart + x.endOffsetSeconds * 1000 })),
    };
  });
  const rows: Array<{ start: number; scheduled: number; actual: number | undefined }> = [];
  for (let start = dayStart; start < dayEnd; start += minutes * 60_000) {
    const end = Math.min(start + minutes * 60_000, dayEnd);
    const stop = Math.min(end, NOW);
    let scheduled = 0;
    let actual = 0;
    const until = start < NOW ? stop : end;
    for (let t = start + 500; t < until; t += 1000)
      for (const a of onQueue) {
        if (a.scheduled.some((s) => s.start <= t && t < s.end)) scheduled++;
        if (a.actual.some((s) => s.start <= t && t < s.end)) actual++;
      }
    const seconds = (until - start) / 1000;
    rows.push({ start, scheduled: scheduled / seconds, actual: start < NOW ? actual / seconds : undefined });
  }
  return rows;
}

const say = (n: number) => {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

async function openTimeline(width = 1366, height = 900, byClick = false) {
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width, height } });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  if (byClick) {
    // From the board: staffing by team, the team's name.
    const name = stack.emulator.centre.topology.teams.find((t) => t.id === team().teamId)!.name;
    await page.locator('details.staffing-teams summary').click();
    await page.getByTestId('staffing-teams').getByRole('button', { name, exact: true }).click();
    expect(new URL(page.url()).searchParams.get('timeline')).toBe(team().teamId);
  } else await page.goto(`${stack.app}/?timeline=${team().teamId}`);
  const view = page.getByTestId('team-day');
  await view.getByTestId('interval-staffing').waitFor({ timeout: 20_000 });
  return { context, page, view };
}

describe("a team's day on one timeline, with staffing per interval", () => {
  it('shows every agent of the team, each with the exceptions the emulator recorded, and the now-line', async () => {
    const { context, page, view } = await openTimeline(1366, 900, true);
    try {
      const { members, mu, dayStart, dayEnd } = team();
      expect(members.length).toBeGreaterThan(3);
      await expect
        .poll(() => view.locator('li.team-row').first().getAttribute('aria-setsize'))
        .toBe(String(members.length));
      await expect(view.getByRole('heading', { level: 2 })).toBeTruthy();
      expect(await view.getByRole('heading', { level: 2 }).textContent()).toContain(`${members.length} agents`);
      const rows = view.locator('li.team-row');
      const shown = await rows.count();
      expect(shown).toBeGreaterThan(3);
      let withExceptions = 0;
      for (let i = 0; i < shown; i++) {
        const userId = (await rows.nth(i).getAttribute('data-user'))!;
        const truth = historicalTruth(
          stack.emulator,
          userId,
          new Date(dayStart).toISOString(),
          new Date(dayEnd).toISOString(),
          mu.timeZone,
        ) as { exceptionInfo: unknown[] };
        expect(Number(await rows.nth(i).getAttribute('data-exceptions')), userId).toBe(truth.exceptionInfo.length);
        if (truth.exceptionInfo.length) withExceptions++;
        expect(await rows.nth(i).locator('rect.exception-outline').count()).toBe(truth.exceptionInfo.length);
      }
      expect(withExceptions).toBeGreaterThan(0);
      expect(await rows.first().locator('line.now-line').count()).toBe(1);
      expect(await axeAudit(page)).toEqual([]);
      await page.screenshot({ path: `${artifacts}team-day-1366.png` });

      // Most exception time first: the first row has the most exception minutes of the team.
      await view.getByLabel('Order').selectOption('exceptions');
      const firstId = (await rows.first().getAttribute('data-user'))!;
      const minutesOf = (id: string) =>
        (
          historicalTruth(
            stack.emulator,
            id,
            new Date(dayStart).toISOString(),
            new Date(dayEnd).toISOString(),
            mu.timeZone,
          ) as { exceptionInfo: Array<{ startOffsetSeconds: number; endOffsetSeconds: number }> }
        ).exceptionInfo.reduce((s, e) => s + e.endOffsetSeconds - e.startOffsetSeconds, 0);
      expect(minutesOf(firstId)).toBe(Math.max(...members.map((a) => minutesOf(a.id))));

      // A name opens that agent's day over the timeline; closing it comes back to the timeline.
      await rows.first().getByRole('button').click();
      const day = page.getByTestId('day-view');
      await day.waitFor();
      expect(new URL(page.url()).searchParams.get('agent')).toBe(firstId);
      await page.keyboard.press('Escape');
      await day.waitFor({ state: 'detached' });
      expect(await view.isVisible()).toBe(true);
      await view.getByRole('button', { name: 'Close' }).click();
      await view.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.has('timeline')).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('counts agents scheduled on queue and on queue per interval as the emulator has them, the gap in words', async () => {
    const { context, view } = await openTimeline();
    try {
      for (const minutes of [30, 15]) {
        await view.getByRole('button', { name: `${minutes} minutes` }).click();
        const expected = truthByInterval(minutes);
        const table = view.getByTestId('interval-table');
        await expect.poll(() => table.locator('tbody tr').count()).toBe(expected.length);
        const cells = await table
          .locator('tbody tr')
          .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
        const want = expected.map((e) => {
          const gap = e.actual === undefined ? undefined : Math.round(e.actual - e.scheduled);
          return [
            say(e.scheduled),
            e.actual === undefined ? '–' : say(e.actual),
            gap === undefined
              ? 'still to come'
              : gap === 0
                ? 'as scheduled'
                : gap < 0
                  ? `${-gap} short`
                  : `${gap} more than scheduled`,
          ];
        });
        expect(cells).toEqual(want);
        // The day has both: intervals with people scheduled, and some still to come.
        expect(expected.some((e) => e.scheduled > 0 && e.actual !== undefined)).toBe(true);
        expect(expected.some((e) => e.actual === undefined)).toBe(true);
      }
      const now = await view.getByTestId('staffing-now').textContent();
      expect(now).toMatch(/^Now, \d\d:\d\d–\d\d:\d\d: [\d.]+ on queue of [\d.]+ scheduled · /);
      expect(now).toMatch(/(Short in \d+ of the \d+ intervals|Not short in any|Nothing was scheduled)/);
    } finally {
      await context.close();
    }
  });

  it('fits a phone: no sideways scroll of the page, names and the day readable', async () => {
    const { context, page, view } = await openTimeline(390, 844);
    try {
      await view.locator('li.team-row').first().waitFor();
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      const box = await view.locator('li.team-row svg').first().boundingBox();
      expect(box!.width).toBeGreaterThan(120);
      await page.screenshot({ path: `${artifacts}team-day-390.png`, fullPage: true });
    } finally {
      await context.close();
    }
  });
});
