/**
 * @module What a person can do about a failed sign-in, in the page's language, by the error's code. The library's
 * own `hint` is English and written for developers ("run diagnose()"); this is the app's word to its user.
 */
import { OAuthError, type OAuthErrorCode } from '@adhere/oauth';
import { t } from '../i18n/i18n.js';

/** The errors there is something to do about (said by `signIn.hint`); the rest have nothing but a retry. */
const HINTED = new Set<OAuthErrorCode>([
  'state_mismatch',
  'transaction_missing',
  'transaction_expired',
  'popup_blocked',
  'popup_closed',
  'network_error',
  'invalid_grant',
]);

export function signInHint(error: unknown): string | undefined {
  return error instanceof OAuthError && HINTED.has(error.code) ? t('signIn.hint', { code: error.code }) : undefined;
}
