/**
 * @module Staffing now (issue 22, what to build 5): agents scheduled on queue against agents actually on queue, for
 * the selection and per team, with the gap in words ("6 short now"). Counted from the live records: the same
 * agents the board shows.
 */
import type { AgentAdherence } from '@adhere/genesys';
import { t } from '../i18n/i18n.js';

export interface Staffing {
  /** Scheduled on queue now (an On Queue activity). */
  scheduled: number;
  /** Actually on queue now (On Queue presence), scheduled there or not. */
  onQueue: number;
}

const scheduledOnQueue = (r: AgentAdherence) => r.scheduledActivityCategory === 'OnQueueWork';
const actuallyOnQueue = (r: AgentAdherence) => r.actualActivityCategory === 'OnQueueWork';

/** The whole selection's staffing, and each team's (by team id). */
export function staffingNow(records: Iterable<AgentAdherence>): { all: Staffing; byTeam: Map<string, Staffing> } {
  const all = { scheduled: 0, onQueue: 0 };
  const byTeam = new Map<string, Staffing>();
  for (const r of records) {
    const s = scheduledOnQueue(r) ? 1 : 0;
    const a = actuallyOnQueue(r) ? 1 : 0;
    if (!s && !a) continue;
    all.scheduled += s;
    all.onQueue += a;
    const team = r.teamId ?? '';
    const t = byTeam.get(team) ?? { scheduled: 0, onQueue: 0 };
    t.scheduled += s;
    t.onQueue += a;
    byTeam.set(team, t);
  }
  return { all, byTeam };
}

/** "8 short now", "2 more than scheduled", "as scheduled". */
export function gapWords(s: Staffing): string {
  return gapPhrase(s.onQueue - s.scheduled, 'now');
}

/** A gap in whole agents, on queue less scheduled, as said: "8 short" (+ `when`), "2 more than scheduled". */
export function gapPhrase(gap: number, when: 'now' | 'then' = 'then'): string {
  if (gap === 0) return t('gap.asScheduled');
  return gap < 0 ? t('gap.short', { count: -gap, when }) : t('gap.more', { count: gap });
}
