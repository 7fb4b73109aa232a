/**
 * @module The roll-up's closed days, per unit: this week's and this month's days before today, from the tab's
 * day cache or Genesys (see closed-days.ts), read again for the days an explanation review touches (heard on the
 * business units' explanation topics), and from scratch when a unit's date turns.
 */
import { useEffect, useRef, useState } from 'react';
import {
  addDays,
  businessUnitExplanationsTopic,
  localDate,
  weekdayOf,
  zonedDays,
  type GenesysClient,
  type LocalDate,
} from '@adhere/genesys';
import { tabNotifications } from '../notifications.js';
import { signedInUser } from '../signed-in-user.js';
import { problemWords } from '../access/denied.js';
import { WEEKDAYS } from '../words.js';
import { closedDays, genesysDays } from './closed-days.js';
import { browserDayCache, dayKey, type DayCache, type UnitDay } from './day-cache.js';

export interface RollupUnit {
  id: string;
  name: string;
  businessUnitId: string | undefined;
  timeZone: string;
  /** The unit's first day of the week (Genesys's ManagementUnit.startDayOfWeek). */
  startDayOfWeek: string;
}

export interface UnitPeriods {
  weekStart: LocalDate;
  monthStart: LocalDate;
  /** The closed days from the earlier of the two to yesterday, or why they could not be read. */
  days: Map<LocalDate, UnitDay> | string | undefined;
}

/** The week's and the month's first days for a unit's today, and the closed days to read. */
export function periodsOf(u: RollupUnit, today: LocalDate): { weekStart: LocalDate; monthStart: LocalDate } {
  const first = Math.max(0, WEEKDAYS.indexOf(u.startDayOfWeek));
  const back = (weekdayOf(today) - first + 7) % 7;
  return { weekStart: addDays(today, -back), monthStart: `${today.slice(0, 8)}01` };
}

let tabCache: Promise<{ cache: DayCache; kept: boolean }> | undefined;
const cacheOfTab = () => (tabCache ??= browserDayCache());

export function useClosedDays(client: GenesysClient, units: readonly RollupUnit[], now: number, enabled: boolean) {
  const [periods, setPeriods] = useState<ReadonlyMap<string, UnitPeriods>>(new Map());
  const [counts, setCounts] = useState({ cached: 0, fetched: 0 });
  const [noExplanations, setNoExplanations] = useState(false);
  const [kept, setKept] = useState(true);
  const [stale, setStale] = useState(0);
  // Read again when a unit's date turns, not every second.
  const dates = units.map((u) => `${u.id}:${localDate(u.timeZone, now)}`).join(',');
  const unitsRef = useRef(units);
  unitsRef.current = units;

  useEffect(() => {
    const list = unitsRef.current;
    if (!enabled || list.length === 0) return;
    const ac = new AbortController();
    const fetchDays = genesysDays(client, () => setNoExplanations(true));
    void (async () => {
      const began = performance.now();
      const [me, { cache, kept: isKept }] = await Promise.all([signedInUser(client), cacheOfTab()]);
      setKept(isKept);
      let cached = 0;
      let fetched = 0;
      await Promise.all(
        list.map(async (u) => {
          const today = localDate(u.timeZone, Date.now());
          const { weekStart, monthStart } = periodsOf(u, today);
          const from = weekStart < monthStart ? weekStart : monthStart;
          const to = addDays(today, -1);
          const show = (days: UnitPeriods['days']) =>
            !ac.signal.aborted && setPeriods((m) => new Map(m).set(u.id, { weekStart, monthStart, days }));
          try {
            const got = await closedDays(
              {
                userId: me.id,
                managementUnitId: u.id,
                businessUnitId: u.businessUnitId,
                timeZone: u.timeZone,
                from,
                to,
              },
              cache,
              fetchDays,
              ac.signal,
            );
            cached += got.cached;
            fetched += got.fetched;
            show(got.days);
          } catch (e) {
            show(problemWords(e));
          }
        }),
      );
      if (ac.signal.aborted) return;
      setCounts({ cached, fetched });
      // For benchmarks and the browser's performance panel: how long the closed days took, and from where.
      performance.mark('adhere:rollup:closed-days', { detail: { cached, fetched, ms: performance.now() - began } });
    })().catch(() => {});
    return () => ac.abort();
  }, [client, dates, enabled, stale]);

  // An explanation reviewed (or added) for a closed day changes that day's adjusted figure: the day is dropped
  // from the cache and read again.
  const buKey = [...new Set(units.map((u) => u.businessUnitId).filter(Boolean))].join(',');
  useEffect(() => {
    if (!enabled || !buKey) return;
    let closed = false;
    const feed = tabNotifications(client).listen({
      optionalTopics: buKey.split(',').map(businessUnitExplanationsTopic),
      onEvent: (e) => {
        if (e.kind !== 'explanation') return;
        const u = unitsRef.current.find((x) => x.id === e.body.managementUnit?.id);
        const start = Date.parse(e.body.startDate);
        if (!u || !Number.isFinite(start)) return;
        const today = localDate(u.timeZone, Date.now());
        const first = localDate(u.timeZone, start);
        const last = localDate(u.timeZone, start + Math.max(1, e.body.lengthMinutes) * 60_000 - 1);
        if (first >= today) return; // today is live, not kept
        const touched = zonedDays(u.timeZone, first, last < today ? last : addDays(today, -1)).map((d) => d.date);
        void signedInUser(client)
          .then(async (me) => {
            const { cache } = await cacheOfTab();
            await cache.drop(touched.map((date) => dayKey(me.id, u.id, date)));
          })
          .then(() => !closed && setStale((n) => n + 1))
          .catch(() => {});
      },
    });
    return () => {
      closed = true;
      feed.close();
    };
  }, [client, buKey, enabled]);

  return { periods, counts, noExplanations, kept };
}
