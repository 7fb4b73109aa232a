/** @module What a failed /callback means for the user: a real failure to diagnose, or nothing to show. */
import { OAuthError } from '@adhere/oauth';

/** Codes for a callback that this tab did not start (or already finished): its state is not ours. */
const NOT_OURS = new Set(['state_mismatch', 'transaction_missing']);

export type CallbackOutcome =
  /** Already signed in, and the callback was a used or stale link (reopened, bookmarked, back button): go to the app. */
  | { kind: 'go-to-app' }
  | {
      kind: 'failed';
      /** The callback URL to give diagnose(), or undefined when its error text must not be believed. */
      callbackUrl: string | undefined;
      /** The callback carried an error this tab cannot verify (a forged or foreign link): it was ignored. */
      ignoredErrorLink: boolean;
    };

export function callbackOutcome(error: unknown, callbackUrl: string, signedIn: boolean): CallbackOutcome {
  const notOurs = error instanceof OAuthError && NOT_OURS.has(error.code);
  if (notOurs && signedIn) return { kind: 'go-to-app' };
  const hasError = new URL(callbackUrl).searchParams.has('error');
  // completeSignIn believes an error only with this tab's state (authorization_denied); anything else with
  // an error parameter is someone else's text and must not be shown as the login server's words.
  const believed = error instanceof OAuthError && error.code === 'authorization_denied';
  if (hasError && !believed) return { kind: 'failed', callbackUrl: undefined, ignoredErrorLink: true };
  return { kind: 'failed', callbackUrl, ignoredErrorLink: false };
}
