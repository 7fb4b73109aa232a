import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/doctor.js';
import { fixturePath, readFixture } from '@adhere/testing/fixtures';

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}

describe('adhere doctor', () => {
  it('prints each cause with evidence and fix, and exits 1 when it finds errors', async () => {
    const r = await run(['doctor', fixturePath('forum-post.curl.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^4 problems found:/);
    for (const code of ['token_on_api_host', 'authorize_on_api_host', 'basic_auth_sent', 'client_id_missing'])
      expect(r.out).toContain(code);
    expect(r.out).toContain('fix:  POST to https://login.mypurecloud.com/oauth/token.');
    expect(r.out).not.toContain('s3cret');
  });

  it('--json prints the Diagnosis, from a HAR read on standard input', async () => {
    const { readFile } = await import('node:fs/promises');
    const r = await run(['doctor', '-', '--json'], await readFile(fixturePath('padded-verifier.har'), 'utf8'));
    const parsed = JSON.parse(r.out) as { ok: boolean; findings: { code: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.findings.map((f) => f.code)).toContain('verifier_padded');
  });

  it('applies --region and --authorize-url to a JSON record', async () => {
    const r = await run(['doctor', fixturePath('forum-post-exchange.json'), '--json', '--region', 'eu_west_1']);
    expect((JSON.parse(r.out) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain(
      'region_mismatch',
    );
  });

  it.each([
    [[], 2, /Usage/],
    [['nonsense'], 2, /unknown command/],
    [['doctor'], 2, /give a file/],
    [['doctor', '/no/such/file'], 2, /cannot read .*ENOENT/],
    [['doctor', '-', '--bogus'], 2, /unknown option --bogus/],
  ])('bad usage %j exits %i with a clear message', async (argv, code, message) => {
    const r = await run(argv);
    expect(r.code).toBe(code);
    expect(r.out + r.err).toMatch(message);
  });

  it('rejects empty, unparseable and unrecognisable input', async () => {
    expect((await run(['doctor', '-'], '  ')).err).toMatch(/empty/);
    // A JSON start that does not parse is read as text, like any paste: nothing found is said as such.
    expect((await run(['doctor', '-'], '{"log": ')).err).toMatch(/neither an authorize URL nor a token request/);
    expect((await run(['doctor', '-'], 'hello world')).err).toMatch(/neither an authorize URL nor a token request/);
  });

  it('runs as the built `adhere` binary', async () => {
    const bin = fileURLToPath(new URL('../bin/adhere.js', import.meta.url));
    const result: { code?: number; stdout: string } = await promisify(execFile)(process.execPath, [
      bin,
      'doctor',
      fixturePath('forum-post-exchange.json'),
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('token_on_api_host');
  });
  it('says what it looked for and what it found instead when it reads no request', async () => {
    const r = await run(['doctor', '-'], 'const url = getUrl();\nfetch(url, { method: "POST" });');
    expect(r.code).toBe(2);
    expect(r.err).toContain('looked for: a HAR');
    expect(r.err).toContain('found: fetch(…) to <from getUrl()>');
  });

  it('reads the forum post pasted whole (text, code and the error response together)', async () => {
    const r = await run(['doctor', '-', '--json'], await readFixture('forum-post.txt'));
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.out) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['token_on_api_host', 'basic_auth_sent', 'client_id_missing']));
  });

  // Issue 19 / 24, item 4: the most common paste of all starts with the error JSON and goes on with the code.
  // It used to stop at "the input looks like JSON but does not parse".
  it('reads a paste that starts with the error JSON and goes on with the code', async () => {
    const post = await readFixture('forum-post.txt');
    const paste = post.slice(post.indexOf('{\n "error"'), post.indexOf('The client_id and client_secret'));
    expect(paste.trim().startsWith('{')).toBe(true);
    const r = await run(['doctor', '-', '--json'], paste);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.out) as { findings: Array<{ code: string }> }).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['token_on_api_host', 'basic_auth_sent', 'client_id_missing']));
  });
});
