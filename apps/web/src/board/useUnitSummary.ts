/** @module What the wallboard and All units both show of a live selection: a tile per unit, and who is out, act-now first. */
import { useMemo } from 'react';
import type { LiveBoard } from './useLiveBoard.js';
import { unitTiles } from './unit-tiles.js';

export function useUnitSummary(live: LiveBoard) {
  const { ranked, now, today, units } = live;
  // One tile per unit shown, its figures summed over its own agents against its own target.
  const tiles = useMemo(
    () => unitTiles(ranked.model.all(), today.units, (id) => units.thresholds.get(id)?.targetPercent ?? 90, now),
    [ranked, now, today.units, units.thresholds],
  );
  const out = useMemo(
    () =>
      ranked.model.select(
        { states: new Set(['OutOfAdherence']), search: '', sortKey: 'actNow', descending: false },
        now,
      ),
    [ranked, now],
  );
  return { tiles, out };
}
