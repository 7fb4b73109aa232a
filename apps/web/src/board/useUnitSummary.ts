/** @module What the wallboard and All units both show of a live selection: a tile per unit, and who is out, act-now first. */
import { useEffect, useMemo, useState } from 'react';
import type { LiveBoard } from './useLiveBoard.js';
import { byUnit, unitTile, unitTiles, type UnitTile } from './unit-tiles.js';
import { inSlices } from './in-slices.js';

/** `whole`: the selection is whole units, not a team (see unitTile). */
export function useUnitSummary(live: LiveBoard, whole: boolean) {
  const { ranked, now, today, units } = live;
  const targetOf = (id: string) => units.thresholds.get(id)?.targetPercent ?? 90;
  // One tile per unit shown, its figures summed over its own agents against its own target. The first tiles are
  // computed at once (nothing to show otherwise); each second's after that a unit at a time, in slices of their
  // own: 20 units over 25,000 agents held the thread 60–75 ms in one piece. Until a pass is done the tiles are
  // the last second's.
  const [tiles, setTiles] = useState<UnitTile[]>(() =>
    unitTiles(ranked.model.all(), today.units, targetOf, now, whole),
  );
  useEffect(
    () =>
      inSlices(
        byUnit(ranked.model.all()),
        ([id, list]) => unitTile(id, list, today.units, targetOf(id), now, whole),
        setTiles,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- targetOf reads units.thresholds, listed
    [ranked, now, today.units, units.thresholds, whole],
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
