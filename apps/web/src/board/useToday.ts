/**
 * @module Today's adherence on the board: seeded from Genesys's historical figures for today (the bulk query,
 * in each unit's zone), refreshed every 15 minutes, and carried forward live in between.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { addDays, localDate, recordTime, startOfDay, type GenesysClient } from '@adhere/genesys';
import type { BoardModel } from './board-model.js';
import { TodayAdherence } from './today.js';
import type { Thresholds } from './thresholds.js';
import { deniedWords } from '../access/denied.js';
import { tabNotifications } from '../notifications.js';

const REFRESH_MS = 15 * 60_000;

export interface TodayState {
  /** Per unit (absent until its first seed); a new object after each seed, so memos can depend on it. */
  units: { byUnit: ReadonlyMap<string, TodayAdherence> };
  /** Why today's figures are missing, when they are. */
  problem: string | undefined;
}

export function useToday(
  client: GenesysClient,
  model: BoardModel,
  muIds: readonly string[],
  zones: ReadonlyMap<string, string>,
  thresholds: ReadonlyMap<string, Thresholds>,
  /** Whether the first snapshot is in: the seed pairs Genesys's figures with each agent's state now. */
  ready: boolean,
): TodayState {
  const byUnit = useRef(new Map<string, TodayAdherence>()).current;
  const [state, setState] = useState<{ problem: string | undefined; version: number }>({
    problem: undefined,
    version: 0,
  });
  const thresholdsRef = useRef(thresholds);
  thresholdsRef.current = thresholds;

  // Every record the board takes moves its unit's count on.
  useEffect(() => {
    // When it happened: the record's own time, or its arrival when that is later (a change of scheduled
    // activity alone moves neither of the record's times).
    model.onApplied = (r) => byUnit.get(r.managementUnitId ?? '')?.observe(r, Math.max(recordTime(r), Date.now()));
    return () => {
      model.onApplied = undefined;
    };
  }, [model, byUnit]);

  useEffect(() => {
    const ac = new AbortController();
    const seed = async () => {
      const { historicalAdherence } = await import('./today-history.js');
      const problems: string[] = [];
      let refused: string | undefined;
      await Promise.all(
        muIds.map(async (mu) => {
          const zone = zones.get(mu);
          if (!zone) return;
          const at = Date.now();
          const date = localDate(zone, at);
          const dayStart = startOfDay(zone, date);
          try {
            const results = await historicalAdherence(client, {
              managementUnitId: mu,
              startDate: new Date(dayStart).toISOString(),
              endDate: new Date(startOfDay(zone, addDays(date, 1))).toISOString(),
              timeZone: zone,
              signal: ac.signal,
              notifications: tabNotifications(client),
              pollIntervalMs: 1000,
            });
            const t = new TodayAdherence(dayStart, () => (thresholdsRef.current.get(mu)?.exceptionSeconds ?? 0) * 1000);
            for (const r of results) {
              const live = model.get(r.userId);
              const d = r.days[0];
              if (live && d)
                t.seed(live, d.adherenceScheduleSeconds, d.exceptionDurationSeconds, Math.max(at, recordTime(live)));
            }
            byUnit.set(mu, t);
          } catch (e) {
            if (!ac.signal.aborted) {
              const denied = deniedWords(e);
              if (denied) refused = denied;
              else problems.push((e as Error).message);
            }
          }
        }),
      );
      if (!ac.signal.aborted)
        setState((s) => ({
          problem: refused
            ? `Today's adherence comes from Genesys's historical adherence, and ${refused}.`
            : problems.length
              ? `Today's adherence is not available yet (Genesys did not answer for today: ${problems[0]}).`
              : undefined,
          version: s.version + 1,
        }));
    };
    if (!ready) return () => ac.abort();
    // Only loading the query's code can fail outside seed's own handling (the app was redeployed, say): said too.
    const run = () =>
      seed().catch((e: Error) => {
        if (!ac.signal.aborted)
          setState((s) => ({ problem: `Today's adherence could not be read: ${e.message}`, version: s.version + 1 }));
      });
    void run();
    const refresh = setInterval(() => void run(), REFRESH_MS);
    return () => {
      ac.abort();
      clearInterval(refresh);
    };
  }, [client, model, muIds, zones, byUnit, ready]);

  const units = useMemo(() => ({ byUnit, version: state.version }), [byUnit, state.version]);
  return { units, problem: state.problem };
}
