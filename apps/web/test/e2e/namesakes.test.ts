// Issue 22, item 5: two agents with the same name could not be told apart on the board, in the history picker
// or in the exception list. The emulator's unit has namesakes in different teams; a pair in one team is made by
// renaming one agent in Genesys's snapshot (as a real org can have), so the email is what tells them apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;
let page: Page;

const topo = () => stack.emulator.centre.topology;
const teamName = (id: string) => topo().teams.find((t) => t.id === id)!.name;

/** The unit's real namesakes: groups of agents sharing a name, in different teams. */
function realNamesakes() {
  const byName = new Map<string, ReturnType<typeof topo>['agents']>();
  for (const a of topo().agents) byName.set(a.name, [...(byName.get(a.name) ?? []), a]);
  return [...byName.values()].filter((g) => g.length > 1);
}

/** Two agents of one team, the second renamed to the first's name in the snapshot. */
function teammates() {
  const [a, b] = topo().agents.filter((x) => x.teamId === topo().agents[0]!.teamId);
  return { a: a!, b: b! };
}

beforeAll(async () => {
  stack = await startStack({ clock: 'manual', startTime: NOW });
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 900 } });
  await context.clock.setFixedTime(NOW);
  page = await context.newPage();
  const { a, b } = teammates();
  await page.route(/\/api\/v2\/workforcemanagement\/managementunits\/[^/]+\/adherence(\?.*)?$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { entities?: Array<{ user?: { id: string }; name?: string }> };
    for (const r of body.entities ?? []) if (r.user?.id === b.id) r.name = a.name;
    await route.fulfill({ response, json: body });
  });
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').filter({ hasText: '300 agents' }).waitFor({ timeout: 20_000 });
}, 60_000);
afterAll(() => stack?.close());

describe('namesakes told apart', () => {
  it('on the board: by team where the teams differ, by email where they do not', async () => {
    const groups = realNamesakes();
    expect(groups.length).toBeGreaterThan(0);
    const nameCell = (id: string) => page.locator(`.vtable-row[data-key="${id}"] [data-column="name"]`);
    for (const group of groups) {
      await page.getByLabel('Search').fill(group[0]!.name);
      for (const agent of group)
        await expect.poll(() => nameCell(agent.id).textContent()).toBe(`${agent.name} · ${teamName(agent.teamId)}`);
    }
    const { a, b } = teammates();
    await page.getByLabel('Search').fill(a.name);
    // Emails come from Genesys's users for these two only, a moment after the snapshot.
    await expect
      .poll(() => nameCell(b.id).textContent(), { timeout: 10_000 })
      .toBe(`${a.name} · ${teamName(a.teamId)}, ${b.email}`);
    expect(await nameCell(a.id).textContent()).toBe(`${a.name} · ${teamName(a.teamId)}, ${a.email}`);
    // The agent's day says which one it is, in its title.
    await nameCell(b.id).getByRole('button').click();
    await page
      .getByTestId('day-view')
      .getByRole('heading', { name: `${a.name} (${teamName(a.teamId)}, ${b.email}) today` })
      .waitFor();
    expect(await axeAudit(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByLabel('Search').fill('');
  });

  it('in the history picker: each namesake with their team', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    await page.locator('select[multiple] option').nth(299).waitFor({ state: 'attached', timeout: 20_000 });
    const options = await page.locator('select[multiple] option').allTextContents();
    for (const group of realNamesakes())
      for (const agent of group) expect(options).toContain(`${agent.name} (${teamName(agent.teamId)})`);
    // Everyone else by name alone; and no two options read the same.
    expect(options).toContain(topo().agents.find((x) => !realNamesakes().flat().includes(x))!.name);
    expect(new Set(options).size).toBe(options.length);
  });
});
