/** @module The two pages of running inside Genesys Cloud that are not the app: a refused frame, and the popup's end. */
import { said, t, type Message } from '../i18n/i18n.js';

/** Genesys's values in the address were missing or not this deployment's: say which, and do nothing else. */
export function EmbeddingRefused({ problems }: { problems: Message[] }) {
  return (
    <section className="config-refused" aria-labelledby="embed-title">
      <h1 id="embed-title">{t('embed.refused')}</h1>
      <ul role="alert" data-testid="embedding-error">
        {problems.map((p) => (
          <li key={p.key}>{said(p)}</li>
        ))}
      </ul>
      <p>{t('embed.refusedHint')}</p>
    </section>
  );
}

/** The sign-in popup after it handed its callback to Adhere's frame (which closes it). */
export function PopupHandedOff() {
  return (
    <section className="signed-out" aria-labelledby="popup-title">
      <h1 id="popup-title">{t('embed.signedIn')}</h1>
      <p role="status">{t('embed.closeWindow')}</p>
    </section>
  );
}
