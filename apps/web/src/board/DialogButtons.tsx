/** @module The foot of the board's day dialogs (an agent's, a team's): read again, or close. */
import type { RefObject } from 'react';
import { t } from '../i18n/i18n.js';

export function DialogButtons({
  dialog,
  onRefresh,
}: {
  dialog: RefObject<HTMLDialogElement | null>;
  onRefresh: () => void;
}) {
  return (
    <div className="toolbar">
      <button type="button" onClick={onRefresh}>
        {t('dialog.refresh')}
      </button>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('dialog.close')}
      </button>
    </div>
  );
}
