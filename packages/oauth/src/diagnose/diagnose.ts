/**
 * @module diagnose(): the input read once (read-input.ts), then each check in checks/ (one concern per file)
 * adds its findings; they are ranked, errors first, and every secret the input carried is redacted from them.
 */
import { displayValue, normalizeTokenRequest, type ExchangeRecord } from './exchange-record.js';
import type { Finding } from './finding.js';
import { assertExchangeRecord } from './input.js';
import { mapText, redactFindings, secretValues } from './secrets.js';
import { checkAuthorize } from './checks/authorize.js';
import { checkCallback } from './checks/callback.js';
import { checkTokenRequest } from './checks/token-request.js';
import { checkPair } from './checks/pair.js';
import { checkRegion } from './checks/region.js';
import { checkResponse } from './checks/response.js';
import { safeUrl } from './checks/text-utils.js';
import { READABLE_FORMS, readInput, type InputReading } from './read-input.js';

export interface Diagnosis {
  /** Every finding, errors first. */
  findings: Finding[];
  /** True when no finding is an error. */
  ok: boolean;
}

/**
 * Names the causes of a failed Authorization Code + PKCE exchange. Accepts an ExchangeRecord, a HAR
 * object, or text (JSON of either, or a `curl` command, optionally with the authorize URL and the
 * response JSON pasted beside it).
 */
export async function diagnose(
  input: ExchangeRecord | object | string,
  overrides: Partial<ExchangeRecord> = {},
): Promise<Diagnosis> {
  return diagnoseReading(readInput(input), overrides);
}

/** `diagnose` of input already read (the CLI reads once, says what it found, then diagnoses that). */
export async function diagnoseReading(
  reading: InputReading,
  overrides: Partial<ExchangeRecord> = {},
): Promise<Diagnosis> {
  const record: ExchangeRecord = { ...reading.record, ...overrides };
  assertExchangeRecord(record);
  const findings: Finding[] = [...reading.findings];
  const add = (f: Finding) => findings.push(f);

  const authorize = record.authorizeUrl === undefined ? undefined : safeUrl(record.authorizeUrl);
  const token = record.tokenRequest ? normalizeTokenRequest(record.tokenRequest) : undefined;

  if (authorize) checkAuthorize(authorize, add);
  else
    add({
      code: 'authorize_missing',
      severity: 'info',
      message: 'No authorize URL given, so the challenge could not be checked against the verifier.',
      evidence: 'authorizeUrl: (none)',
      fix: 'Include the /oauth/authorize URL the browser was sent to.',
    });

  if (token) checkTokenRequest(token, add);
  else
    add({
      code: 'token_request_missing',
      severity: 'info',
      message: 'No token request given.',
      evidence: `looked for ${READABLE_FORMS}; found ${reading.seen.length ? reading.seen.join(', ') : 'none of these'}`,
      fix: 'Include the POST /oauth/token request (HAR, "Copy as cURL", or URL + headers + body).',
      // How many parts of the input were read (the evidence names them, in English).
      values: { found: reading.seen.length },
    });

  if (record.callbackUrl) checkCallback(record.callbackUrl, add);
  if (authorize && token) await checkPair(authorize, token, add);
  checkRegion(record.region, authorize, token, add);
  checkResponse(record.response, findings, add);

  const rank = { error: 0, warning: 1, info: 2 } as const;
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  return {
    findings: redactFindings(findings, secretValues(authorize, token, record.callbackUrl)).map((f) => ({
      ...f,
      message: displayValue(f.message),
      evidence: displayValue(f.evidence),
      ...(f.values ? { values: mapText(f.values, displayValue) } : {}),
    })),
    ok: !findings.some((f) => f.severity === 'error'),
  };
}

export { READABLE_FORMS, readInput, toExchangeRecord, type InputReading } from './read-input.js';
