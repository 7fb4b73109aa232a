// Regression tests for the red-team findings against the app and its server (issue 11, items 2, 9, 10, 11, 15, 16).
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAuthError } from '@adhere/oauth';
import { serveApp } from '../scripts/serve.mjs';
import { callbackOutcome } from '../src/auth/callback-outcome.js';
import { toCsv } from '../src/history/csv.js';
import { safeReturnPath } from '../src/router.js';

describe('the static server (items 2 and 11)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'adhere-serve-'));
    await mkdir(join(root, 'dist', 'assets'), { recursive: true });
    await mkdir(join(root, 'dist-ssr'), { recursive: true });
    await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(root, 'dist', 'assets', 'app.js'), 'export {}');
    await writeFile(join(root, 'dist-ssr', 'secret.js'), 'SIBLING SECRET');
    server = await serveApp({ port: 0, distDir: join(root, 'dist'), config: { clientId: 'x' } });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('GET /% is a 400, and the server keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/a%zz']) expect((await fetch(`${base}${path}`)).status).toBe(400);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('a sibling folder whose name starts like dist is not served', async () => {
    for (const path of ['/..%2fdist-ssr/secret.js', '/%2e%2e/dist-ssr/secret.js', '/..%5cdist-ssr%5csecret.js']) {
      const res = await fetch(`${base}${path}`);
      expect(await res.text()).not.toContain('SIBLING SECRET');
    }
  });
});

describe('safeReturnPath (item 15)', () => {
  const origin = 'https://app.example';
  it.each([
    '/.//evil.com',
    '/%2e//evil.com',
    '/a/..//evil.com',
    '/./\\evil.com',
    '//evil.com',
    '/\\evil.com',
    'https://evil.com',
    '/callback?x=1',
  ])('%s → /', (p) => {
    expect(safeReturnPath(p, origin)).toBe('/');
  });
  it.each(['/history?mu=1#top', '/board', '/a/b/../c'])('%s stays in the app', (p) => {
    expect(safeReturnPath(p, origin)).toBe(
      new URL(p, origin).pathname + new URL(p, origin).search + new URL(p, origin).hash,
    );
  });
});

describe('CSV formula injection (item 10)', () => {
  it('text that a spreadsheet would run is neutralised; numbers, negatives included, are not', () => {
    const csv = toCsv([
      ['=HYPERLINK("http://x")', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx', 'Ada, "Lovelace"', -5, 12.5],
    ]);
    expect(csv).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-cmd,'@SUM(A1),'\tx,"'\rx","Ada, ""Lovelace""",-5,12.5\r\n`);
  });
});

describe('what a failed callback means (items 9 and 16)', () => {
  const forged =
    'https://app.example/callback?error=access_denied&error_description=Call%20this%20number&state=not-ours';
  it("an error link without this tab's state is ignored, its text not passed on", () => {
    expect(callbackOutcome(new OAuthError('state_mismatch', 'x'), forged, false)).toEqual({
      kind: 'failed',
      callbackUrl: undefined,
      ignoredErrorLink: true,
    });
    expect(callbackOutcome(new OAuthError('transaction_missing', 'x'), forged, false)).toEqual({
      kind: 'failed',
      callbackUrl: undefined,
      ignoredErrorLink: true,
    });
  });
  it("an error this tab asked for is the login server's words", () => {
    const real = 'https://app.example/callback?error=access_denied&state=ours';
    expect(
      callbackOutcome(new OAuthError('authorization_denied', 'x', { error: 'access_denied' }), real, false),
    ).toEqual({ kind: 'failed', callbackUrl: real, ignoredErrorLink: false });
  });
  it('a used callback URL reopened while signed in goes to the app', () => {
    const used = 'https://app.example/callback?code=old&state=old';
    expect(callbackOutcome(new OAuthError('transaction_missing', 'x'), used, true)).toEqual({ kind: 'go-to-app' });
    expect(callbackOutcome(new OAuthError('transaction_missing', 'x'), used, false)).toMatchObject({
      kind: 'failed',
      callbackUrl: used,
    });
  });
  it('a real failure while signed in is still shown (invalid_grant is not a stale link)', () => {
    expect(
      callbackOutcome(new OAuthError('invalid_grant', 'x'), 'https://app.example/callback?code=c&state=s', true),
    ).toMatchObject({ kind: 'failed' });
  });
});

// Issue 25, item 4: OWASP's payloads behind what a spreadsheet skips, and the look-alike signs.
describe('CSV formula escaping looks through leading blanks and look-alike signs', () => {
  it.each([
    ['a line feed', '\n=1+1'],
    ['a space', ' =1+1'],
    ['spaces and a tab', "  \t=cmd|' /C calc'!A0"],
    ['a no-break space', '\u00A0=1+1'],
    ['a zero-width space', '\u200B=HYPERLINK("http://x")'],
    ['a byte-order mark', '\uFEFF@SUM(A1)'],
    ['a full-width equals', '\uFF1D1+1'],
    ['a full-width plus', '\uFF0B1+1'],
    ['a small plus', '\uFE621+1'],
    ['a full-width minus', '\uFF0D1'],
    ['a full-width at', '\uFF20SUM(A1)'],
    ['a small equals', '\uFE661'],
    ['OWASP DDE', "=cmd|' /C calc'!A0"],
    ['OWASP with a leading plus', "+cmd|' /C calc'!A0"],
    ['OWASP @SUM', "@SUM(1+9)*cmd|' /C calc'!A0"],
  ])('%s: gets the apostrophe', (_name, value) => {
    const line = toCsv([[value]]).replace(/\r\n$/, '');
    const unquoted = line.startsWith('"') ? line.slice(1, -1).replace(/""/g, '"') : line;
    expect(unquoted).toBe(`'${value}`);
  });

  it.each(['Ada Lovelace', ' Ada', 'O\u2019Brien', '100%', 'a=b', '3-2'])('%s stays as it is', (value) => {
    expect(toCsv([[value]])).toBe(`${value}\r\n`);
  });
});
