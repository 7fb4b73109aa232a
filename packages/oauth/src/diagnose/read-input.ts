/** @module Reading what a developer pastes (a HAR, a JSON record, curl, PowerShell, raw HTTP, code, URLs, the error response) into one ExchangeRecord. */
import { curlToTokenRequest } from './curl.js';
import { parseJsonObject, type ExchangeRecord } from './exchange-record.js';
import { type Finding } from './finding.js';
import { readCode } from './code-reader.js';
import { harToExchange, isHar } from './har.js';
import {
  cmdToBash,
  findErrorResponse,
  looksLikeCmdCurl,
  powershellToTokenRequest,
  rawHttpToExchange,
} from './text-readers.js';
import { OAuthError } from '../errors.js';
import { MAX_DIAGNOSE_INPUT_CHARS } from './input.js';

/** What reading the input gave: the record, findings about the code itself, and what was recognised. */
export interface InputReading {
  record: ExchangeRecord;
  findings: Finding[];
  seen: string[];
}

/** The forms the text reader looks for, named in the "nothing found" answer. */
export const READABLE_FORMS =
  'a HAR (Chrome or Firefox), a JSON record, "Copy as cURL" (bash or cmd), "Copy as PowerShell", "Copy as fetch", ' +
  "a raw HTTP request (Fiddler, Burp), fetch/axios/jQuery/XMLHttpRequest code or the SDK's loginPKCEGrant, " +
  'an authorize URL, and the JSON error response';

/** Turns any accepted input into an ExchangeRecord. */
export function toExchangeRecord(input: ExchangeRecord | object | string): ExchangeRecord {
  return readInput(input).record;
}

export function readInput(input: ExchangeRecord | object | string): InputReading {
  if (typeof input === 'string' && input.length > MAX_DIAGNOSE_INPUT_CHARS) {
    throw new OAuthError(
      'invalid_input',
      `The input is ${input.length} characters; diagnose() reads at most ${MAX_DIAGNOSE_INPUT_CHARS}`,
    );
  }
  if (typeof input === 'string') {
    const text = input.trim();
    const json = text.startsWith('{') ? parseJsonObject(text) : undefined;
    if (json) return readInput(json);
    return readText(text);
  }
  if (isHar(input)) return { record: harToExchange(input), findings: [], seen: ['a HAR'] };
  return { record: input as ExchangeRecord, findings: [], seen: ['a JSON record'] };
}

/**
 * The first `http(s)://…/oauth/authorize?…` in free text, looked for word by word: a regex scanning from
 * every "http" to the path backtracks quadratically on text like "http://" repeated.
 */
export function findAuthorizeUrl(text: string): string | undefined {
  for (const word of text.split(/[\s'"]+/)) {
    const at = word.indexOf('/oauth/authorize?');
    if (at === -1) continue;
    const scheme = word.lastIndexOf('http', at);
    if (scheme !== -1 && /^https?:\/\/[^/]+$/.test(word.slice(scheme, at))) return word.slice(scheme);
  }
  return undefined;
}

/** Code is read up to this size: a pasted login function is a few kilobytes; a log dump is not code. */
export const MAX_CODE_CHARS = 1024 * 1024;

/** Free text: an authorize URL, one token request in any form people paste, and the error response, in any order. */
export function readText(text: string): InputReading {
  const record: ExchangeRecord = {};
  const seen: string[] = [];
  let findings: Finding[] = [];
  const authorize = findAuthorizeUrl(text);
  if (authorize) {
    record.authorizeUrl = authorize;
    seen.push('an authorize URL');
  }
  const raw = rawHttpToExchange(text);
  const shell = looksLikeCmdCurl(text) ? cmdToBash(text) : text;
  const curl = curlCommand(shell);
  const powershell = curl ? undefined : powershellToTokenRequest(text);
  if (curl) {
    record.tokenRequest = curl;
    seen.push(shell === text ? 'a curl command' : 'a curl command (cmd)');
  } else if (powershell) {
    record.tokenRequest = powershell;
    seen.push('a PowerShell Invoke-WebRequest');
  } else if (raw.request) {
    record.tokenRequest = raw.request;
    seen.push('a raw HTTP request');
  } else if (text.length > MAX_CODE_CHARS) {
    seen.push(`text of ${text.length} characters, too long to read as code (at most ${MAX_CODE_CHARS})`);
  } else {
    const code = readCode(text);
    if (code.tokenRequest) record.tokenRequest = code.tokenRequest;
    if (code.region) record.region = code.region;
    findings = code.findings;
    seen.push(...code.seen);
  }
  const response = raw.response
    ? { status: raw.response.status, body: parseJsonObject(raw.response.body) ?? raw.response.body }
    : findErrorResponse(text);
  if (response) {
    record.response = response;
    seen.push('an error response');
  }
  return { record, findings, seen };
}

/** The curl command in the text, up to the first line not continued with a backslash. */
export function curlCommand(text: string): NonNullable<ExchangeRecord['tokenRequest']> | undefined {
  const curlMatch = /(^|\s)curl\s/.exec(text);
  if (!curlMatch) return undefined;
  const lines = text.slice(curlMatch.index + curlMatch[1]!.length).split('\n');
  let end = 0;
  while (end < lines.length - 1 && /\\\s*$/.test(lines[end]!)) end++;
  return curlToTokenRequest(lines.slice(0, end + 1).join('\n'));
}
