import { OAuthError } from '@adhere/oauth';
import type { SignInFailure } from '../auth/session.js';
import { FindingList } from './FindingList.js';

/** When sign-in fails: what happened in plain words (diagnose()), the fix, and the raw error. */
export function DiagnosticsPage({ failure, onRetry }: { failure: SignInFailure; onRetry: () => void }) {
  const { error, diagnosis } = failure;
  const problems = diagnosis.findings.filter((f) => f.severity !== 'info');
  return (
    <section className="diagnostics" aria-labelledby="diag-title">
      <h1 id="diag-title">Sign-in failed</h1>
      <p className="lead">
        {error instanceof OAuthError && error.hint ? error.hint : 'The sign-in could not be completed.'}
      </p>
      {failure.ignoredErrorLink ? (
        <p role="note" data-testid="ignored-error-link">
          The page was opened with a sign-in error that this tab did not ask for (a forged or old link). It was ignored,
          and its text is not shown.
        </p>
      ) : null}
      {problems.length ? (
        <>
          <h2>What went wrong</h2>
          <FindingList findings={problems} label="What went wrong" />
        </>
      ) : null}
      <details open={!problems.length}>
        <summary>Raw error</summary>
        <pre data-testid="raw-error">
          {error instanceof OAuthError
            ? JSON.stringify(
                {
                  code: error.code,
                  message: error.message,
                  status: error.status,
                  error: error.error,
                  error_description: error.errorDescription,
                },
                null,
                2,
              )
            : String(error)}
        </pre>
      </details>
      <button type="button" onClick={onRetry}>
        Try signing in again
      </button>
      <p>
        Setting Adhere up? The <a href="/doctor">Sign-in Doctor</a> reads a failed request or an error you paste and
        says what was wrong.
      </p>
    </section>
  );
}
