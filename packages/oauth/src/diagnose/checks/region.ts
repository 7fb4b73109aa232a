/** @module The region the app says against the hosts it used. */
import { classifyGenesysHost, environmentOf } from '../../regions.js';
import { type NormalizedTokenRequest } from '../exchange-record.js';
import { type Finding } from '../finding.js';

export function checkRegion(
  region: string | undefined,
  authorize: URL | undefined,
  token: NormalizedTokenRequest | undefined,
  add: (f: Finding) => void,
): void {
  const authEnv = authorize ? classifyGenesysHost(authorize.hostname)?.environment : undefined;
  const tokenEnv = token?.url ? classifyGenesysHost(token.url.hostname)?.environment : undefined;
  if (authEnv && tokenEnv && authEnv !== tokenEnv) {
    add({
      code: 'region_mismatch',
      severity: 'error',
      message:
        `The authorize request went to ${authEnv} but the token request to ${tokenEnv}; a code is only ` +
        `valid in the region that issued it.`,
      evidence: `authorize: ${authorize!.hostname}; token: ${token!.url!.hostname}`,
      fix: `Use login.${authEnv} for both.`,
      values: { kind: 'requests', expected: authEnv, seen: tokenEnv },
    });
    return;
  }
  const expected = region === undefined ? undefined : environmentOf(region);
  const seen = tokenEnv ?? authEnv;
  if (expected && seen && expected !== seen) {
    add({
      code: 'region_mismatch',
      severity: 'error',
      message:
        `The app is configured for ${expected} but the requests went to ${seen}; the OAuth client ` +
        `exists only in its own region.`,
      evidence: `configured: ${region}; used: ${seen}`,
      fix: `Use https://login.${expected}.`,
      values: { kind: 'configured', expected, seen },
    });
  }
}
