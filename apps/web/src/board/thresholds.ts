/** @module How long an agent has been out of adherence, against the management unit's own thresholds. */
import type { AdherenceSettings } from '@adhere/genesys';
import { formatDuration } from './state-style.js';

export interface Thresholds {
  /** Genesys's adherenceExceptionThresholdSeconds: shorter exceptions do not count. */
  exceptionSeconds: number;
  /** Genesys's severeAlertThresholdMinutes (default 5). */
  severeMinutes: number;
  /** Genesys's adherenceTargetPercent (default 90). */
  targetPercent: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { exceptionSeconds: 0, severeMinutes: 5, targetPercent: 90 };

export function thresholdsOf(settings: AdherenceSettings | undefined): Thresholds {
  return {
    exceptionSeconds: settings?.adherenceExceptionThresholdSeconds ?? DEFAULT_THRESHOLDS.exceptionSeconds,
    severeMinutes: settings?.severeAlertThresholdMinutes ?? DEFAULT_THRESHOLDS.severeMinutes,
    targetPercent: settings?.adherenceTargetPercent ?? DEFAULT_THRESHOLDS.targetPercent,
  };
}

export type OutLevel = 'within' | 'over' | 'severe';

/** Where an out-of-adherence spell of `ms` stands: within the exception threshold, over it, or severe. */
export function outLevel(ms: number, t: Thresholds): OutLevel {
  if (ms >= t.severeMinutes * 60_000) return 'severe';
  return ms >= t.exceptionSeconds * 1000 ? 'over' : 'within';
}

/** "out 3:10 (over 1:00 threshold)", "out 6:02 — severe (5 min)", "out 0:40 (within 1:00 threshold)". */
export function describeOut(ms: number, t: Thresholds): string {
  const level = outLevel(ms, t);
  const threshold = formatDuration(t.exceptionSeconds * 1000);
  if (level === 'severe') return `out ${formatDuration(ms)} — severe (${t.severeMinutes} min)`;
  return level === 'over'
    ? `out ${formatDuration(ms)} (over ${threshold} threshold)`
    : `out ${formatDuration(ms)} (within ${threshold} threshold)`;
}
