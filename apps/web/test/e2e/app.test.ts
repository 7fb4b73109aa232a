import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { artifacts, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 24, 15, 0);
let stack: Stack;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startStack({ clock: 'manual', startTime: NOW, historicalDelayMs: 200 });
  context = await stack.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 800 } });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(`${m.text()} at ${m.location().url}`));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on(
    'response',
    (r) => r.status() >= 400 && consoleErrors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`),
  );
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
}, 60_000);
afterAll(() => stack?.close());

const muAgents = () =>
  stack.emulator.centre.topology.agents.filter(
    (a) => a.managementUnitId === stack.emulator.centre.topology.managementUnits[0]!.id,
  );

describe('the adherence SPA in Chromium', () => {
  it('signs in through the real login page and fills the board', async () => {
    await expect
      .poll(() => page.getByTestId('agent-count').textContent(), { timeout: 15_000 })
      .toBe(`${muAgents().length} agents`);
    await expect.poll(() => page.getByTestId('connection').textContent(), { timeout: 15_000 }).toContain('Live');
    // No code or state left in the address bar; nothing in localStorage.
    expect(page.url()).toBe(`${stack.app}/`);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    const outCount = muAgents().filter(
      (a) => stack.emulator.centre.statusOf(a.index).verdict.state === 'OutOfAdherence',
    ).length;
    await expect.poll(() => page.locator('[data-state="OutOfAdherence"] strong').textContent()).toBe(String(outCount));
    await page.screenshot({ path: `${artifacts}board.png` });
  });

  it("shows an agent's state change live", async () => {
    const before = new Map(muAgents().map((a) => [a.id, stack.emulator.centre.statusOf(a.index).verdict.state]));
    stack.emulator.centre.advanceBy(15 * 60_000);
    const changed = muAgents().find((a) => stack.emulator.centre.statusOf(a.index).verdict.state !== before.get(a.id))!;
    expect(changed).toBeDefined();
    const want = stack.emulator.centre.statusOf(changed.index).verdict.state;
    await page.getByLabel('Search').fill(changed.name);
    const label = { InAdherence: 'In adherence', OutOfAdherence: 'Out of adherence', Unscheduled: 'Unscheduled' }[
      want as 'InAdherence'
    ];
    const row = page.getByRole('row').filter({ hasText: changed.name }).first();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain(label);
    await page.screenshot({ path: `${artifacts}board-live-change.png` });
    await page.getByLabel('Search').fill('');
  });

  it('runs a historical query whose percentage matches the emulator, and exports CSV', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByLabel('From', { exact: true }).fill('2026-11-22');
    await page.getByLabel('To', { exact: true }).fill('2026-11-23');
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.getByTestId('average-adherence').count(), { timeout: 30_000 }).toBe(1);
    const firstRow = page.locator('table.results tbody tr').first();
    const userId = await firstRow.getAttribute('data-user');
    const shown = Number(await firstRow.getByTestId('adherence').textContent());
    const truth = await emulatorTruth(userId!, '2026-11-22T00:00:00.000Z', '2026-11-24T00:00:00.000Z');
    expect(shown).toBeCloseTo(truth, 2);
    await firstRow.getByRole('button').click();
    await page.getByText(/Timeline of/).waitFor();
    await page.screenshot({ path: `${artifacts}history.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export per agent (CSV)' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // Excel reads UTF-8 only with a BOM
    const lines = csv.slice(1).trim().split('\r\n');
    // Headers in words, durations as h:mm and minutes (issue 22, item 2).
    expect(lines[0]).toBe(
      'Agent,Agent id,Adherence %,Adjusted adherence % (approved explanations count as adherent),' +
        'Exception time approved (h:mm),Exception time approved (minutes),' +
        'Conformance %,Target %,Missed target,Exceptions,' +
        'Exception time counted in adherence (h:mm),Exception time counted in adherence (minutes),' +
        'Exception time including thresholds (h:mm),Exception time including thresholds (minutes),' +
        'Scheduled time (h:mm),Scheduled time (minutes),' +
        'Time worked (h:mm),Time worked (minutes),Effect on service,From,To,Time zone',
    );
    expect(lines).toHaveLength(muAgents().length + 1);
    expect(lines[1]).toContain(userId);
    expect(lines[1]!.split(',')[2]).toBe(String(shown));
    expect(lines[1]!.endsWith(',2026-11-22,2026-11-23,Europe/London')).toBe(true);
    const [days] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export per agent-day (CSV)' }).click(),
    ]);
    const dayLines = (await readFile((await days.path())!, 'utf8')).slice(1).trim().split('\r\n');
    expect(dayLines).toHaveLength(muAgents().length * 2 + 1);
    expect(dayLines[1]).toMatch(/,2026-11-22,2026-11-22T00:00:00\+00:00,24,/);
    // The same table as an Excel workbook, under the app's own CSP (this context does not bypass it: the workbook
    // is zipped in a worker made from a blob), read back by read-excel-file.
    await page.getByLabel('File').selectOption('xlsx');
    const [book] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export per agent (Excel)' }).click(),
    ]);
    expect(book.suggestedFilename()).toBe('adherence-agents-2026-11-22-to-2026-11-23.xlsx');
    const [sheet] = await readXlsxFile(await readFile((await book.path())!));
    expect(sheet!.data[0]!.join(',')).toBe(lines[0]);
    expect(sheet!.data).toHaveLength(muAgents().length + 1);
    expect(sheet!.data[1]![1]).toBe(userId);
    expect(sheet!.data[1]![2]).toBe(shown); // a number, as in Genesys's figure
    await page.getByLabel('File').selectOption('csv');
  });

  it('reports on chosen agents only', async () => {
    const two = muAgents().slice(0, 2);
    await page.getByLabel('Agents').selectOption(two.map((a) => a.id));
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => page.locator('table.results tbody tr').count(), { timeout: 30_000 }).toBe(2);
    const ids = await page
      .locator('table.results tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-user')).sort());
    expect(ids).toEqual(two.map((a) => a.id).sort());
  });

  it('signs out in one tab and the other tab follows', async () => {
    const second = await context.newPage();
    await second.goto(`${stack.app}/history`);
    await second.getByRole('link', { name: 'History' }).waitFor({ timeout: 10_000 }); // signed in through the other tab
    await page.getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await second.screenshot({ path: `${artifacts}signed-out-other-tab.png` });
    await page.waitForURL(`${stack.app}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await second.close();
  });

  it("a sign-in to a unit's board asks for its snapshot as the token arrives, first and once", async () => {
    // A context of its own: no other tab to learn the sign-in from.
    const own = await stack.browser.newContext({ viewport: { width: 1366, height: 800 } });
    const p = await own.newPage();
    const mu = stack.emulator.centre.topology.managementUnits[0]!.id;
    const seen: string[] = [];
    p.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.url().startsWith(stack.emulator.apiUrl)) seen.push(path.endsWith('/adherence') ? 'snapshot' : path);
    });
    p.on('websocket', () => seen.push('socket'));
    await p.goto(`${stack.app}/?mu=${mu}`);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByLabel('Email').fill('supervisor@adhere.local');
    await p.getByLabel('Password').fill('supervisor');
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.waitForURL(`${stack.app}/?mu=${mu}`);
    await expect
      .poll(() => p.getByTestId('agent-count').textContent(), { timeout: 15_000 })
      .toBe(`${muAgents().length} agents`);
    await p.getByTestId('connection').filter({ hasText: 'Live' }).waitFor({ timeout: 15_000 });
    // Before any request the board's render makes; the board took it (no second ask before the socket, whose
    // opening is followed by the one resync it needs).
    expect(seen[0]).toBe('snapshot');
    expect(seen.slice(0, seen.indexOf('socket')).filter((x) => x === 'snapshot')).toHaveLength(1);
    await expect.poll(() => seen.filter((x) => x === 'snapshot').length).toBe(2);
    await own.close();
  });

  it("the callback's code exchange does not wait for config.json", async () => {
    const own = await stack.browser.newContext({ viewport: { width: 1366, height: 800 } });
    const p = await own.newPage();
    const order: string[] = [];
    let tokenSent!: () => void;
    const token = new Promise<void>((resolve) => (tokenSent = resolve));
    p.on('request', (r) => {
      if (!r.url().startsWith(`${stack.emulator.loginUrl}/oauth/token`)) return;
      order.push('token request');
      tokenSent();
    });
    // On the callback page, config.json is held until the token request has gone out (or 10 s have passed,
    // when the exchange waits for the config: then the order below is wrong and the test fails).
    await p.route('**/config.json', async (route) => {
      if (new URL(route.request().frame().url()).pathname === '/callback') {
        await Promise.race([token, new Promise((r) => setTimeout(r, 10_000))]);
        order.push('config.json answered');
      }
      await route.continue();
    });
    await signIn(p, stack);
    await p.waitForURL(`${stack.app}/`);
    await p.getByTestId('agent-count').waitFor();
    expect(order).toEqual(['token request', 'config.json answered']);
    await own.close();
  });

  it('logged no errors to the console (CSP violations included)', () => {
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([]);
  });
});

async function emulatorTruth(userId: string, start: string, end: string): Promise<number> {
  const login = await fetch(`${stack.emulator.loginUrl}/__emulator/events`);
  expect(login.status).toBe(200);
  const { tokenFor } = await import('@adhere/emulator/testing');
  const token = await tokenFor(stack.emulator);
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const mu = stack.emulator.centre.topology.managementUnits[0]!.id;
  const job = (await (
    await fetch(`${stack.emulator.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({
        timeZone: stack.emulator.centre.topology.managementUnits[0]!.timeZone,
        items: [{ managementUnitId: mu, startDate: start, endDate: end, userIds: [userId] }],
      }),
    })
  ).json()) as { job: { id: string } };
  for (;;) {
    const s = (await (
      await fetch(`${stack.emulator.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${job.job.id}`, {
        headers: h,
      })
    ).json()) as { job: { status: string }; downloadUrls?: string[] };
    if (s.job.status === 'Complete')
      return (
        (await (await fetch(s.downloadUrls![0]!)).json()) as { userResults: Array<{ adherencePercentage: number }> }
      ).userResults[0]!.adherencePercentage;
    await new Promise((r) => setTimeout(r, 100));
  }
}
