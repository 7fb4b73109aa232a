/**
 * @module What a refusal from Genesys means, said once for every view. A 403 does not go away by waiting: it
 * is a permission the role lacks or a scope the OAuth client lacks, and is said so (with Genesys's own words,
 * which name the permission or scope), never as "not available yet".
 */
import { GenesysApiError } from '@adhere/genesys';

/** A sentence for a refusal, or undefined when `e` is not one (a timeout, a 5xx: those may pass). */
export function deniedWords(e: unknown): string | undefined {
  if (!(e instanceof GenesysApiError) || e.status !== 403) return undefined;
  return /scope/i.test(`${e.errorCode} ${e.message}`)
    ? `this app's OAuth client lacks the scope for it (Genesys said: ${e.message})`
    : `your role lacks the permission for it (Genesys said: ${e.message})`;
}

/** `deniedWords`, or the error's own message. */
export function problemWords(e: unknown): string {
  return deniedWords(e) ?? (e instanceof Error ? e.message : String(e));
}
