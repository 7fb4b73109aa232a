import {
  ADHERENCE_STATES,
  AdherenceView,
  recordTime,
  type AdherenceExplanation,
  type AdherenceSink,
  type AgentAdherence,
} from '@adhere/genesys';
import { LiveTrail } from './live-trail.js';
import type { Situation } from './situations.js';

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
  /** Only agents in this situation (see situations.ts), when set. */
  situation?: string | undefined;
  sortKey: SortKey;
  descending: boolean;
}

// Sorting by state puts what needs attention first: the order of ADHERENCE_STATES.
const SEVERITY = new Map<string, number>(ADHERENCE_STATES.map((state, i) => [state, i]));
const UNKNOWN = SEVERITY.get('Unknown')!;
const NAME_ORDER = new Intl.Collator(undefined, { numeric: true });
type TextKey = Exclude<SortKey, 'actNow' | 'name' | 'adherenceState' | 'timeInState'>;

/**
 * The board's state: agents' adherence from a snapshot plus live updates. Mutable on purpose (20,000 rows
 * at 500 changes/s): React re-renders on `version`, not on a copied map.
 */
export class BoardModel implements AdherenceSink {
  private readonly view = new AdherenceView();
  private readonly tally: Record<string, number> = {};
  readonly names = new Map<string, string>();
  /** Emails of agents who share a name with another on the board, to tell them apart (see same-names.ts). */
  readonly emails = new Map<string, string>();
  /**
   * Each agent's latest explanation of today (by its start), as Genesys's business-unit explanation topic and
   * query give it: what the row says when the live record carries none (an explanation of time already past).
   */
  readonly explanations = new Map<string, AdherenceExplanation>();
  /** Per agent, today's approved explanations (by id) as [start, end) in ms: the adjusted figure's part. */
  readonly approved = new Map<string, Map<string, readonly [number, number]>>();
  /** Each agent's day as seen live: the agent's day shows it when historical adherence is not open to the user. */
  readonly trail: LiveTrail;
  version = 0;
  /** The latest time any record carries: a floor for "now" when the server's clock runs ahead of ours
   *  (client clock drift, or an emulator run at --speed above 1). */
  latestStamp = 0;

  /** `watchingSince`: when this board began watching (the trail knows nothing live before it). */
  constructor(watchingSince = Date.now()) {
    this.trail = new LiveTrail(watchingSince);
  }

  private noteStamp(a: AgentAdherence): void {
    this.latestStamp = Math.max(this.latestStamp, recordTime(a));
  }

  /**
   * Each agent's previous scheduled activity and when it ended, as seen live: the real-time record names only
   * the current and the next activity, so the one before is what the board saw change. Unknown for an agent
   * until their scheduled activity first changes while the board is open.
   */
  readonly previous = new Map<string, { category: string | undefined; codeId: string | undefined; until: number }>();

  /** Snapshots merged so far: names are fetched for new agents after each. */
  snapshots = 0;
  /** Hears each merged snapshot at once (names for new agents are asked for then, not a frame later). */
  onSnapshot: (() => void) | undefined;
  /**
   * Why an agent out of adherence must be acted on now (see projection.ts): the act-now order puts those who will
   * miss the target unless acted on first, then those who have missed it, then everyone else out. Set by the store
   * once today's figures and schedule are in.
   */
  urgencyOf: ((a: AgentAdherence, now: number) => 'missed' | 'will-miss' | undefined) | undefined;
  /** The agent's situation now (see situations.ts): the filter's and the column's. Set by the store. */
  situationOf: ((a: AgentAdherence, now: number) => Situation | undefined) | undefined;
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
    // Genesys's snapshot names each agent (UserScheduleAdherence.name): no lookup needed for those.
    for (const r of records) if (r.name) this.names.set(r.userId, r.name);
    for (const k of Object.keys(this.tally)) delete this.tally[k];
    for (const r of this.view.all()) {
      this.count(r, 1);
      this.noteStamp(r);
    }
    this.snapshots++;
    this.version++;
    this.onSnapshot?.();
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
    this.notePrevious(before, u);
    this.trail.note(before, u);
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

  private notePrevious(before: AgentAdherence | undefined, after: AgentAdherence): void {
    if (
      !before ||
      (before.scheduledActivityCodeId === after.scheduledActivityCodeId &&
        before.scheduledActivityCategory === after.scheduledActivityCategory)
    )
      return;
    // When it ended: where the old record said the next activity would start, if this is that activity (a
    // change of schedule moves neither of the record's own times); else when the board heard of it.
    const due = Date.parse(before.nextActivity?.startDate ?? '');
    const until =
      Number.isFinite(due) && before.nextActivity?.category === after.scheduledActivityCategory
        ? due
        : Math.max(Date.now(), this.latestStamp);
    this.previous.set(after.userId, {
      category: before.scheduledActivityCategory,
      codeId: before.scheduledActivityCodeId,
      until,
    });
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
    return this.selectIds(q, now).map((id) => this.view.get(id)!);
  }

  /**
   * The ids of the rows to show, filtered and sorted. Run once a second over up to 20,000 agents, so it
   * keeps to numbers: each row's key is computed once into a typed array (dates parsed once per record,
   * see `since`), and the sort compares numbers; names sort by a collation rank.
   */
  selectIds(q: BoardQuery, now: number): string[] {
    const key = `${this.snapshots}|${this.view.size}|${this.names.size}|${this.paused}`;
    const last = this.lastRank;
    if (
      last &&
      last.now === now &&
      last.key === key &&
      last.q.states === q.states &&
      last.q.search === q.search &&
      last.q.situation === q.situation &&
      last.q.sortKey === q.sortKey &&
      last.q.descending === q.descending
    )
      return last.ids;
    const ids = this.sortIds(q, now);
    this.lastRank = { q, now, key, ids };
    return ids;
  }

  /**
   * Sorts ahead, for the once-a-second re-rank: in the caller's task (a timer), with the query last asked
   * for, so the render that follows finds the order made. A sort inside a render is paid again each time
   * React restarts that render, and a live update each frame interrupts a transition.
   */
  prerank(now: number): void {
    if (this.lastRank) this.selectIds(this.lastRank.q, now);
  }
  /** The last order made, and what it was made of: the same query at the same second (and the same agents,
   *  names and pause) is the same order. */
  private lastRank: { q: BoardQuery; now: number; key: string; ids: string[] } | undefined;

  private sortIds(q: BoardQuery, now: number): string[] {
    const search = q.search.trim().toLowerCase();
    const rows = this.view
      .all()
      .filter(
        (a) =>
          (q.states.size === 0 || q.states.has(a.adherenceState ?? 'Unknown')) &&
          (!search || (this.names.get(a.userId) ?? a.userId).toLowerCase().includes(search)) &&
          (!q.situation || this.situationOf?.(a, now)?.kind === q.situation),
      );
    const n = rows.length;
    const keys = new Float64Array(n);
    const severity = (a: AgentAdherence) => SEVERITY.get(a.adherenceState ?? 'Unknown') ?? UNKNOWN;
    if (q.sortKey === 'actNow' || q.sortKey === 'timeInState' || q.sortKey === 'adherenceState') {
      for (let i = 0; i < n; i++) {
        const a = rows[i]!;
        const since = this.since(a) || now;
        // Act now: out of adherence first — those who will miss the target unless acted on now, then those who
        // have missed it, then the rest — longest out first; then the other states by need, longest first.
        // severity × 1e15 + epoch ms stays below 2^53 (the urgent groups go below zero), so the key is exact.
        const urgent = q.sortKey === 'actNow' ? this.urgencyOf?.(a, now) : undefined;
        keys[i] =
          q.sortKey === 'actNow'
            ? (urgent === 'will-miss' ? -2e15 : urgent === 'missed' ? -1e15 : severity(a) * 1e15) + since
            : q.sortKey === 'timeInState'
              ? now - since
              : severity(a);
      }
    } else {
      // Text columns: rank the distinct values once, then sort rows by rank.
      const text = (a: AgentAdherence) =>
        q.sortKey === 'name' ? (this.names.get(a.userId) ?? a.userId) : (a[q.sortKey as TextKey] ?? '');
      const values = rows.map(text);
      // Names as people sort them (accents and case by the user's locale); Genesys's values as they are.
      const distinct = [...new Set(values)];
      distinct.sort(q.sortKey === 'name' ? NAME_ORDER.compare : undefined);
      const rank = new Map(distinct.map((v, i) => [v, i]));
      for (let i = 0; i < n; i++) keys[i] = rank.get(values[i]!)!;
    }
    // Sorted without a comparator: each row's key becomes its rank among the distinct keys, packed with its
    // id's rank (the tie-break, ids in code-unit order) into one exact number, and a typed array of numbers
    // sorts natively, several times faster than any comparator sort at 20,000 rows.
    const distinct = keys.slice().sort();
    let u = 0;
    for (let i = 0; i < n; i++) if (u === 0 || distinct[i] !== distinct[u - 1]) distinct[u++] = distinct[i]!;
    const idRank = this.idRanks();
    const m = idRank.size;
    const rowOfId = new Int32Array(m);
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // The key's rank: a binary search over the distinct keys.
      let lo = 0;
      let hi = u - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (distinct[mid]! < keys[i]!) lo = mid + 1;
        else hi = mid;
      }
      const id = idRank.get(rows[i]!.userId);
      if (id === undefined) {
        // An agent that came and another that went since the ranks were built: build them again.
        this.rankedAt = -1;
        return this.sortIds(q, now);
      }
      rowOfId[id] = i;
      packed[i] = (q.descending ? u - 1 - lo : lo) * m + id;
    }
    packed.sort();
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) ids[i] = rows[rowOfId[packed[i]! % m]!]!.userId;
    return ids;
  }

  /**
   * Every agent's rank in id order, built again only when the agents may have changed: a snapshot merged, or
   * the view grown by an agent no snapshot had (checking every id each second would cost as much as a sort).
   */
  private idRanks(): Map<string, number> {
    const known = this.idRank;
    if (this.rankedAt === this.snapshots && this.rankedSize === this.view.size) return known;
    this.rankedAt = this.snapshots;
    this.rankedSize = this.view.size;
    const ids = this.view.all().map((a) => a.userId);
    ids.sort();
    this.idRank = new Map(ids.map((id, i) => [id, i]));
    return this.idRank;
  }
  private idRank = new Map<string, number>();
  private rankedAt = -1;
  private rankedSize = -1;

  /** When the record's adherence state began (epoch ms, 0 when unknown), parsed once per record. */
  since(a: AgentAdherence): number {
    let t = this.parsed.get(a);
    if (t === undefined) {
      t = Date.parse(a.timeOfAdherenceChange ?? '') || 0;
      this.parsed.set(a, t);
    }
    return t;
  }
  // Records are never changed once made (each update is a new object), so a parse can be kept by identity.
  private readonly parsed = new WeakMap<AgentAdherence, number>();
}
