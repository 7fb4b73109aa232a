// `adhere doctor --config`: an app's config.json checked offline, one cause at a time.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, checkConfig, checkConfigText } from '@adhere/oauth';
import { runCli } from '../src/cli/doctor.js';

const GOOD = {
  region: 'eu_west_1',
  clientId: '7f1c3a9e-2b4d-4c6e-8f10-123456789abc',
  redirectUri: 'https://adhere.example/callback',
};
const codes = (value: unknown) => checkConfig(value).findings.map((f) => f.code);

describe('checkConfig', () => {
  it('a good config has no findings', () => {
    expect(checkConfig(GOOD)).toEqual({ findings: [], ok: true });
    expect(codes({ ...GOOD, region: 'mypurecloud.ie', scope: 'workforce-management:readonly notifications' })).toEqual(
      [],
    );
    expect(codes({ ...GOOD, redirectUri: 'http://localhost:3000/callback' })).toEqual([]);
    // Inside Genesys Cloud: a region's own apps host, or the emulator's page.
    expect(codes({ ...GOOD, embeddable: true })).toEqual([]);
    expect(
      codes({
        clientId: GOOD.clientId,
        redirectUri: 'http://localhost:3000/callback',
        loginBaseUrl: 'http://localhost:4010',
        embeddable: true,
        appsBaseUrl: 'http://localhost:4013',
      }),
    ).toEqual([]);
    expect(
      codes({
        clientId: GOOD.clientId,
        redirectUri: GOOD.redirectUri,
        loginBaseUrl: 'http://localhost:4010',
        embeddable: true,
      }),
    ).toEqual(['config_embeddable_invalid']);
  });

  it.each([
    ['an unknown region', { ...GOOD, region: 'eu-west-9' }, 'config_region_unknown'],
    ['no region and no hosts', { clientId: GOOD.clientId, redirectUri: GOOD.redirectUri }, 'config_region_missing'],
    ['no client id', { ...GOOD, clientId: '' }, 'config_client_id_missing'],
    ['a client name instead of its id', { ...GOOD, clientId: 'Adhere SPA' }, 'config_client_id_malformed'],
    ['a client secret', { ...GOOD, clientSecret: 'abc' }, 'config_secret_present'],
    ['no redirect URI', { ...GOOD, redirectUri: undefined }, 'config_redirect_missing'],
    ['a relative redirect URI', { ...GOOD, redirectUri: '/callback' }, 'config_redirect_invalid'],
    ['a fragment in the redirect URI', { ...GOOD, redirectUri: 'https://a.example/cb#x' }, 'config_redirect_invalid'],
    ['http to a public host', { ...GOOD, redirectUri: 'http://adhere.example/callback' }, 'config_redirect_not_https'],
    ['scope as a list', { ...GOOD, scope: ['notifications'] }, 'config_scope_invalid'],
    ['a misspelt scope', { ...GOOD, scope: 'workforce-managment:readonly' }, 'config_scope_unknown'],
    ['not an object', [GOOD], 'config_invalid'],
    ['embeddable as a string', { ...GOOD, embeddable: 'yes' }, 'config_embeddable_invalid'],
    // The Client App SDK lists no apps host in eusc_de_east_1: framing there is unconfirmed, so refused.
    [
      'embeddable in a region without client apps',
      { ...GOOD, region: 'eusc_de_east_1', embeddable: true },
      'config_embeddable_invalid',
    ],
    [
      'an apps host that is not the local emulator',
      { ...GOOD, appsBaseUrl: 'https://apps.evil.example' },
      'config_base_url_not_local',
    ],
  ])('%s', (_name, value, code) => {
    expect(codes(value)).toEqual([code]);
  });

  it('an api. host as login host is named, beside a host that is not the emulator', () => {
    expect(codes({ ...GOOD, region: undefined, loginBaseUrl: 'https://api.mypurecloud.ie' }).sort()).toEqual([
      'config_base_url_not_local',
      'config_login_on_api_host',
    ]);
  });

  // Issue 23, item 3: configs the check used to pass with "No errors found".
  it.each([
    [
      'a nested client secret',
      { ...GOOD, oauth: { clientSecret: 'x' } },
      ['config_key_unknown', 'config_secret_present'],
    ],
    [
      'a password anywhere',
      { ...GOOD, emulator: [{ password: 'x' }] },
      ['config_key_unknown', 'config_secret_present'],
    ],
    ['region "__proto__"', { ...GOOD, region: '__proto__' }, ['config_region_unknown']],
    ['region "constructor"', { ...GOOD, region: 'constructor' }, ['config_region_unknown']],
    ['region "toString"', { ...GOOD, region: 'toString' }, ['config_region_unknown']],
    [
      'a redirect URI with user information',
      { ...GOOD, redirectUri: 'https://user:pass@adhere.example/callback' },
      ['config_redirect_invalid'],
    ],
    [
      'hosts that are not the emulator',
      { ...GOOD, loginBaseUrl: 'https://login.evil.example', apiBaseUrl: 'https://api.evil.example' },
      ['config_base_url_not_local', 'config_base_url_not_local'],
    ],
    ['a key the app does not read', { ...GOOD, clientID: 'x' }, ['config_key_unknown']],
  ])('%s', (_name, value, expected) => {
    expect(codes(value).sort()).toEqual([...expected].sort());
    expect(checkConfig(value).ok).toBe(false);
  });

  it('names region "__proto__" and "constructor" as unknown, with the known regions (no prototype lookup)', () => {
    const finding = checkConfig({ ...GOOD, region: '__proto__' }).findings[0]!;
    expect(finding.fix).toContain('eu_west_1');
    // JSON.parse makes "__proto__" an own key, as a config.json file would.
    expect(
      codes(JSON.parse(`{"region":"__proto__","clientId":"${GOOD.clientId}","redirectUri":"${GOOD.redirectUri}"}`)),
    ).toEqual(['config_region_unknown']);
  });

  it('the emulator config (loopback hosts, a non-UUID client id) passes', () => {
    expect(
      codes({
        clientId: 'adhere-local',
        redirectUri: 'http://localhost:3000/callback',
        loginBaseUrl: 'http://localhost:4010',
        apiBaseUrl: 'http://127.0.0.1:4011',
      }),
    ).toEqual([]);
  });

  it('checkConfigText: not JSON, too large, and a good text', () => {
    expect(checkConfigText('{').findings.map((f) => f.code)).toEqual(['config_not_json']);
    expect(checkConfigText('<html>').findings.map((f) => f.code)).toEqual(['config_not_json']);
    expect(checkConfigText(' '.repeat(MAX_CONFIG_BYTES + 1)).findings.map((f) => f.code)).toEqual(['config_too_large']);
    expect(checkConfigText('[]').findings.map((f) => f.code)).toEqual(['config_invalid']);
    expect(checkConfigText(JSON.stringify(GOOD)).ok).toBe(true);
  });

  it('adhere doctor --config prints the findings and exits 1 on errors, 0 when clean, 2 when unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adhere-config-'));
    const write = async (name: string, text: string) => (await writeFile(join(dir, name), text), join(dir, name));
    const run = async (argv: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(argv, {
        stdout: (t) => void (out += t),
        stderr: (t) => void (err += t),
        readStdin: async () => '',
      });
      return { code, out, err };
    };
    const bad = await run([
      'doctor',
      '--config',
      await write('bad.json', JSON.stringify({ ...GOOD, clientSecret: 's3cr3t-value' })),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('config_secret_present');
    expect(bad.out).not.toContain('s3cr3t-value');
    expect((await run(['doctor', '--config', await write('good.json', JSON.stringify(GOOD)), '--json'])).code).toBe(0);
    const broken = await run(['doctor', '--config', await write('broken.json', '{')]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('config_not_json');
    expect((await run(['doctor', '--config', join(dir, 'missing.json')])).code).toBe(2);
    // Issue 23, item 3: each of these used to print "No errors found" and exit 0.
    for (const [name, text, code] of [
      ['nested.json', JSON.stringify({ ...GOOD, oauth: { clientSecret: 'hunter2-secret' } }), 'config_secret_present'],
      ['proto.json', JSON.stringify({ ...GOOD, region: '__proto__' }), 'config_region_unknown'],
      ['ctor.json', JSON.stringify({ ...GOOD, region: 'constructor' }), 'config_region_unknown'],
      [
        'userinfo.json',
        JSON.stringify({ ...GOOD, redirectUri: 'https://u:p@a.example/cb' }),
        'config_redirect_invalid',
      ],
      ['hosts.json', JSON.stringify({ ...GOOD, loginBaseUrl: 'https://x.example' }), 'config_base_url_not_local'],
      ['huge.json', JSON.stringify({ ...GOOD, pad: 'x'.repeat(5_000_000) }), 'config_too_large'],
    ] as const) {
      const r = await run(['doctor', '--config', await write(name, text)]);
      expect(r.code, name).toBe(1);
      expect(r.out, name).toContain(code);
      expect(r.out).not.toContain('hunter2');
      expect(r.out).not.toContain('No errors found');
    }
  });
});
