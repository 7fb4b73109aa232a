// Issue 24, items 2 and 3: a deployed app whose config.json is broken refuses to start and says why; it never
// falls back to the local emulator (localhost:4010) and never shows a blank page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, startStack, type Stack } from './harness.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ agents: 20, clock: 'manual' });
}, 60_000);
afterAll(() => stack?.close());

const GOOD = () => ({ clientId: 'adhere-e2e', redirectUri: `${stack.app}/callback` });

describe('a broken config.json', () => {
  it.each([
    ['not JSON', () => ({ status: 200, body: '{"clientId": "adhere-e2e",' }), 'not JSON'],
    ['an HTML page', () => ({ status: 200, body: '<!doctype html><title>x</title>' }), 'not JSON'],
    ['a JSON array', () => ({ status: 200, body: '[]' }), 'must be a JSON object'],
    ['missing (404)', () => ({ status: 404, body: 'not found' }), 'answered 404'],
    [
      'region "__proto__"',
      () => ({ status: 200, body: JSON.stringify({ ...GOOD(), region: '__proto__' }) }),
      'is not a Genesys Cloud region',
    ],
    [
      'region "constructor"',
      () => ({ status: 200, body: JSON.stringify({ ...GOOD(), region: 'constructor' }) }),
      'is not a Genesys Cloud region',
    ],
    [
      'a client secret',
      () => ({ status: 200, body: JSON.stringify({ ...GOOD(), region: 'eu_west_1', clientSecret: 'hunter2' }) }),
      'holds a secret',
    ],
    [
      'a login host that is not the emulator',
      () => ({ status: 200, body: JSON.stringify({ ...GOOD(), loginBaseUrl: 'https://login.evil.example' }) }),
      'may only point at the local emulator',
    ],
  ])('%s: the app refuses to start and names it', async (name, answer, words) => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.app)) elsewhere.push(r.url());
    });
    await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', ...answer() }));
    await page.goto(stack.app);
    await page.getByRole('heading', { name: 'Adhere cannot start: its configuration is wrong' }).waitFor();
    expect(await page.getByTestId('config-error').textContent()).toContain(words);
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    if (name === 'not JSON') await page.screenshot({ path: `${artifacts}config-refused.png` });
    await context.close();
  });

  it('in the browser’s language: a Japanese browser is told in Japanese, each problem and its fix', async () => {
    const context = await stack.browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          clientId: '0b4e3d52-9c5a-4c53-9d0e-2a7f0d6f1c11',
          region: 'eu_west_1',
          redirectUri: 'http://a.example/callback',
          colour: 1,
        }),
      }),
    );
    await page.goto(stack.app);
    await page.getByRole('heading', { name: 'Adhere を起動できません: 構成が正しくありません' }).waitFor();
    const problems = await page.getByTestId('config-error').locator('li').allTextContents();
    expect(problems).toEqual([
      'config.json にアプリが読まないキーがあります: "colour"。 取り除いてください。アプリが読むのは region, clientId, redirectUri, scope, embeddable, loginBaseUrl, apiBaseUrl, appsBaseUrl だけです。',
      'redirectUri が https ではありません（http を使えるのはループバックアドレスだけ）。コードが暗号化されずに送られます。 アプリを https で配信し、https の URI を登録してください。',
    ]);
    await page.screenshot({ path: `${artifacts}config-refused-ja.png` });
    await context.close();
  });

  it('the served config (the emulator on loopback) still starts the app', async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.app);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.close();
  });
});
