/**
 * @module Adjusted adherence beside raw (issue 20, item 2). Raw is Genesys's figure: 1 − exception time ÷ scheduled
 * time. Adjusted counts the exception time an approved explanation covers as adherent: 1 − (exception time −
 * approved explained time) ÷ scheduled time. Only time inside an exception moves (an explanation of time that was
 * adherent anyway changes nothing), overlapping explanations count once, and each second lands on the local day
 * of the exception it is in (Genesys cuts exceptions at local midnight).
 */
import { t } from '../i18n/i18n.js';
import type { AdherenceExplanation, HistoricalUserResult } from '@adhere/genesys';

/** One line the views show beside the figure. */
export const adjustedSays = () => t('adjusted.says');

/** Per agent, per day (the day's dayStartOffsetSeconds): seconds of exception time approved explanations cover. */
export type ApprovedSeconds = ReadonlyMap<string, ReadonlyMap<number, number>>;

export function approvedSeconds(
  results: readonly HistoricalUserResult[],
  explanations: readonly AdherenceExplanation[],
): ApprovedSeconds {
  const approved = approvedSpans(explanations);
  const out = new Map<string, Map<number, number>>();
  for (const r of results) {
    const spans = approved.get(r.userId);
    if (!spans || r.exceptions.length === 0) continue;
    const base = Date.parse(r.startDate);
    const dayStarts = r.days.map((d) => d.dayStartOffsetSeconds).sort((a, b) => a - b);
    const byDay = new Map<number, number>();
    for (const x of r.exceptions) {
      const from = base + x.startOffsetSeconds * 1000;
      const to = base + x.endOffsetSeconds * 1000;
      const covered = coveredMs(spans, from, to);
      if (covered <= 0) continue;
      const day = dayOf(dayStarts, x.startOffsetSeconds);
      byDay.set(day, (byDay.get(day) ?? 0) + covered / 1000);
    }
    if (byDay.size) out.set(r.userId, byDay);
  }
  return out;
}

/** Each agent's approved explained time as merged intervals [start, end) in epoch ms, so time is counted once. */
export function approvedSpans(explanations: readonly AdherenceExplanation[]): Map<string, Array<[number, number]>> {
  const approved = new Map<string, Array<[number, number]>>();
  for (const e of explanations) {
    if (e.status !== 'Approved') continue;
    const start = Date.parse(e.startDate);
    if (!Number.isFinite(start)) continue;
    const list = approved.get(e.agent.id) ?? [];
    list.push([start, start + e.lengthMinutes * 60_000]);
    approved.set(e.agent.id, list);
  }
  for (const [id, list] of approved) approved.set(id, mergeSpans(list));
  return approved;
}

/** How much of [from, to) merged, sorted `spans` cover, in ms. */
export function coveredMs(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): number {
  let covered = 0;
  for (const [s, e] of spans) {
    if (s >= to) break;
    covered += Math.max(0, Math.min(e, to) - Math.max(s, from));
  }
  return covered;
}

/** Adjusted adherence in percent, rounded as Genesys rounds its own (two decimals); undefined with nothing scheduled. */
export function adjustedPercent(
  scheduledSeconds: number,
  exceptionSeconds: number,
  approved: number,
): number | undefined {
  if (scheduledSeconds <= 0) return undefined;
  return Math.round((1 - Math.max(0, exceptionSeconds - approved) / scheduledSeconds) * 10000) / 100;
}

/** The approved seconds of one agent over the given days (all of them when `days` is undefined). */
export function approvedOf(approved: ApprovedSeconds, userId: string, days?: ReadonlySet<number>): number {
  let sum = 0;
  for (const [day, s] of approved.get(userId) ?? []) if (!days || days.has(day)) sum += s;
  return sum;
}

/** Intervals [start, end) sorted and merged, so time is counted once (the list given is left as it was). */
export function mergeSpans(list: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The day (its start offset) an offset falls in: the last day start at or before it. */
function dayOf(sortedStarts: readonly number[], offset: number): number {
  let day = sortedStarts[0] ?? 0;
  for (const s of sortedStarts) {
    if (s > offset) break;
    day = s;
  }
  return day;
}
