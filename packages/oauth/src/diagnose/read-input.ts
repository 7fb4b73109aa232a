/** @module Reading what a developer pastes (a HAR, a JSON record, curl, PowerShell, raw HTTP, code, URLs, the error response) into one ExchangeRecord. */
import { curlToTokenRequest } from './curl.js';
import { parseJsonObject, type ExchangeRecord } from './exchange-record.js';
import { type Finding } from './finding.js';
import { readCode } from './code-reader.js';
import { harToExchange, isHar } from './har.js';
import {
  cmdToBash,
  findErrorResponse,
  powershellToTokenRequest,
  rawHttpToExchange,
  statusBefore,
} from './text-readers.js';
import { splitPaste } from './paste-parts.js';
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
  if (typeof input === 'string') return readText(input.trim());
  if (isHar(input)) return { record: harToExchange(input), findings: [], seen: ['a HAR'] };
  return { record: input as ExchangeRecord, findings: [], seen: ['a JSON record'] };
}

/** Code is read up to this size: a pasted login function is a few kilobytes; a log dump is not code. */
export const MAX_CODE_CHARS = 1024 * 1024;

const RECORD_KEYS = ['authorizeUrl', 'callbackUrl', 'tokenRequest', 'response', 'region'] as const;

/**
 * Free text: cut once into its parts (paste-parts.ts), each read by its own reader. A text that is one JSON value
 * is that value (a HAR, a record); otherwise an authorize URL, one token request in any form people paste, and
 * the error response, in any order, JSON blocks among them.
 */
export function readText(text: string): InputReading {
  const parts = splitPaste(text);
  if (parts.json.length === 1 && parts.rest === '' && parts.http === '' && !parts.curl && !parts.powershell) {
    const only = parts.json[0]!.value;
    if (isHar(only) || RECORD_KEYS.some((k) => k in only)) return readInput(only);
  }
  const record: ExchangeRecord = {};
  const seen: string[] = [];
  let findings: Finding[] = [];
  // JSON blocks: a HAR or a record gives what the text does not; an object with an `error` is the response.
  let fromJson: ExchangeRecord = {};
  let jsonResponse: ExchangeRecord['response'];
  for (const { value, before } of parts.json) {
    if (isHar(value)) {
      fromJson = { ...harToExchange(value), ...fromJson };
      seen.push('a HAR');
    } else if (typeof value.error === 'string') {
      jsonResponse ??= { body: value, ...statusBefore(before) };
    } else if (RECORD_KEYS.some((k) => k in value)) {
      fromJson = { ...(value as ExchangeRecord), ...fromJson };
      seen.push('a JSON record');
    }
  }
  const authorize = parts.authorizeUrl ?? fromJson.authorizeUrl;
  if (authorize) {
    record.authorizeUrl = authorize;
    if (parts.authorizeUrl) seen.push('an authorize URL');
  }
  if (fromJson.callbackUrl) record.callbackUrl = fromJson.callbackUrl;
  if (fromJson.region) record.region = fromJson.region;
  const raw = rawHttpToExchange(parts.http);
  const curl = parts.curl
    ? curlToTokenRequest(parts.curl.cmd ? cmdToBash(parts.curl.text) : parts.curl.text)
    : undefined;
  const powershell = parts.powershell ? powershellToTokenRequest(parts.powershell) : undefined;
  if (curl) {
    record.tokenRequest = curl;
    seen.push(parts.curl!.cmd ? 'a curl command (cmd)' : 'a curl command');
  } else if (powershell) {
    record.tokenRequest = powershell;
    seen.push('a PowerShell Invoke-WebRequest');
  } else if (raw.request) {
    record.tokenRequest = raw.request;
    seen.push('a raw HTTP request');
  }
  // Code is read when no request form stood in the text: a HAR's request is what was sent, so it is the request,
  // but the code beside it still says how the verifier or the header was made.
  if (!record.tokenRequest && parts.rest.length > MAX_CODE_CHARS) {
    seen.push(`text of ${parts.rest.length} characters, too long to read as code (at most ${MAX_CODE_CHARS})`);
  } else if (!record.tokenRequest && parts.rest !== '') {
    const code = readCode(parts.rest);
    const request = fromJson.tokenRequest ?? code.tokenRequest;
    if (request) record.tokenRequest = request;
    if (code.region) record.region ??= code.region;
    findings = code.findings;
    seen.push(...code.seen);
  }
  if (!record.tokenRequest && fromJson.tokenRequest) record.tokenRequest = fromJson.tokenRequest;
  const response = raw.response
    ? { status: raw.response.status, body: parseJsonObject(raw.response.body) ?? raw.response.body }
    : (jsonResponse ?? findErrorResponse(parts.rest) ?? fromJson.response);
  if (response) {
    record.response = response;
    seen.push('an error response');
  }
  return { record, findings, seen };
}
