/** @module How long an agent has been out of adherence, against the management unit's own thresholds. */
import type { AdherenceSettings } from '@adhere/genesys';
import { t as say } from '../i18n/i18n.js';
import { formatDuration } from './state-style.js';

export interface Thresholds {
  /** Genesys's adherenceExceptionThresholdSeconds: shorter exceptions do not count. */
  exceptionSeconds: number;
  /** Genesys's severeAlertThresholdMinutes (default 5). */
  severeMinutes: number;
  /** Genesys's adherenceTargetPercent (default 90). */
  targetPercent: number;
  /** Genesys's ignoredActivityCategories: activities of these categories do not count for adherence. */
  ignoredCategories: readonly string[];
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  exceptionSeconds: 0,
  severeMinutes: 5,
  targetPercent: 90,
  ignoredCategories: [],
};

export function thresholdsOf(settings: AdherenceSettings | undefined): Thresholds {
  return {
    exceptionSeconds: settings?.adherenceExceptionThresholdSeconds ?? DEFAULT_THRESHOLDS.exceptionSeconds,
    severeMinutes: settings?.severeAlertThresholdMinutes ?? DEFAULT_THRESHOLDS.severeMinutes,
    targetPercent: settings?.adherenceTargetPercent ?? DEFAULT_THRESHOLDS.targetPercent,
    ignoredCategories: settings?.ignoredActivityCategories?.values ?? [],
  };
}

export type OutLevel = 'within' | 'over' | 'severe';

/** Where an out-of-adherence spell of `ms` stands: within the exception threshold, over it, or severe. */
export function outLevel(ms: number, t: Thresholds): OutLevel {
  if (ms >= t.severeMinutes * 60_000) return 'severe';
  return ms >= t.exceptionSeconds * 1000 ? 'over' : 'within';
}

/**
 * The spell in a few words for the row: "out 3 min 10 s", "out 6 min 02 s, severe", "out 40 s, not counted yet".
 * What the thresholds are is said once, in `thresholdWords`, not on every row.
 */
export function describeOut(ms: number, t: Thresholds): string {
  return say('out.spell', { level: outLevel(ms, t), time: formatDuration(ms) });
}

/** The unit's thresholds in a sentence: "Counts against adherence after 1 min; severe after 5 min." */
export function thresholdWords(t: Thresholds): string {
  return t.exceptionSeconds > 0
    ? say('out.thresholdsAfter', { after: formatDuration(t.exceptionSeconds * 1000), severe: t.severeMinutes })
    : say('out.thresholdsAtOnce', { severe: t.severeMinutes });
}
