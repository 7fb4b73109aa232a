// Sign-in accounts with any set of permissions (`--users FILE`): read and checked, then each user gets exactly
// the permissions given, over REST and the notification topics alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsFromArgs, startEmulator, type Emulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';

const dir = mkdtempSync(join(tmpdir(), 'adhere-users-'));
const file = (name: string, body: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
};
const REPORTER = {
  email: 'Reporter@Example.test',
  password: 'reports-only',
  name: 'Robin Reporter',
  permissions: ['wfm:historicalAdherence:view', 'groups:team:view'],
};

let emulator: Emulator;
beforeAll(async () => {
  const options = await optionsFromArgs(['--users', file('users.json', [REPORTER]), '--agents', '200']);
  if (options === 'help') throw new Error('unexpected help');
  emulator = await startEmulator({ ...options, port: 0, clock: 'manual', log: () => {} });
});
afterAll(() => emulator.close());

describe('--users FILE', () => {
  it('a user from the file signs in and holds exactly the permissions given', async () => {
    const token = await tokenFor(emulator, 'reporter@example.test', 'reports-only');
    const get = (path: string) => fetch(`${emulator.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const me = (await (await get('/api/v2/users/me?expand=authorization')).json()) as any;
    expect(me.name).toBe('Robin Reporter');
    expect(me.authorization.permissions).toEqual(REPORTER.permissions);
    // Real-time adherence is not among them: 403 with the permission named, as Genesys answers.
    const mu = emulator.centre.topology.managementUnits[0]!;
    const refused = await get(`/api/v2/workforcemanagement/managementunits/${mu.id}/adherence`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).code).toBe('missing.any.permissions');
    // Teams are.
    expect((await get('/api/v2/teams')).status).toBe(200);
    // The same id on every start: a bookmark or a test can name the user.
    const again = await startEmulator({ agents: 10, users: [REPORTER] });
    try {
      expect(again.context.directory.findByEmail(REPORTER.email)!.id).toBe(me.id);
    } finally {
      await again.close();
    }
  });

  it('a wrong file is refused with the entry and field named', async () => {
    const cases: Array<[unknown, RegExp]> = [
      ['{not json', /cannot read users file/],
      [{ email: 'a@b.c' }, /expected a JSON array/],
      [[{ ...REPORTER, permissions: ['wfm realtime'] }], /\[0\]\.permissions: "wfm realtime" is not a permission/],
      [[{ ...REPORTER, role: 'admin' }], /\[0\]: unknown key "role"/],
      [
        [REPORTER, { ...REPORTER, email: 'REPORTER@example.test' }],
        /\[1\]\.email reporter@example\.test is listed twice/,
      ],
      [[{ ...REPORTER, password: '' }], /\[0\]\.password must be a non-empty string/],
      [[{ ...REPORTER, email: 'not-an-email' }], /\[0\]\.email must be an email address/],
    ];
    for (const [body, message] of cases)
      await expect(optionsFromArgs(['--users', file('bad.json', body)]), JSON.stringify(body)).rejects.toThrow(message);
    await expect(
      startEmulator({ agents: 10, users: [{ ...REPORTER, email: 'supervisor@adhere.local' }] }),
    ).rejects.toThrow(/supervisor@adhere\.local is already a seeded account/);
  });
});
