/** @module The foot of the board's day dialogs (an agent's, a team's): read again, or close. */
import type { RefObject } from 'react';

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
        Refresh
      </button>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </div>
  );
}
