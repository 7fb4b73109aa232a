/** @module The board's connection state in words (and not by colour alone), announced politely to screen readers. */
import type { Connection } from './useLiveBoard.js';

const WORDS: Record<Connection, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  resyncing: 'Resyncing…',
  offline: 'Offline',
};

export function ConnectionBadge({ state }: { state: Connection }) {
  return (
    <span className={`connection connection-${state}`} role="status" aria-live="polite" data-testid="connection">
      <span aria-hidden="true">{state === 'live' ? '●' : '○'}</span> {WORDS[state]}
    </span>
  );
}
