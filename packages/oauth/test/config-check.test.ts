// `adhere doctor --config`: an app's config.json checked offline, one cause at a time.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '@adhere/oauth';
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
  });

  it.each([
    ['an unknown region', { ...GOOD, region: 'eu-west-9' }, 'config_region_unknown'],
    ['no region and no hosts', { clientId: GOOD.clientId, redirectUri: GOOD.redirectUri }, 'config_region_missing'],
    [
      'an api. host as login host',
      { ...GOOD, region: undefined, loginBaseUrl: 'https://api.mypurecloud.ie' },
      'config_login_on_api_host',
    ],
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
  ])('%s', (_name, value, code) => {
    expect(codes(value)).toEqual([code]);
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
    expect((await run(['doctor', '--config', await write('broken.json', '{')])).code).toBe(2);
  });
});
