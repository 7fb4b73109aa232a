/** @module The two pages of running inside Genesys Cloud that are not the app: a refused frame, and the popup's end. */

/** Genesys's values in the address were missing or not this deployment's: say which, and do nothing else. */
export function EmbeddingRefused({ problems }: { problems: string[] }) {
  return (
    <section className="config-refused" aria-labelledby="embed-title">
      <h1 id="embed-title">Adhere cannot start inside this page</h1>
      <ul role="alert" data-testid="embedding-error">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p>
        Adhere talks only to the Genesys Cloud its deployment names. Whoever set up the integration (Admin ›
        Integrations) can check its URL against the README&apos;s &quot;Run inside Genesys Cloud&quot;.
      </p>
    </section>
  );
}

/** The sign-in popup after it handed its callback to Adhere's frame (which closes it). */
export function PopupHandedOff() {
  return (
    <section className="signed-out" aria-labelledby="popup-title">
      <h1 id="popup-title">Signed in</h1>
      <p role="status">You can close this window and return to Genesys Cloud.</p>
    </section>
  );
}
