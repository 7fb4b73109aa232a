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
});
