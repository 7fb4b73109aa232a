/**
 * @module What a refusal from Genesys means, said once for every view. A 403 does not go away by waiting: it
 * is a permission the role lacks or a scope the OAuth client lacks, and is said so (with Genesys's own words,
 * which name the permission or scope), never as "not available yet".
 */
import { GenesysApiError } from '@adhere/genesys';
import { t } from '../i18n/i18n.js';

/** A sentence for a refusal, or undefined when `e` is not one (a timeout, a 5xx: those may pass). */
export function deniedWords(e: unknown): string | undefined {
  if (!(e instanceof GenesysApiError) || e.status !== 403) return undefined;
  // Genesys's own words stay as Genesys wrote them: they name the permission or scope exactly.
  return t(/scope/i.test(`${e.errorCode} ${e.message}`) ? 'denied.scope' : 'denied.permission', { said: e.message });
}

/** `deniedWords`, or the error's own message. */
export function problemWords(e: unknown): string {
  return deniedWords(e) ?? (e instanceof Error ? e.message : String(e));
}
