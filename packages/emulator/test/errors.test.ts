// Every public failure path of the emulator is an EmulatorError with a stable code, a name and (where
// there was one) a cause.
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInAt } from '@adhere/emulator/testing';
import {
  ClientRegistryError,
  CliUsageError,
  isEmulatorError,
  loadClientsFile,
  optionsFromArgs,
  startEmulator,
} from '../src/index.js';

describe('EmulatorError family', () => {
  it('a clients file that is missing, not JSON or holds a bad client: ClientRegistryError invalid_clients_file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'adhere-clients-'));
    await writeFile(join(dir, 'bad.json'), '{not json');
    await writeFile(join(dir, 'secret.json'), JSON.stringify([{ id: 'spa', type: 'public', secret: 'x' }]));
    for (const file of ['missing.json', 'bad.json', 'secret.json']) {
      const err = await loadClientsFile(join(dir, file)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClientRegistryError);
      expect(err).toMatchObject({ name: 'ClientRegistryError', code: 'invalid_clients_file' });
      expect(isEmulatorError(err)).toBe(true);
    }
    expect(((await loadClientsFile(join(dir, 'missing.json')).catch((e: Error) => e)) as Error).cause).toBeDefined();
  });

  it('a bad command-line option: CliUsageError invalid_option naming it', async () => {
    const err = await optionsFromArgs(['--rate-429', '2']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliUsageError);
    expect(err).toMatchObject({
      name: 'CliUsageError',
      code: 'invalid_option',
      message: expect.stringContaining('--rate-429'),
    });
    expect(await optionsFromArgs(['--nope']).catch((e: unknown) => isEmulatorError(e))).toBe(true);
  });

  it('fault options out of range, as options or at run time: invalid_option, nothing applied', async () => {
    await expect(startEmulator({ agents: 5, clock: 'manual', faults: { latencyMs: 3e9 } })).rejects.toMatchObject({
      name: 'EmulatorError',
      code: 'invalid_option',
    });
    await expect(startEmulator({ agents: 5, clock: 'manual', agentsPerBusinessUnit: 0 })).rejects.toMatchObject({
      name: 'EmulatorError',
      code: 'invalid_option',
      message: expect.stringContaining('agentsPerBusinessUnit'),
    });
    const e = await startEmulator({ agents: 5, clock: 'manual' });
    try {
      expect(() => e.context.faults.set({ rate5xx: -1 })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
      expect(e.context.faults.options.rate5xx).toBe(0);
    } finally {
      await e.close();
    }
  });

  it('a sign-in that cannot finish: sign_in_failed', async () => {
    const e = await startEmulator({ agents: 5, clock: 'manual' });
    try {
      const err = await signInAt(`${e.loginUrl}/oauth/authorize?client_id=nobody`).catch((x: unknown) => x);
      expect(err).toMatchObject({ name: 'EmulatorError', code: 'sign_in_failed' });
    } finally {
      await e.close();
    }
  });
});
