/**
 * @module The one place an id becomes part of an API path. Ids come from the address bar, storage and server
 * answers; `encodeURIComponent('..')` is still `..`, and the browser resolves dot segments before sending, so
 * `/agents/../adherence/explanations/query` would carry the user's token to a route nobody meant to call.
 * Every interpolated value is checked here and refused unless it is the id it claims to be.
 */
import { GenesysClientError } from './errors.js';

/** Genesys ids are UUIDs (the API answers 400 `invalid.id` for anything else). */
const GENESYS_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that Genesys does not promise are UUIDs (a notification channel is `streaming-0-…`): letters, digits, - and _. */
const OPAQUE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** True for a Genesys id (a UUID); what the app checks ids from its address bar with before using them. */
export function isGenesysId(value: unknown): value is string {
  return typeof value === 'string' && GENESYS_ID.test(value);
}

/** An id already known to be a safe path segment though not a UUID (see `opaqueId`). */
export interface OpaqueId {
  readonly segment: string;
}

/** Wraps an id that is not a UUID by contract (notification channel ids); checked as a plain segment. */
export function opaqueId(value: unknown, what = 'id'): OpaqueId {
  if (typeof value !== 'string' || !OPAQUE_SEGMENT.test(value))
    throw new GenesysClientError('invalid_id', `The ${what} ${preview(value)} cannot be part of an API path`);
  return { segment: value };
}

/**
 * A path under the API with each interpolated id checked: a UUID, or an `opaqueId`. Anything else — `..`,
 * `%2F`, `?`, `#`, an empty string, 10,000 characters — is a GenesysClientError('invalid_id') before any
 * request leaves. Usage: apiPath`/api/v2/workforcemanagement/managementunits/${muId}/adherence`.
 */
export function apiPath(strings: TemplateStringsArray, ...ids: Array<string | OpaqueId>): string {
  let out = strings[0]!;
  ids.forEach((id, i) => {
    if (typeof id === 'object' && id !== null && typeof id.segment === 'string') out += id.segment;
    else if (isGenesysId(id)) out += id.toLowerCase();
    else throw new GenesysClientError('invalid_id', `${preview(id)} is not a Genesys id (${describeSlot(strings, i)})`);
    out += strings[i + 1]!;
  });
  return out;
}

/** The path segment before the id, to say which id was wrong ("expected a UUID after /managementunits/"). */
function describeSlot(strings: TemplateStringsArray, i: number): string {
  const before = strings[i]!.split('/').filter(Boolean).pop() ?? 'path';
  return `expected a UUID after /${before}/`;
}

/** A bounded, quoted rendering of a bad value: a 10,000-character id is not echoed whole into an error. */
function preview(value: unknown): string {
  if (typeof value !== 'string') return typeof value;
  const text = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value.length > 40 ? `${text} (${value.length} characters)` : text;
}
