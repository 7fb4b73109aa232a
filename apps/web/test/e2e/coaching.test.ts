// Issue 20, item 5: from an agent's day to a Genesys coaching appointment whose description carries the day's
// evidence; the day then shows it booked; a clash is said in words; without the permission the button says which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingTruth } from '@adhere/emulator/testing';
import { addDays, localDate, startOfDay } from '@adhere/genesys';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 14, 0);
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ agents: 40, clock: 'manual', startTime: NOW, historicalDelayMs: 20 });
}, 60_000);
afterAll(() => stack?.close());

const agent = () => stack.emulator.centre.topology.agents[3]!;
const zone = () =>
  stack.emulator.centre.topology.managementUnits.find((m) => m.id === agent().managementUnitId)!.timeZone;

async function openDay(email?: string) {
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  await signIn(page, stack, email);
  await page.waitForURL(`${stack.app}/`);
  await page.goto(`${stack.app}/?agent=${agent().id}`);
  const day = page.getByTestId('day-view');
  await day.waitFor();
  return { context, page, day };
}

describe("coaching from an agent's day", () => {
  it('books a session carrying the evidence; the day shows it booked; a second at the same time clashes', async () => {
    const { context, page, day } = await openDay();
    try {
      // Once today is read: the evidence is made from it.
      const hint = day.getByText(/so far today; activity as of/);
      await hint.waitFor({ timeout: 20_000 });
      const exceptions = Number(/^(\d+|No) exceptions?/.exec((await hint.textContent()) ?? '')?.[1] ?? 0) || 0;
      await day.getByRole('button', { name: 'Schedule coaching…' }).click();
      const text = day.getByRole('textbox', { name: /What to talk about/ });
      const description = await text.inputValue();
      expect(description).toMatch(/^Adherence on .+ \(.+\), from Adhere:/);
      if (exceptions > 0) expect(description).toContain(`Out of adherence ${exceptions} time`);
      else expect(description).toContain('No time out of adherence so far.');
      await day.getByLabel('Length').selectOption('45');
      expect(await axeAudit(page)).toEqual([]);
      await day.getByRole('button', { name: 'Book in Genesys Cloud' }).click();
      await expect
        .poll(() => day.getByTestId('coaching-said').textContent())
        .toMatch(/^Coaching booked for .+ 10:00 \(45\smin\)\.$/);
      await day.getByTestId('coaching-booked').filter({ hasText: '(45\u00a0min)' }).waitFor();
      const booked = coachingTruth(stack.emulator, agent().id);
      expect(booked).toHaveLength(1);
      const tomorrow = startOfDay(zone(), addDays(localDate(zone(), NOW), 1));
      expect(booked[0]).toMatchObject({ description, lengthInMinutes: 45, start: tomorrow + 10 * 3_600_000 });
      await page.screenshot({ path: `${artifacts}coaching-booked.png` });
      // The same hour again: Genesys's 409, said in words; nothing more stored.
      await day.getByRole('button', { name: 'Schedule coaching…' }).click();
      await day.getByRole('button', { name: 'Book in Genesys Cloud' }).click();
      await expect.poll(() => day.getByTestId('coaching-said').textContent()).toMatch(/^Not booked: .*clash/i);
      expect(coachingTruth(stack.emulator, agent().id)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('a role without the permission: the button says which permission is missing, and nothing is asked', async () => {
    const { context, page, day } = await openDay('rta@adhere.local');
    const asked: string[] = [];
    page.on('request', (r) => r.url().includes('/api/v2/coaching') && asked.push(r.url()));
    try {
      const button = day.getByRole('button', { name: 'Schedule coaching' });
      await button.waitFor();
      expect(await button.isDisabled()).toBe(true);
      expect(await day.getByTestId('coaching-needs').textContent()).toBe(
        'Needs Coaching > Appointment > Add: your role or this app does not have it.',
      );
      await page.getByTestId('day-view').getByRole('button', { name: 'Refresh' }).click();
      await day
        .getByText(/so far today|could not be read|not shown/)
        .first()
        .waitFor({ timeout: 20_000 });
      expect(asked).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
