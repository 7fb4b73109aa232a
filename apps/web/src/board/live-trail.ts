/**
 * @module Each agent's day as the board has seen it live: what they were doing (the actual activity) and when they
 * were out of adherence, spell by spell. The agent's day shows it when Genesys's historical adherence is not open
 * to the user (a role with real-time adherence only), so a supervisor still sees the day so far, as far as this
 * page has watched it. Spells end where Genesys's own times say (timeOfAdherenceChange, presenceUpdateTime).
 */
import { recordTime, type AgentAdherence } from '@adhere/genesys';

export interface Spell {
  start: number;
  end: number;
  /** The actual activity category (`OnQueueWork`, `Break`…), or `out` for a spell out of adherence. */
  category: string;
}

/** Spells kept per agent and kind: a day of a working agent's changes, bounded for 20,000 agents at 650 changes/s. */
const KEPT = 64;

const time = (iso: string | undefined) => Date.parse(iso ?? '') || 0;

export class LiveTrail {
  /** When the board began watching: nothing before it is known from live data, except each spell's start. */
  readonly since: number;
  private readonly actual = new Map<string, Spell[]>();
  private readonly out = new Map<string, Spell[]>();

  constructor(since: number) {
    this.since = since;
  }

  /** One change the board took: closes the spells it ended. */
  note(before: AgentAdherence | undefined, after: AgentAdherence): void {
    if (!before) return;
    const at = recordTime(after);
    if (before.actualActivityCategory !== after.actualActivityCategory && before.actualActivityCategory) {
      const end = time(after.presenceUpdateTime) || at;
      push(this.actual, after.userId, {
        start: this.openSince(this.actual, after.userId, time(before.presenceUpdateTime)),
        end,
        category: before.actualActivityCategory,
      });
    }
    if (before.adherenceState === 'OutOfAdherence' && after.adherenceState !== 'OutOfAdherence') {
      push(this.out, after.userId, {
        start: time(before.timeOfAdherenceChange) || this.since,
        end: time(after.timeOfAdherenceChange) || at,
        category: 'out',
      });
    }
  }

  /**
   * The agent's spells from `dayStart` to `now`: closed ones as seen, and the one running now from the current
   * record. Each is clipped to the day.
   */
  dayOf(record: AgentAdherence | undefined, dayStart: number, now: number): { actual: Spell[]; out: Spell[] } {
    const clip = (s: Spell[]) =>
      s
        .filter((x) => x.end > dayStart && x.start < now && x.end > x.start)
        .map((x) => ({ ...x, start: Math.max(x.start, dayStart), end: Math.min(x.end, now) }));
    const id = record?.userId ?? '';
    const actual = [...(this.actual.get(id) ?? [])];
    const out = [...(this.out.get(id) ?? [])];
    if (record?.actualActivityCategory)
      actual.push({
        start: this.openSince(this.actual, id, time(record.presenceUpdateTime)),
        end: now,
        category: record.actualActivityCategory,
      });
    if (record?.adherenceState === 'OutOfAdherence')
      out.push({ start: time(record.timeOfAdherenceChange) || this.since, end: now, category: 'out' });
    return { actual: clip(actual), out: clip(out) };
  }

  /** Where the running spell began: its record's own time, never before the last closed spell's end. */
  private openSince(spells: Map<string, Spell[]>, id: string, own: number): number {
    const last = spells.get(id)?.at(-1)?.end;
    return Math.max(own || this.since, last ?? 0);
  }
}

function push(spells: Map<string, Spell[]>, id: string, spell: Spell): void {
  let list = spells.get(id);
  if (!list) spells.set(id, (list = []));
  list.push(spell);
  if (list.length > KEPT) list.shift();
}
