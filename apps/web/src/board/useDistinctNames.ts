/** @module Agents' names on the board, wallboard and alerts, with what tells namesakes apart (issue 22, item 5). */
import { useMemo } from 'react';
import { distinguishing, withDistinction } from '../same-names.js';
import type { BoardModel } from './board-model.js';
import { t } from '../i18n/i18n.js';

/**
 * What tells namesakes apart (their team, else their email) and the name to show with it. Recomputed when a
 * snapshot lands or names arrive (linear in the agents), never with the once-a-second re-rank.
 */
export function useDistinctNames(
  model: BoardModel,
  snapshots: number,
  namesVersion: number,
  teamNames: ReadonlyMap<string, string>,
) {
  const distinct = useMemo(() => {
    void namesVersion;
    void snapshots;
    return distinguishing(
      model.all().map((r) => ({
        id: r.userId,
        name: model.names.get(r.userId) ?? '',
        team: r.teamId ? teamNames.get(r.teamId) : undefined,
        email: model.emails.get(r.userId),
      })),
    );
  }, [model, snapshots, namesVersion, teamNames]);
  const nameOf = (id: string) => withDistinction(model.names.get(id) ?? t('alerts.anAgent'), distinct.get(id));
  return { distinct, nameOf };
}
