/** @module The board's connection state in words (and not by colour alone), announced politely to screen readers. */
import { wordTable } from '../i18n/i18n.js';
import type { Connection } from './useLiveBoard.js';

const WORDS = wordTable<Connection>({
  connecting: 'connection.connecting',
  live: 'connection.live',
  reconnecting: 'connection.reconnecting',
  resyncing: 'connection.resyncing',
  offline: 'connection.offline',
});

export function ConnectionBadge({ state }: { state: Connection }) {
  return (
    <span className={`connection connection-${state}`} role="status" aria-live="polite" data-testid="connection">
      <span aria-hidden="true">{state === 'live' ? '●' : '○'}</span> {WORDS[state]}
    </span>
  );
}
