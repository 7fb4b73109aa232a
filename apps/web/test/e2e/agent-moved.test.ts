// Issue 20 (bad input and faults): an agent moved between management units mid-day. The old unit's open board
// drops the row live and keeps what the agent did there in its figure for today; later boards of either unit
// agree with Genesys's figures for each (the emulator's units, each counting the agent only while a member).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { tokenFor, unitTruth } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
const HOUR = 3_600_000;
let stack: Stack;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ agents: 40, agentsPerManagementUnit: 20, clock: 'manual', startTime: NOW });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
}, 60_000);
afterAll(() => stack?.close());

const units = () => stack.emulator.centre.topology.managementUnits;
type Day = { adherenceScheduleSeconds: number; exceptionDurationSeconds: number };

/** Genesys's figure for a unit today, as of `asOf`, to a tenth (the board's); without `leaving`, if given. */
function unitFigure(unitId: string, asOf: number, leaving?: string): string {
  const zone = units()[0]!.timeZone;
  const date = localDate(zone, NOW);
  const start = new Date(startOfDay(zone, date)).toISOString();
  const end = new Date(startOfDay(zone, addDays(date, 1))).toISOString();
  let sched = 0;
  let exc = 0;
  for (const [id, r] of unitTruth(stack.emulator, unitId, start, end, zone, asOf)) {
    if (id === leaving) continue;
    const d = (r as { dayMetrics: Day[] }).dayMetrics[0]!;
    sched += d.adherenceScheduleSeconds;
    exc += d.exceptionDurationSeconds;
  }
  return ((1 - exc / sched) * 100).toFixed(1);
}

const todaySaid = async () =>
  /^Today so far: (\d+\.\d)%/.exec((await page.getByTestId('today').textContent()) ?? '')?.[1];

describe('an agent moved between units mid-day', () => {
  it('the old unit drops the row live and keeps the agent’s part; each unit’s board agrees with Genesys afterwards', async () => {
    const [a, b] = units();
    await page.goto(`${stack.app}/?mu=${a!.id}`);
    await page.getByTestId('agent-count').filter({ hasText: '20 agents' }).waitFor({ timeout: 20_000 });
    await expect.poll(todaySaid, { timeout: 20_000 }).toBe(unitFigure(a!.id, NOW));
    // One whose leaving would change the unit's figure if the board forgot the agent's morning.
    const agent = stack.emulator.centre.topology.agents.find(
      (x) => x.managementUnitId === a!.id && unitFigure(a!.id, NOW, x.id) !== unitFigure(a!.id, NOW),
    )!;
    expect(agent).toBeDefined();
    await page.locator(`.vtable-row[data-key="${agent.id}"]`).first().waitFor();

    const res = await fetch(`${stack.emulator.apiUrl}/api/v2/workforcemanagement/agents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(stack.emulator)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userIds: [agent.id], destinationManagementUnitId: b!.id }),
    });
    expect(res.status).toBe(200);
    // Live: the row goes, the count says so, and today's figure still holds what the agent did here.
    await page.getByTestId('agent-count').filter({ hasText: '19 agents' }).waitFor({ timeout: 15_000 });
    expect(await page.locator(`.vtable-row[data-key="${agent.id}"]`).count()).toBe(0);
    await expect.poll(todaySaid, { timeout: 10_000 }).toBe(unitFigure(a!.id, NOW));

    // An hour on, boards opened afresh read Genesys's figures: the old unit with the agent's morning, the new one
    // with the agent from the move on.
    stack.emulator.centre.advanceBy(HOUR);
    await context.clock.setFixedTime(NOW + HOUR);
    await page.goto(`${stack.app}/?mu=${a!.id}`);
    await page.getByTestId('agent-count').filter({ hasText: '19 agents' }).waitFor({ timeout: 20_000 });
    await expect.poll(todaySaid, { timeout: 20_000 }).toBe(unitFigure(a!.id, NOW + HOUR));
    await page.goto(`${stack.app}/?mu=${b!.id}`);
    await page.getByTestId('agent-count').filter({ hasText: '21 agents' }).waitFor({ timeout: 20_000 });
    await expect.poll(todaySaid, { timeout: 20_000 }).toBe(unitFigure(b!.id, NOW + HOUR));
    await page.locator(`.vtable-row[data-key="${agent.id}"]`).first().waitFor();
    expect(await axeAudit(page)).toEqual([]);
  });
});
