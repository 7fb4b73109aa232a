// Issue 21, item 1: the values Genesys Cloud puts into a client app's URL, checked against the deployment before
// anything is sent to that origin. A forged or missing value is refused with what was wrong, never followed.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from '@adhere/oauth';
import type { ResolvedConfig } from '../src/config.js';
import { readEmbedding } from '../src/embedding/genesys-host.js';
import { said } from '../src/i18n/i18n.js';

const IE: ResolvedConfig = {
  region: 'eu_west_1',
  clientId: 'c',
  redirectUri: 'https://adhere.example/callback',
  loginBaseUrl: 'https://login.mypurecloud.ie',
  apiBaseUrl: 'https://api.mypurecloud.ie',
  embeddable: true,
  genesysHost: { origin: 'https://apps.mypurecloud.ie', targetEnv: 'prod-euw1' },
};
const EMULATOR: ResolvedConfig = {
  ...IE,
  region: undefined,
  genesysHost: { origin: 'http://localhost:4013', targetEnv: undefined },
};
const url = (q: Record<string, string>) => `https://adhere.example/?${new URLSearchParams(q)}`;
const GOOD = { gcHostOrigin: 'https://apps.mypurecloud.ie', gcTargetEnv: 'prod-euw1', gcLangTag: 'pt-br' };
const problems = (href: string, config = IE, extra = {}) => {
  const e = readEmbedding({ href, config, framed: true, ...extra });
  return e.kind === 'refused' ? e.problems.map(said) : [];
};

describe('inside Genesys Cloud or not', () => {
  it("framed by the region's Genesys Cloud with its values: embedded, language as a BCP 47 tag", () => {
    expect(readEmbedding({ href: url(GOOD), config: IE, framed: true })).toEqual({
      kind: 'embedded',
      hostOrigin: 'https://apps.mypurecloud.ie',
      targetEnv: 'prod-euw1',
      language: 'pt-BR',
      languageProblem: undefined,
    });
    // The browser's own list of framers agrees.
    expect(
      readEmbedding({ href: url(GOOD), config: IE, framed: true, ancestorOrigins: ['https://apps.mypurecloud.ie'] })
        .kind,
    ).toBe('embedded');
  });

  it('not framed: standalone, whatever the address says (nothing is ever posted to its values)', () => {
    expect(
      readEmbedding({ href: url({ ...GOOD, gcHostOrigin: 'https://evil.example' }), config: IE, framed: false }),
    ).toEqual({
      kind: 'standalone',
    });
  });

  it.each([
    ['no values at all', {}, [/no gcHostOrigin/, /no gcTargetEnv/]],
    [
      'another region',
      { ...GOOD, gcHostOrigin: 'https://apps.mypurecloud.com' },
      [/is not this deployment’s Genesys Cloud \(https:\/\/apps\.mypurecloud\.ie\)/],
    ],
    [
      'a look-alike host',
      { ...GOOD, gcHostOrigin: 'https://apps.mypurecloud.ie.evil.example' },
      [/is not this deployment’s/],
    ],
    ['an origin with a path', { ...GOOD, gcHostOrigin: 'https://apps.mypurecloud.ie/x' }, [/is not this deployment’s/]],
    ['http instead of https', { ...GOOD, gcHostOrigin: 'http://apps.mypurecloud.ie' }, [/is not this deployment’s/]],
    ['the wrong environment name', { ...GOOD, gcTargetEnv: 'prod' }, [/gcTargetEnv "prod" is not prod-euw1/]],
    [
      'markup in a value',
      { ...GOOD, gcTargetEnv: '<img src=x onerror=alert(1)>' },
      [/gcTargetEnv "<img src=x onerror=alert\(1\)>" is not/],
    ],
  ])('refused: %s', (_name, query, expected) => {
    const found = problems(url(query));
    expect(found).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(found[i]).toMatch(re));
  });

  it('refused: a value of 10,000 characters is named cut short, in bounded time', () => {
    const [problem] = problems(url({ ...GOOD, gcHostOrigin: 'x'.repeat(10_000) }));
    expect(problem).toMatch(/^gcHostOrigin "x{80}…" is not/);
    expect(problem!.length).toBeLessThan(300);
  });

  it('refused: the browser says another page frames the app, whatever the address claims', () => {
    expect(problems(url(GOOD), IE, { ancestorOrigins: ['https://evil.example'] })).toEqual([
      'Adhere is framed by https://evil.example, not by https://apps.mypurecloud.ie as the address says.',
    ]);
  });

  it('refused: framed, but the deployment is not embeddable', () => {
    const { genesysHost: _, ...standalone } = IE;
    expect(problems(url(GOOD), { ...standalone, embeddable: false })[0]).toMatch(
      /not set up to run inside Genesys Cloud/,
    );
  });

  it("the emulator's page: its origin exactly, and any environment name the Client App SDK knows", () => {
    const q = { gcHostOrigin: 'http://localhost:4013', gcTargetEnv: 'prod' };
    expect(readEmbedding({ href: url(q), config: EMULATOR, framed: true }).kind).toBe('embedded');
    expect(problems(url({ ...q, gcTargetEnv: 'prod-nowhere' }), EMULATOR)).toEqual([
      'gcTargetEnv "prod-nowhere" is not a Genesys Cloud environment.',
    ]);
  });

  it('a reload of the frame on a deeper path keeps the values it was first opened with', () => {
    const storage = createMemoryStorage();
    expect(readEmbedding({ href: url(GOOD), config: IE, framed: true, storage }).kind).toBe('embedded');
    expect(readEmbedding({ href: 'https://adhere.example/history', config: IE, framed: true, storage }).kind).toBe(
      'embedded',
    );
    // A garbled keep is dropped, not believed.
    storage.setItem('adhere.genesysHost', '{not json');
    expect(problems('https://adhere.example/history', IE, { storage })[0]).toMatch(/no gcHostOrigin/);
  });

  it.each([
    ['not a tag', 'en_US!'],
    ['10,000 characters', 'de-'.repeat(3_334)],
  ])('a language that is %s: English, and what was wrong said', (_name, tag) => {
    const e = readEmbedding({ href: url({ ...GOOD, gcLangTag: tag }), config: IE, framed: true });
    expect(e.kind === 'embedded' && e.language).toBe(undefined);
    expect(e.kind === 'embedded' && e.languageProblem && said(e.languageProblem)).toMatch(
      /which is not a language tag; Adhere uses English\.$/,
    );
  });
});
