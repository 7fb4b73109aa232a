// Issue 22, item 3: what the agent is doing now — the interaction's media and how long, on the row and in the day
// view, from Genesys's User model (routingStatus, conversationSummary) — and setting the agent's presence from the
// day view, confirmed first, with a line for it; an app without the `presence` scope is told why it cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { APP_SCOPES, tokenFor } from '@adhere/emulator/testing';
import { agentNowOf } from '@adhere/genesys';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';
import { interactionWords } from '../../src/board/agent-now.js';
import { formatDuration } from '../../src/board/state-style.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ agents: 300, clock: 'manual', startTime: NOW });
  context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1500, height: 900 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

const agents = () => stack.emulator.centre.topology.agents;
const statusOf = (index: number) => stack.emulator.centre.statusOf(index);

/** What Genesys (the emulator) says the agent is doing, in the board's words. */
async function truthWords(id: string): Promise<string> {
  const res = await fetch(`${stack.emulator.apiUrl}/api/v2/users/${id}?expand=routingStatus,conversationSummary`, {
    headers: { authorization: `Bearer ${await tokenFor(stack.emulator)}` },
  });
  const now = agentNowOf((await res.json()) as { id: string });
  return `${interactionWords(now)!} · ${formatDuration(NOW - now.routingSince!)}`;
}

describe('what the agent is doing now', () => {
  it('the row says the interaction’s media and how long; the day view too, with presence since when', async () => {
    const agent = agents().find(
      (a) => statusOf(a.index).span.routing === 'INTERACTING' && statusOf(a.index).span.scheduled,
    )!;
    expect(agent).toBeDefined();
    await page.goto(`${stack.app}/?q=${encodeURIComponent(agent.name)}`);
    const cell = page.locator(`.vtable-row[data-key="${agent.id}"] [data-column="routingStatus"]`).first();
    const expected = await truthWords(agent.id);
    await expect.poll(() => cell.textContent(), { timeout: 15_000 }).toBe(expected);

    await page.goto(`${stack.app}/?q=${encodeURIComponent(agent.name)}&agent=${agent.id}`);
    const doing = page.getByTestId('doing-now');
    await expect.poll(() => doing.textContent(), { timeout: 15_000 }).toContain(expected.split(' · ')[0]!);
    // The open day view listens on the agent's own user topics (two topics for one agent).
    for (const topic of [`v2.users.${agent.id}.routingStatus`, `v2.users.${agent.id}.conversationsummary`])
      await expect.poll(() => stack.emulator.context.hub.hasSubscribers(topic), { timeout: 10_000 }).toBe(true);
    expect(await axeAudit(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${artifacts}day-view-now-phone.png` });
    await page.setViewportSize({ width: 1500, height: 900 });
    await page.goto(`${stack.app}/?q=${encodeURIComponent(agent.name)}`);
    await page.screenshot({ path: `${artifacts}board-doing-now.png` });
  });

  it('sets the presence from the day view after a confirmation; the row and Genesys follow, and a line says it', async () => {
    const agent = agents().find(
      (a) => statusOf(a.index).span.presence === 'OnQueue' && statusOf(a.index).span.scheduled,
    )!;
    await page.goto(`${stack.app}/?q=${encodeURIComponent(agent.name)}&agent=${agent.id}`);
    const select = page.getByLabel('Set presence');
    await select.waitFor({ timeout: 15_000 });
    // Chosen and cancelled: nothing is sent.
    await select.selectOption({ label: 'Break · Comfort break' });
    await page.getByRole('button', { name: 'Set…' }).click();
    await page.getByTestId('presence-confirm').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(statusOf(agent.index).span.presence).toBe('OnQueue');
    // Chosen and confirmed.
    await page.getByLabel('Set presence').selectOption({ label: 'Break · Comfort break' });
    await page.getByRole('button', { name: 'Set…' }).click();
    expect(await page.getByTestId('presence-confirm').textContent()).toContain(
      `Set ${agent.name}'s presence to Break · Comfort break?`,
    );
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}day-view-set-presence.png` });
    await page.getByRole('button', { name: 'Set to Break · Comfort break' }).click();
    await expect
      .poll(() => page.getByTestId('presence-said').textContent())
      .toBe(`${agent.name}'s presence is now Break · Comfort break.`);
    expect(statusOf(agent.index).span.presence).toBe('Break');
    expect(await page.getByTestId('presence-audit').textContent()).toBe(
      '12:00: you set the presence to Break · Comfort break (was On queue).',
    );
    // The adherence topic brings the change to the row, secondary presence named.
    await page.keyboard.press('Escape');
    const presence = page.locator(`.vtable-row[data-key="${agent.id}"] [data-column="systemPresence"]`).first();
    await expect.poll(() => presence.textContent(), { timeout: 10_000 }).toBe('Break · Comfort break');
  });

  it('an app without the presence scope says so instead of offering it', async () => {
    const narrow = await startStack(
      { agents: 40, clock: 'manual', startTime: NOW },
      {},
      undefined,
      'node',
      APP_SCOPES.filter((s) => s !== 'presence'),
    );
    try {
      const ctx = await narrow.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 } });
      await ctx.clock.setFixedTime(NOW);
      const p = await ctx.newPage();
      await signIn(p, narrow);
      await p.waitForURL(`${narrow.app}/`);
      const agent = narrow.emulator.centre.topology.agents[0]!;
      await p.goto(`${narrow.app}/?agent=${agent.id}`);
      await expect
        .poll(() => p.getByTestId('presence-needs').textContent(), { timeout: 15_000 })
        .toBe('Setting presence needs the presence scope, which this app does not have.');
      expect(await p.getByLabel('Set presence').count()).toBe(0);
      await ctx.close();
    } finally {
      await narrow.close();
    }
  });
});
