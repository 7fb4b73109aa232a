import { OAuthError } from '@adhere/oauth';
import { signInHint } from '../auth/sign-in-hint.js';
import type { SignInFailure } from '../auth/session.js';
import { FindingList } from './FindingList.js';
import { t, tx } from '../i18n/i18n.js';

/** When sign-in fails: what happened in plain words (diagnose()), the fix, and the raw error. */
export function DiagnosticsPage({ failure, onRetry }: { failure: SignInFailure; onRetry: () => void }) {
  const { error, diagnosis } = failure;
  const problems = diagnosis.findings.filter((f) => f.severity !== 'info');
  const hint = signInHint(error);
  return (
    <section className="diagnostics" aria-labelledby="diag-title">
      <h1 id="diag-title">{t('diag.title')}</h1>
      <p className="lead" data-testid="diag-lead">
        {t('diag.lead')}
        {hint ? ` ${hint}` : null}
      </p>
      {failure.ignoredErrorLink ? (
        <p role="note" data-testid="ignored-error-link">
          {t('diag.ignoredLink')}
        </p>
      ) : null}
      {problems.length ? (
        <>
          <h2>{t('diag.whatWentWrong')}</h2>
          <FindingList findings={problems} label={t('diag.whatWentWrong')} />
        </>
      ) : null}
      <details open={!problems.length}>
        <summary>{t('diag.raw')}</summary>
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
        {t('diag.retry')}
      </button>
      <p>{tx('diag.doctorHint', {}, { a: (c) => <a href="/doctor">{c}</a> })}</p>
    </section>
  );
}
