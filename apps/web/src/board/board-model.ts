import { ADHERENCE_STATES, AdherenceView, recordTime, type AdherenceSink, type AgentAdherence } from '@adhere/genesys';

export type SortKey =
  | 'actNow'
  | 'name'
  | 'adherenceState'
  | 'scheduledActivityCategory'
  | 'actualActivityCategory'
  | 'systemPresence'
  | 'routingStatus'
  | 'timeInState'
  | 'impact';
export interface BoardQuery {
  states: ReadonlySet<string>;
  search: string;
  sortKey: SortKey;
  descending: boolean;
}

// Sorting by state puts what needs attention first: the order of ADHERENCE_STATES.
const SEVERITY = new Map<string, number>(ADHERENCE_STATES.map((state, i) => [state, i]));

/**
 * The board's state: agents' adherence from a snapshot plus live updates. Mutable on purpose (20,000 rows
 * at 500 changes/s): React re-renders on `version`, not on a copied map.
 */
export class BoardModel implements AdherenceSink {
  private readonly view = new AdherenceView();
  private readonly tally: Record<string, number> = {};
  readonly names = new Map<string, string>();
  version = 0;
  /** The latest time any record carries: a floor for "now" when the server's clock runs ahead of ours
   *  (client clock drift, or an emulator run at --speed above 1). */
  latestStamp = 0;

  private noteStamp(a: AgentAdherence): void {
    this.latestStamp = Math.max(this.latestStamp, recordTime(a));
  }

  /** Snapshots merged so far: names are fetched for new agents after each. */
  snapshots = 0;
  /** Hears every record the board takes (today's adherence counts with them). */
  onApplied: ((record: AgentAdherence) => void) | undefined;
  /** While paused, what arrives is queued in order and applied on resume: the view holds still. */
  private held: Array<{ records: readonly AgentAdherence[]; since: number } | AgentAdherence> | undefined;

  get paused(): boolean {
    return this.held !== undefined;
  }

  /** How many changes wait to be applied. */
  get queued(): number {
    return this.held?.length ?? 0;
  }

  pause(): void {
    this.held ??= [];
  }

  /** Applies what was queued, in the order it arrived. */
  resume(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const h of held) {
      if ('records' in h) this.mergeSnapshot(h.records, h.since);
      else this.apply(h);
    }
    this.version++;
  }

  beginSnapshot(): number {
    return this.view.beginSnapshot();
  }

  /** Merges a snapshot latest-wins (see AdherenceView) and recounts. */
  mergeSnapshot(records: readonly AgentAdherence[], since: number): void {
    if (this.held) {
      this.held.push({ records, since });
      return;
    }
    this.view.mergeSnapshot(records, since);
    for (const k of Object.keys(this.tally)) delete this.tally[k];
    for (const r of this.view.all()) {
      this.count(r, 1);
      this.noteStamp(r);
    }
    this.snapshots++;
    this.version++;
  }

  /** A snapshot with nothing in flight (tests). */
  replaceAll(records: AgentAdherence[]): void {
    this.mergeSnapshot(records, this.view.beginSnapshot());
  }

  /** Applies one record; returns whether it changed the board. Counts are kept as it goes. */
  apply(u: AgentAdherence): boolean {
    if (this.held) {
      // The board holds still, but its waiting count has changed: worth a repaint of the banner.
      this.held.push(u);
      this.version++;
      return true;
    }
    const before = this.view.get(u.userId);
    if (!this.view.apply(u)) return false;
    this.onApplied?.(u);
    if (before) this.count(before, -1);
    const after = this.view.get(u.userId);
    if (after) {
      this.count(after, 1);
      this.noteStamp(after);
    }
    this.version++;
    return true;
  }

  /** Applies a batch of updates; returns how many changed the board. */
  applyUpdates(updates: AgentAdherence[]): number {
    let changed = 0;
    for (const u of updates) if (this.apply(u)) changed++;
    return changed;
  }

  private count(a: AgentAdherence, delta: number): void {
    const k = a.adherenceState ?? 'Unknown';
    this.tally[k] = (this.tally[k] ?? 0) + delta;
    if (this.tally[k] === 0) delete this.tally[k];
  }

  get(userId: string): AgentAdherence | undefined {
    return this.view.get(userId);
  }

  get size(): number {
    return this.view.size;
  }

  /** Every agent, unordered: for lookups that need no filter or sort. */
  all(): AgentAdherence[] {
    return this.view.all();
  }

  counts(): Record<string, number> {
    return { ...this.tally };
  }

  /** The rows to show: filtered by state and name search, sorted. */
  select(q: BoardQuery, now: number): AgentAdherence[] {
    const search = q.search.trim().toLowerCase();
    const rows = this.view
      .all()
      .filter(
        (a) =>
          (q.states.size === 0 || q.states.has(a.adherenceState ?? 'Unknown')) &&
          (!search || (this.names.get(a.userId) ?? a.userId).toLowerCase().includes(search)),
      );
    // Each row's key is computed once (not in the comparator, which runs n·log n times: 20,000 rows would
    // parse each date some 30 times), then the rows are sorted by it.
    const severity = (a: AgentAdherence) => SEVERITY.get(a.adherenceState ?? 'Unknown') ?? SEVERITY.get('Unknown')!;
    const since = (a: AgentAdherence) => Date.parse(a.timeOfAdherenceChange ?? '') || now;
    const key = (a: AgentAdherence): string | number => {
      // Act now: out of adherence first, longest out first; then the other states by need, longest first.
      if (q.sortKey === 'actNow') return severity(a) * 1e15 + since(a);
      if (q.sortKey === 'name') return this.names.get(a.userId) ?? a.userId;
      if (q.sortKey === 'timeInState') return now - since(a);
      if (q.sortKey === 'adherenceState') return severity(a);
      return a[q.sortKey] ?? '';
    };
    const dir = q.descending ? -1 : 1;
    const keyed = rows.map((r) => ({ r, k: key(r) }));
    keyed.sort(
      ({ r: x, k: a }, { r: y, k: b }) => (a < b ? -1 : a > b ? 1 : 0) * dir || (x.userId < y.userId ? -1 : 1),
    );
    return keyed.map((e) => e.r);
  }
}
