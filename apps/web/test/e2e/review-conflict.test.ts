// Issue 20 (bad input and faults): approving an explanation another supervisor has declined meanwhile. The news of
// their review is held back on this page's socket (a slow network, a busy tab), so the list still says "Waiting";
// the approval reads the explanation first, sends nothing, and says what happened; overruling is one more click.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { explanationsTruth, tokenFor } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let context: BrowserContext;
let page: Page;
/** While true, nothing from the notification socket reaches the page. */
let hold = false;

beforeAll(async () => {
  stack = await startStack({ agents: 300, clock: 'manual', startTime: NOW });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1500, height: 900 } });
  await context.clock.setFixedTime(NOW);
  await context.routeWebSocket(
    () => true,
    (ws) => {
      const server = ws.connectToServer();
      server.onMessage((m) => {
        if (!hold) ws.send(m);
      });
      ws.onMessage((m) => server.send(m));
    },
  );
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

describe('a review that crossed another', () => {
  it('reads the explanation first: declined meanwhile, the approval is not sent and says so; overruling is a click', async () => {
    const zone = stack.emulator.centre.topology.managementUnits[0]!.timeZone;
    const date = localDate(zone, NOW);
    const start = new Date(startOfDay(zone, date)).toISOString();
    const end = new Date(startOfDay(zone, addDays(date, 1))).toISOString();
    const truth = (agentId: string, id: string) =>
      explanationsTruth(stack.emulator, agentId, start, end).find((x) => x.id === id)!;
    const pending = stack.emulator.centre.topology.agents
      .map((a) => ({ a, e: explanationsTruth(stack.emulator, a.id, start, end).find((x) => x.status === 'Pending') }))
      .find((x) => x.e !== undefined)!;
    expect(pending).toBeDefined();
    await page.goto(`${stack.app}/?agent=${pending.a.id}`);
    const item = page.getByTestId('explanations').locator(`li[data-id="${pending.e!.id}"]`);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('Pending');
    // Another supervisor declines it; this page does not hear of it.
    hold = true;
    const res = await fetch(
      `${stack.emulator.apiUrl}/api/v2/workforcemanagement/agents/${pending.a.id}/adherence/explanations/${pending.e!.id}`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${await tokenFor(stack.emulator)}`, // another session: another screen
          'content-type': 'application/json',
        },
        body: JSON.stringify({ status: 'Denied' }),
      },
    );
    expect(res.status).toBe(200);
    expect(truth(pending.a.id, pending.e!.id).status).toBe('Denied');
    expect(await item.getAttribute('data-status')).toBe('Pending'); // stale here, as a slow socket leaves it
    await item.getByRole('button', { name: 'Approve' }).click();
    const said = page.getByTestId('review-conflict');
    await said.waitFor({ timeout: 10_000 });
    expect(await said.textContent()).toContain(
      'Someone has declined this explanation since it was shown here: your approval was not sent.',
    );
    // Nothing was sent: Genesys still has it declined; the list, read again, says so.
    expect(truth(pending.a.id, pending.e!.id).status).toBe('Denied');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('Denied');
    expect(await axeAudit(page)).toEqual([]);
    // The supervisor overrules, knowing.
    await said.getByRole('button', { name: 'Approve anyway' }).click();
    await expect.poll(() => truth(pending.a.id, pending.e!.id).status, { timeout: 10_000 }).toBe('Approved');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 10_000 }).toBe('Approved');
    hold = false;
  });

  it('bulk review leaves one reviewed elsewhere meanwhile as it was, and says so', async () => {
    const mu = stack.emulator.centre.topology.managementUnits[0]!;
    const zone = mu.timeZone;
    const today = localDate(zone, NOW);
    const pendingOn = (date: string) =>
      stack.emulator.centre.topology.agents
        .filter((a) => a.managementUnitId === mu.id)
        .flatMap((a) =>
          explanationsTruth(
            stack.emulator,
            a.id,
            new Date(startOfDay(zone, date)).toISOString(),
            new Date(startOfDay(zone, addDays(date, 1))).toISOString(),
          ).filter((e) => e.status === 'Pending'),
        );
    // The day of the report's week with the most explanations waiting.
    const date = Array.from({ length: 6 }, (_, i) => addDays(today, -1 - i)).sort(
      (x, y) => pendingOn(y).length - pendingOn(x).length,
    )[0]!;
    const waiting = pendingOn(date);
    expect(waiting.length).toBeGreaterThan(2);
    await page.goto(`${stack.app}/history`);
    const exceptions = page.getByLabel('Exceptions, timelines and patterns');
    if (!(await exceptions.isChecked())) await exceptions.check();
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByTestId('report').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Exceptions', exact: true }).click();
    const box = page.getByTestId('bulk-review');
    await box.getByLabel('Starting from').fill(`${date}T00:00`);
    await box.getByLabel('until').fill(`${addDays(date, 1)}T00:00`);
    await expect
      .poll(() => box.getByTestId('bulk-count').textContent(), { timeout: 20_000 })
      .toBe(`${waiting.length} explanations waiting for review in this window.`);
    // Another supervisor declines one of them; this page does not hear of it before it acts.
    hold = true;
    const other = waiting[1]!;
    const res = await fetch(
      `${stack.emulator.apiUrl}/api/v2/workforcemanagement/agents/${other.agent!.id}/adherence/explanations/${other.id}`,
      {
        method: 'PATCH',
        headers: { authorization: `Bearer ${await tokenFor(stack.emulator)}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'Denied' }),
      },
    );
    expect(res.status).toBe(200);
    await box.getByRole('button', { name: `Approve all ${waiting.length}…` }).click();
    await box.getByRole('button', { name: `Yes, approve ${waiting.length}` }).click();
    await expect
      .poll(() => box.getByTestId('bulk-progress').textContent(), { timeout: 20_000 })
      .toBe(
        `Approved ${waiting.length - 1} of ${waiting.length}. 1 was reviewed by someone else meanwhile and left as it was.`,
      );
    const after = (e: (typeof waiting)[number]) =>
      explanationsTruth(
        stack.emulator,
        e.agent!.id,
        new Date(startOfDay(zone, date)).toISOString(),
        new Date(startOfDay(zone, addDays(date, 1))).toISOString(),
      ).find((x) => x.id === e.id)!.status;
    expect(after(other)).toBe('Denied');
    for (const e of waiting) if (e.id !== other.id) expect(after(e)).toBe('Approved');
    hold = false;
  });
});
