/**
 * @module What a refusal or failure from Genesys means, said once for every view, in the page's language. A 403 does
 * not go away by waiting: it is a permission the role lacks or a scope the OAuth client lacks, and is said so (with
 * Genesys's own words, which name the permission or scope), never as "not available yet". The rest are said by
 * their kind (no answer, busy, Genesys's own failure); `@adhere/genesys`'s English messages are for developers.
 */
import { GenesysApiError, isGenesysError } from '@adhere/genesys';
import { t } from '../i18n/i18n.js';

/** A sentence for a refusal, or undefined when `e` is not one (a timeout, a 5xx: those may pass). */
export function deniedWords(e: unknown): string | undefined {
  if (!(e instanceof GenesysApiError) || e.status !== 403) return undefined;
  // Genesys's own words stay as Genesys wrote them: they name the permission or scope exactly.
  return t(/scope/i.test(`${e.errorCode} ${e.message}`) ? 'denied.scope' : 'denied.permission', { said: e.message });
}

/** `deniedWords`, else what went wrong by its kind, else the error's own message. */
export function problemWords(e: unknown): string {
  const denied = deniedWords(e);
  if (denied !== undefined) return denied;
  // By the error's name and code, not its class: one from a worker arrives as a copy (isGenesysError).
  if (!isGenesysError(e)) return e instanceof Error ? e.message : String(e);
  const status = (e as Partial<GenesysApiError>).status;
  if (e.code === 'api_error' && status !== undefined) {
    if (status === 429) return t('problem.busy');
    if (status >= 500) return t('problem.genesysFailed', { status: String(status) });
    // Any other answer: Genesys's own words, quoted (they name what it refused).
    return t('problem.genesysSaid', { status: String(status), said: e.message });
  }
  switch (e.code) {
    case 'timeout':
      return t('problem.timeout');
    case 'network_error':
      return t('problem.network');
    case 'aborted':
      return t('problem.cancelled');
    case 'reauth_required':
      return t('problem.signIn');
    case 'invalid_id':
    case 'invalid_path':
      return t('problem.refusedToSend');
    // What could not be used is technical: named as the library wrote it, for whoever looks into it.
    case 'invalid_response':
    case 'query_failed':
      return t('problem.unusable', { detail: e.message });
    default:
      return e.message;
  }
}
