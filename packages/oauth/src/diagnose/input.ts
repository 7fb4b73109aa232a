/** @module Checks that a record handed to diagnose() has the shape it claims, so bad input is an error, not a crash. */
import { OAuthError } from '../errors.js';
import type { ExchangeRecord } from './exchange-record.js';

/** Largest input diagnose() reads: a HAR of a whole sign-in is far smaller. */
export const MAX_DIAGNOSE_INPUT_CHARS = 10 * 1024 * 1024;

const invalid = (what: string) =>
  new OAuthError('invalid_input', `Not an exchange record: ${what}`, {
    hint: 'Give a HAR, a "Copy as cURL" command, or JSON shaped like ExchangeRecord',
  });

const optionalString = (v: unknown, name: string) => {
  if (v !== undefined && typeof v !== 'string') throw invalid(`${name} must be text`);
};

/** Throws OAuthError('invalid_input') naming the first field of the wrong type. */
export function assertExchangeRecord(value: unknown): asserts value is ExchangeRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('expected a JSON object');
  const r = value as Record<string, unknown>;
  optionalString(r.authorizeUrl, 'authorizeUrl');
  optionalString(r.callbackUrl, 'callbackUrl');
  optionalString(r.region, 'region');
  if (r.tokenRequest !== undefined) {
    const t = r.tokenRequest as Record<string, unknown>;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) throw invalid('tokenRequest must be an object');
    if (typeof t.url !== 'string') throw invalid('tokenRequest.url must be text');
    optionalString(t.method, 'tokenRequest.method');
    const h = t.headers;
    if (Array.isArray(h)) {
      if (
        !h.every(
          (pair) =>
            Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string',
        )
      )
        throw invalid('tokenRequest.headers must be [name, value] pairs of text');
    } else if (h !== undefined) {
      if (typeof h !== 'object' || h === null || !Object.values(h).every((v) => typeof v === 'string'))
        throw invalid('tokenRequest.headers must map names to text');
    }
    const b = t.body;
    if (b !== undefined && typeof b !== 'string') {
      if (
        typeof b !== 'object' ||
        b === null ||
        Array.isArray(b) ||
        !Object.values(b).every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      ) {
        throw invalid('tokenRequest.body must be text or an object of text fields');
      }
    }
  }
  if (r.response !== undefined) {
    const res = r.response as Record<string, unknown>;
    if (typeof res !== 'object' || res === null || Array.isArray(res)) throw invalid('response must be an object');
    if (res.status !== undefined && typeof res.status !== 'number') throw invalid('response.status must be a number');
    if (res.body !== undefined && typeof res.body !== 'string' && (typeof res.body !== 'object' || res.body === null))
      throw invalid('response.body must be text or an object');
  }
}
