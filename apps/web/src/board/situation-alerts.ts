/**
 * @module Situation alerts (issue 22, what to build 1): each agent's situation (late log-in, logged out early, break or
 * meal overrun, not on queue, not responding) alerts once when it turns severe while the board is open. Those already
 * severe when the board opens are returned together once, for one summary notification rather than a storm.
 */
import type { AgentAdherence } from '@adhere/genesys';
import type { Situation, SituationKind } from './situations.js';

export interface SituationAlert {
  /** Agent and the episode's start: one alert per episode, whatever its kind is judged to be as more is known. */
  key: string;
  userId: string;
  kind: SituationKind;
  /** When the situation began (epoch ms). */
  since: number;
}

export class SituationWatch {
  private seen = new Set<string>();
  private primed = false;

  /**
   * The situations that turned severe since the last check (`alerts`); on the first check, those already severe
   * (`already`, longest first) instead. Muted agents never alert. Episodes that ended are forgotten.
   */
  check(
    records: readonly AgentAdherence[],
    now: number,
    situationOf: (r: AgentAdherence, now: number) => Situation | undefined,
    muted: (userId: string) => boolean = () => false,
  ): { alerts: SituationAlert[]; already: SituationAlert[] } {
    const alerts: SituationAlert[] = [];
    const already: SituationAlert[] = [];
    const current = new Set<string>();
    for (const r of records) {
      const s = situationOf(r, now);
      if (!s?.severe || muted(r.userId)) continue;
      const since = now - s.ms;
      // The episode, not its kind: an agent offline since before the board opened is judged again when today's
      // schedule arrives (a late log-in becomes "logged out early"); that is the same situation, not news.
      const key = `${r.userId}:${since}`;
      current.add(key);
      if (this.seen.has(key)) continue;
      const alert = { key, userId: r.userId, kind: s.kind, since };
      (this.primed ? alerts : already).push(alert);
    }
    this.seen = current;
    this.primed = true;
    already.sort((a, b) => a.since - b.since || (a.userId < b.userId ? -1 : 1));
    return { alerts, already };
  }
}
