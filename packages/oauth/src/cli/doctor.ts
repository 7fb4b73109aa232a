import { open, readFile } from 'node:fs/promises';
import { checkConfigText, MAX_CONFIG_BYTES } from '../diagnose/config-check.js';
import { READABLE_FORMS, diagnoseReading, readInput, type Diagnosis, type InputReading } from '../diagnose/diagnose.js';
import type { ExchangeRecord } from '../diagnose/exchange-record.js';
import { OAuthError } from '../errors.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

const USAGE = `Usage: adhere doctor <file|-> [--json] [--region <region>] [--authorize-url <url>]
       adhere doctor --config <config.json> [--json]

Reads a failed PKCE token exchange and names its causes.
  <file>   a HAR export, a "Copy as cURL" command (with the authorize URL and the
           response JSON pasted beside it if you have them), or a JSON ExchangeRecord
  -        read the same from standard input
  --config check an app's config.json offline (region, client id, redirect URI, scopes)
  --json   print the findings as JSON
Exit status: 0 no errors found, 1 errors found, 2 bad usage or unreadable input.`;

/** Runs the CLI; returns the exit code instead of exiting so it can be tested in-process. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command !== 'doctor') {
    io.stderr(`adhere: unknown command ${JSON.stringify(command)}\n${USAGE}\n`);
    return 2;
  }
  let source: string | undefined;
  let json = false;
  let region: string | undefined;
  let authorizeUrl: string | undefined;
  let configFile: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--config') configFile = rest[++i];
    else if (a === '--region') region = rest[++i];
    else if (a === '--authorize-url') authorizeUrl = rest[++i];
    else if (a.startsWith('--')) {
      io.stderr(`adhere doctor: unknown option ${a}\n`);
      return 2;
    } else source = a;
  }
  if (configFile !== undefined) return checkConfigFile(configFile, json, io);
  if (source === undefined) {
    io.stderr(`adhere doctor: give a file, or - for standard input\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await readFile(source, 'utf8');
  } catch (err) {
    io.stderr(`adhere doctor: cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return 2;
  }
  if (text.trim() === '') {
    io.stderr('adhere doctor: the input is empty\n');
    return 2;
  }
  let reading: InputReading;
  try {
    // The text as it is: readInput takes one JSON value whole (a HAR, a record) and reads anything else as
    // its parts, so the most common paste — the error JSON, then the code or curl that caused it — is read.
    reading = readInput(text);
  } catch (err) {
    io.stderr(`adhere doctor: ${(err as Error).message}\n`);
    return 2;
  }
  const overrides: Partial<ExchangeRecord> = {
    ...(authorizeUrl ? { authorizeUrl } : {}),
    ...(region ? { region } : {}),
  };
  if (
    !reading.record.authorizeUrl &&
    !reading.record.tokenRequest &&
    !overrides.authorizeUrl &&
    reading.findings.length === 0
  ) {
    io.stderr(
      `adhere doctor: found neither an authorize URL nor a token request.\n  looked for: ${READABLE_FORMS}\n` +
        `  found: ${reading.seen.length ? reading.seen.join(', ') : 'none of these'}\n`,
    );
    return 2;
  }
  let result: Diagnosis;
  try {
    result = await diagnoseReading(reading, overrides);
  } catch (err) {
    // Wrong-shaped input (OAuthError invalid_input) is the user's to fix: say what, never a stack trace.
    io.stderr(
      `adhere doctor: ${err instanceof OAuthError ? err.message : `cannot read this input (${(err as Error).name})`}\n`,
    );
    return 2;
  }
  io.stdout(json ? JSON.stringify(result, null, 2) + '\n' : formatDiagnosis(result));
  return result.ok ? 0 : 1;
}

async function checkConfigFile(path: string, json: boolean, io: CliIO): Promise<number> {
  let text: string;
  let size: number;
  try {
    // A multi-megabyte file is named as such, not read whole: at most one byte more than a config may be.
    const handle = await open(path, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(size, MAX_CONFIG_BYTES + 1));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      text = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    io.stderr(`adhere doctor: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }
  const result = checkConfigText(text, size);
  io.stdout(json ? JSON.stringify(result, null, 2) + '\n' : formatDiagnosis(result));
  return result.ok ? 0 : 1;
}

export function formatDiagnosis(d: Diagnosis): string {
  const lines: string[] = [];
  const errors = d.findings.filter((f) => f.severity === 'error').length;
  lines.push(errors === 0 ? 'No errors found in this exchange.' : `${errors} problem${errors === 1 ? '' : 's'} found:`);
  for (const f of d.findings) {
    lines.push(
      '',
      `${f.severity.toUpperCase()}  ${f.code}`,
      `  ${f.message}`,
      `  seen: ${f.evidence}`,
      `  fix:  ${f.fix}`,
    );
  }
  return lines.join('\n') + '\n';
}
