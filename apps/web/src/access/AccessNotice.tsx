/** @module Why a feature is not available: each missing permission or scope, and who can add it. */
import type { FeatureCheck, Requirement } from '@adhere/genesys';
import { t, tx } from '../i18n/i18n.js';
import { featureWords } from './feature-words.js';

export function MissingList({ check }: { check: FeatureCheck }) {
  const alternatives = (r: Requirement) =>
    r.anyOf.map((v, i) => (
      <span key={v}>
        {i > 0 ? ` ${t('access.or')} ` : ''}
        <code>{v}</code>
      </span>
    ));
  return (
    <ul className="missing">
      {check.missingPermissions.map((r) => (
        <li key={r.label} data-missing-permission={r.anyOf[0]}>
          {tx(
            'access.permission',
            {},
            {
              label: () => <strong>{r.label}</strong>,
              codes: () => <>{alternatives(r)}</>,
              em: (c) => <em>{c}</em>,
            },
          )}
        </li>
      ))}
      {check.missingScopes.map((r) => (
        <li key={r.label} data-missing-scope={r.anyOf[0]}>
          {tx('access.scope', {}, { codes: () => <>{alternatives(r)}</>, em: (c) => <em>{c}</em> })}
        </li>
      ))}
    </ul>
  );
}

/** Shown instead of a page the user cannot use, so it never fails later with a blank 403. */
export function AccessNotice({ check }: { check: FeatureCheck }) {
  return (
    <section className="access-notice" aria-labelledby="access-title" data-testid="access-notice">
      <h1 id="access-title">{t('access.notAvailable', { feature: featureWords(check.feature) })}</h1>
      <p>{t('access.lacks')}</p>
      <MissingList check={check} />
    </section>
  );
}
