/** @module Why a feature is not available: each missing permission or scope, and who can add it. */
import type { FeatureCheck, Requirement } from '@adhere/genesys';

export function MissingList({ check }: { check: FeatureCheck }) {
  const alternatives = (r: Requirement) =>
    r.anyOf.map((v, i) => (
      <span key={v}>
        {i > 0 ? ' or ' : ''}
        <code>{v}</code>
      </span>
    ));
  return (
    <ul className="missing">
      {check.missingPermissions.map((r) => (
        <li key={r.label} data-missing-permission={r.anyOf[0]}>
          Permission <strong>{r.label}</strong> ({alternatives(r)}). <em>Who can add it:</em> an administrator of your
          Genesys Cloud org, on one of your roles (Admin › People &amp; Permissions › Roles). Then sign out and in
          again.
        </li>
      ))}
      {check.missingScopes.map((r) => (
        <li key={r.label} data-missing-scope={r.anyOf[0]}>
          Scope {alternatives(r)} on this app&apos;s OAuth client. <em>Who can add it:</em> whoever manages the OAuth
          client (Admin › Integrations › OAuth › the client › Scope). Then sign in again.
        </li>
      ))}
    </ul>
  );
}

/** Shown instead of a page the user cannot use, so it never fails later with a blank 403. */
export function AccessNotice({ check }: { check: FeatureCheck }) {
  return (
    <section className="access-notice" aria-labelledby="access-title" data-testid="access-notice">
      <h1 id="access-title">{check.name} is not available to you</h1>
      <p>Your Genesys Cloud account or this app&apos;s OAuth client lacks what it needs:</p>
      <MissingList check={check} />
    </section>
  );
}
