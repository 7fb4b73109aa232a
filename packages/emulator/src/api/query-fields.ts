/** @module Request fields several WFM queries share: ISO dates and user-id sets, with Genesys's error codes. */
import { badRequest } from './error-body.js';

/** Most userIds one query may name (a management unit holds at most 1,500 agents in Genesys). */
export const MAX_QUERY_USER_IDS = 5000;

/** userIds as a Set (looked up per agent: a list would make a query agents × ids), or undefined when absent/empty. */
export function readUserIds(value: unknown): Set<string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string'))
    throw badRequest('wfm.validation.failure', 'userIds must be a list of user ids');
  if (value.length > MAX_QUERY_USER_IDS)
    throw badRequest('wfm.validation.failure', `userIds may name at most ${MAX_QUERY_USER_IDS} users`);
  return value.length === 0 ? undefined : new Set(value as string[]);
}

export function parseIsoDate(value: unknown, field: string): number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest(
      'invalid.date',
      `Dates must be specified as ISO-8601 strings. For example: yyyy-MM-ddTHH:mm:ss.SSSZ (${field})`,
    );
  }
  return Date.parse(value);
}
