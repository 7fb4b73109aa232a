// Issue 21, item 2, in Chromium: the page's language from the browser, switchable in Settings and kept; <html lang
// dir> set; the translated parts (the top bar, navigation, help, theme and language choices) without a word of
// English in Japanese; axe-clean in every language; an unknown language falls back to English and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFixture } from '@adhere/testing/fixtures';
import { diagnose } from '@adhere/oauth';
import { artifacts, axeAudit, signIn, startStack, type Stack } from './harness.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0);
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ agents: 40, clock: 'manual', startTime: NOW });
}, 60_000);
afterAll(() => stack?.close());

async function signedInPage(locale: string): Promise<Page> {
  const context = await stack.browser.newContext({ bypassCSP: true, viewport: { width: 1366, height: 768 }, locale });
  await context.clock.setFixedTime(NOW);
  const page = await context.newPage();
  await page.goto(stack.app);
  // The sign-in page is in the browser's language too.
  const signInWords: Record<string, string> = { 'de-DE': 'Anmelden', 'ko-KR': 'Sign in' };
  await page.getByRole('button', { name: signInWords[locale] }).waitFor();
  await signIn(page, stack);
  await page.waitForURL(`${stack.app}/`);
  await page.getByTestId('agent-count').waitFor({ timeout: 20_000 });
  return page;
}
const htmlLang = (p: Page) => p.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const nav = (p: Page) => p.getByRole('navigation').locator('a').allTextContents();

describe('the page in the supervisor’s language', () => {
  it('follows the browser (German), and Settings switches it, kept across a reload; axe-clean in each', async () => {
    const page = await signedInPage('de-DE');
    expect(await htmlLang(page)).toEqual(['de', 'ltr']);
    expect(await nav(page)).toEqual(['Live-Board', 'Alle Einheiten', 'Verlauf', 'Einstellungen']);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count()).toBe(1);
    await page.screenshot({ path: `${artifacts}board-de-1366.png` });

    await page.getByRole('link', { name: 'Einstellungen' }).click();
    const language = page.getByLabel('Sprache');
    await language.waitFor();
    expect(await language.locator('option').first().textContent()).toBe('Wie der Browser (Deutsch)');
    const expected: Record<string, [string, string]> = {
      en: ['en', 'Settings'],
      es: ['es', 'Configuración'],
      'pt-BR': ['pt-BR', 'Configurações'],
      fr: ['fr', 'Paramètres'],
      ja: ['ja', '設定'],
      de: ['de', 'Einstellungen'],
    };
    for (const [value, [lang, settings]] of Object.entries(expected)) {
      await page.locator('label.language select').selectOption(value);
      await expect.poll(() => htmlLang(page)).toEqual([lang, 'ltr']);
      await expect.poll(() => nav(page)).toContain(settings);
      expect(await page.locator('#settings-title').textContent()).toBe(settings);
      expect(await axeAudit(page), value).toEqual([]);
    }
    // Japanese, kept across a reload; the translated parts carry no English word (names of products aside).
    await page.locator('label.language select').selectOption('ja');
    await page.reload();
    await expect.poll(() => htmlLang(page), { timeout: 15_000 }).toEqual(['ja', 'ltr']);
    const header = (await page.locator('header.top').innerText()).replace(/Adhere|Genesys Cloud/g, '');
    expect(header).not.toMatch(/[A-Za-z]{2,}/);
    // Settings' title, lead and headings too.
    const headings = await page.locator('section.settings').locator('h1, p.lead, h2').allInnerTexts();
    expect(headings.join(' ')).not.toMatch(/[A-Za-z]{2,}/);
    await page.screenshot({ path: `${artifacts}settings-ja-1366.png` });
    // The board in Japanese: its toolbar, counts, column headers and alerts carry no English word. Names, teams,
    // units and the org's activity codes are the org's own words (isolated in <bdi>), so they are left out.
    await page.getByRole('link', { name: 'ライブボード' }).click();
    await page.getByTestId('agent-count').filter({ hasText: '40' }).waitFor();
    await page.getByTestId('today').filter({ hasText: '今日これまで' }).waitFor({ timeout: 20_000 });
    const boardWords = await page.evaluate(() => {
      const parts = document.querySelectorAll('.toolbar-line, .counts, [role="columnheader"], .alerts, .situations');
      return [...parts]
        .map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          for (const org of copy.querySelectorAll('bdi, option')) org.remove();
          return copy.innerText ?? copy.textContent ?? '';
        })
        .join(' ');
    });
    expect(boardWords.replace(/Adhere|Genesys( Cloud)?|rem/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(await axeAudit(page), 'board in Japanese').toEqual([]);
    await page.screenshot({ path: `${artifacts}board-ja-1366.png` });
    await page.getByRole('link', { name: '設定' }).click();
    await page.locator('label.language select').selectOption('auto');
    await expect.poll(() => htmlLang(page)).toEqual(['de', 'ltr']);
    await page.context().close();
  });

  // History, the last screen translated: its form, summary, every view and the people's export in Japanese.
  it('history in Japanese: the form, the report, each view and the export say no English word; axe-clean', async () => {
    const page = await signedInPage('de-DE');
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await page.locator('label.language select').selectOption('ja');
    await expect.poll(() => htmlLang(page)).toEqual(['ja', 'ltr']);
    await page.getByRole('link', { name: '履歴' }).click();
    await page.getByRole('heading', { name: '遵守の履歴' }).waitFor();
    await page.getByRole('button', { name: '実行' }).click();
    await page.getByTestId('average-adherence').waitFor({ timeout: 30_000 });
    // The org's words (names, units, teams, activity codes) are in <bdi> or options; zones are IANA names; product
    // and file-format names stay as they are. An exception's cells carry Genesys's own value as their tooltip
    // ("OnQueueWork"), for matching with Genesys's API: not words, so not read.
    const english = () =>
      page.evaluate(() => {
        const copy = document.querySelector('section.history')!.cloneNode(true) as HTMLElement;
        for (const org of copy.querySelectorAll('bdi, option, [data-testid="report-zone"]')) org.remove();
        for (const raw of copy.querySelectorAll('table.exceptions td[title]')) raw.removeAttribute('title');
        const text = `${copy.textContent ?? ''} ${[...copy.querySelectorAll('[aria-label], [title]')]
          .map((el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`)
          .join(' ')}`;
        return text
          .replace(/[A-Z][a-z]+\/[A-Za-z_]+/g, '')
          .replace(/Exceptions Duration|Adherence|Adhere|Genesys|CSV|Excel|xlsx|h:mm|UTC/g, '')
          .match(/[A-Za-z]{2,}/g);
      });
    expect(await english(), 'the agents view').toBeNull();
    expect(await axeAudit(page), 'history in Japanese').toEqual([]);
    await page.screenshot({ path: `${artifacts}history-ja-1366.png`, fullPage: true });
    for (const view of ['日と週', 'チーム', '例外', '週のどの時間帯か', 'パターン']) {
      await page.getByRole('button', { name: view, exact: true }).click();
      await expect.poll(english, { message: view }).toBeNull();
      expect(await axeAudit(page), view).toEqual([]);
    }
    // The export for people: headers in the page's language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'エージェント別にエクスポート（CSV）' }).click(),
    ]);
    const header = (await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!;
    expect(header.split(',').slice(0, 3)).toEqual(['エージェント', 'エージェント ID', '遵守率 %']);
    await page.context().close();
  });

  it('the Sign-in Doctor in German: each finding and its fix in German, the evidence as seen; axe-clean', async () => {
    const forum = await readFixture('forum-post.curl.txt');
    const english = (await diagnose(forum)).findings;
    const context = await stack.browser.newContext({
      bypassCSP: true,
      viewport: { width: 1366, height: 768 },
      locale: 'de-DE',
    });
    const page = await context.newPage();
    await page.goto(`${stack.app}/doctor`);
    await page.getByLabel('Fehlgeschlagener Austausch').fill(forum);
    await page.getByRole('button', { name: 'Diagnostizieren' }).click();
    const list = page.getByRole('list', { name: 'Befunde' });
    await list.waitFor();
    expect(await list.locator('li').count()).toBe(english.length);
    expect(await page.locator('[data-code="token_on_api_host"]').textContent()).toContain(
      'Die Token-Anfrage ging an den API-Host api.mypurecloud.com',
    );
    expect(await page.locator('[data-code="token_on_api_host"]').textContent()).toContain(
      'Senden Sie POST an https://login.mypurecloud.com/oauth/token.',
    );
    // Not one of the library's English sentences is on the page; what was seen is shown as it was, the notation
    // around it in German.
    const text = (await list.textContent()) ?? '';
    for (const f of english) {
      expect(text).not.toContain(f.message);
      expect(text).not.toContain(f.fix);
      if (!/[(<]/.test(f.evidence)) expect(text).toContain(f.evidence);
    }
    expect(await page.locator('[data-code="client_id_missing"] code').textContent()).toBe('client_id: (fehlt)');
    expect(await page.locator('[data-code="basic_auth_sent"] code').textContent()).toMatch(
      /^Authorization: Basic <geschwärzt, Benutzer "[^"]+">$/,
    );
    expect(text).not.toMatch(/\(missing\)|<redacted/);
    expect(await axeAudit(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}doctor-de-1366.png`, fullPage: true });
    await context.close();
  });

  it('a browser language Adhere does not speak: English, and the page says why', async () => {
    const page = await signedInPage('ko-KR');
    expect(await htmlLang(page)).toEqual(['en', 'ltr']);
    expect(await page.getByTestId('language-note').textContent()).toMatch(
      /^Adhere does not speak “ko(-KR)?” yet, so it is shown in English\.$/,
    );
    expect(await axeAudit(page)).toEqual([]);
    await page.context().close();
  });
});
