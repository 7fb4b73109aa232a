import {
  adherenceOf,
  DEFAULT_ADHERENCE_SETTINGS,
  type AdherenceSettings,
  type AdherenceVerdict,
} from './adherence-rules.js';
import { MinHeap } from './min-heap.js';
import type { Explanations, ExplanationStatus } from './explanations.js';
import { agentSpans, replayStart, type Span } from './timeline.js';
import type { SystemPresence } from './categories.js';
import type { Agent, Topology } from './topology.js';

/** An agent's live state: the span it is in, the verdict, and the times Genesys reports. */
export interface AgentStatus {
  agent: Agent;
  span: Span;
  verdict: AdherenceVerdict;
  timeOfAdherenceChange: number;
  presenceUpdateTime: number;
  /** The status of the explanation covering now (span.explanation), as it stood when judged. */
  explanationStatus: ExplanationStatus | undefined;
  /** When the routing status last changed (Genesys's RoutingStatus.startTime). */
  routingStatusTime: number;
  /** The presence definition a supervisor set, while it holds (see setPresence). */
  presenceDefinitionId?: string;
}

export type ChangeListener = (status: AgentStatus, previous: AgentStatus) => void;

export interface ContactCentreOptions {
  /** Simulated seconds per real second (default 1). */
  speed?: number;
  /** Simulated time at start (default: now). */
  startTime?: number;
  /** 'real' advances with the wall clock; 'manual' only when advanceTo/advanceBy is called (tests). */
  clock?: 'real' | 'manual';
  settings?: AdherenceSettings;
  tickMs?: number;
  /** Agents' explanations: an approved one covering now turns OutOfAdherence into Explained. */
  explanations?: Explanations;
}

/**
 * The live contact centre: every agent's deterministic timeline, advanced by a clock. A change is
 * emitted whenever anything in an agent's adherence record changes, at the simulated instant it happens.
 */
export class ContactCentre {
  readonly settings: AdherenceSettings;
  private readonly statuses: AgentStatus[] = [];
  private readonly cursors: Array<Iterator<Span>> = [];
  private readonly queue = new MinHeap<number>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly speed: number;
  private readonly realStart = Date.now();
  private readonly simStart: number;
  private manualNow: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Changes emitted so far. */
  changes = 0;
  /** Agents a forced outage holds signed out, until when. */
  private readonly outages = new Map<number, number>();
  /** The same outages by end time: finding the next to end is O(1), not a scan per simulated change. */
  private readonly outageEnds = new MinHeap<number>();
  /** Each agent's span as the timeline has it (an outage shows another presence over it). */
  private readonly spans: Span[] = [];
  /** Presences a supervisor set: each holds until the agent next changes presence on the timeline. */
  private readonly presencesSet = new Map<number, { presence: SystemPresence; definitionId: string; at: number }>();

  constructor(
    readonly topology: Topology,
    private readonly options: ContactCentreOptions = {},
  ) {
    this.settings = options.settings ?? DEFAULT_ADHERENCE_SETTINGS;
    this.speed = options.speed ?? 1;
    this.simStart = options.startTime ?? Date.now();
    this.manualNow = this.simStart;
    for (const agent of topology.agents) {
      const { cursor, span, changedAt } = this.replay(agent);
      this.statuses.push({ ...this.statusFor(agent, span, undefined), timeOfAdherenceChange: changedAt });
      this.spans.push(span);
      this.cursors.push(cursor);
      this.queue.push(span.end, agent.index);
    }
    if ((options.clock ?? 'real') === 'real') {
      this.timer = setInterval(() => this.advanceTo(this.now()), options.tickMs ?? 100);
      this.timer.unref?.();
    }
  }

  /** The simulated now. */
  now(): number {
    return (this.options.clock ?? 'real') === 'manual'
      ? this.manualNow
      : this.simStart + (Date.now() - this.realStart) * this.speed;
  }

  statusOf(agentIndex: number): AgentStatus {
    return this.statuses[agentIndex]!;
  }

  allStatuses(): readonly AgentStatus[] {
    return this.statuses;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  advanceBy(ms: number): void {
    this.manualNow += ms;
    this.advanceTo(this.manualNow);
  }

  /**
   * A system outage, as when a softphone or the network fails: `share` of the unit's scheduled, signed-in
   * agents are signed out at once, for `durationMs` of simulated time. Returns how many were hit.
   */
  forceOutage(managementUnitId: string, share: number, durationMs: number): number {
    const at = this.now();
    if (this.outageUntil(managementUnitId) !== undefined) return 0;
    const candidates = this.statuses.filter(
      (s) =>
        s.agent.managementUnitId === managementUnitId &&
        s.span.scheduled !== undefined &&
        s.span.presence !== 'Offline' &&
        !this.outages.has(s.agent.index),
    );
    const hit = candidates.slice(0, Math.ceil(candidates.length * Math.min(1, Math.max(0, share))));
    for (const s of hit) {
      this.outages.set(s.agent.index, at + durationMs);
      this.outageEnds.push(at + durationMs, s.agent.index);
      this.update(s.agent.index, this.statusFor(s.agent, this.spans[s.agent.index]!, s, at));
    }
    return hit.length;
  }

  /**
   * A supervisor sets the agent's presence (PATCH /api/v2/users/{userId}/presences/purecloud), now. It holds until
   * the agent changes presence again on the timeline, as a person would after being put on Break. Going On Queue
   * makes the agent idle for routing; any other presence takes them off queue. The emulator's history keeps the
   * timeline (it does not record the change).
   */
  setPresence(agentIndex: number, presence: SystemPresence, definitionId: string): AgentStatus {
    const at = this.now();
    this.presencesSet.set(agentIndex, { presence, definitionId, at });
    const previous = this.statuses[agentIndex]!;
    this.update(agentIndex, this.statusFor(previous.agent, this.spans[agentIndex]!, previous, at));
    return this.statuses[agentIndex]!;
  }

  /** When the unit's running mass deviation ends, if one is running (one at a time per unit). */
  outageUntil(managementUnitId: string): number | undefined {
    let until: number | undefined;
    for (const [index, end] of this.outages)
      if (this.topology.agents[index]!.managementUnitId === managementUnitId) until = Math.max(until ?? 0, end);
    return until;
  }

  /**
   * Judges an agent again as of now, when something outside the timeline changed (a supervisor reviewed the
   * explanation covering now); emits the change if the record changed.
   */
  rejudge(agentIndex: number): void {
    const previous = this.statuses[agentIndex]!;
    this.update(agentIndex, this.statusFor(previous.agent, this.spans[agentIndex]!, previous, this.now()));
  }

  /** Applies every change due up to t, in time order. */
  advanceTo(t: number): void {
    for (;;) {
      const nextSpan = this.queue.peekKey() ?? Infinity;
      const nextEnd = this.outageEnds.peekKey() ?? Infinity;
      if (Math.min(nextSpan, nextEnd) > t) break;
      if (nextEnd < nextSpan) {
        // The outage is over for this agent: back to what the timeline says now.
        const ending = this.outageEnds.pop()!;
        this.outages.delete(ending);
        const previous = this.statuses[ending]!;
        this.update(ending, this.statusFor(previous.agent, this.spans[ending]!, previous, nextEnd));
        continue;
      }
      const index = this.queue.pop()!;
      const previous = this.statuses[index]!;
      const span = this.cursors[index]!.next().value as Span;
      this.spans[index] = span;
      this.queue.push(span.end, index);
      this.update(index, this.statusFor(previous.agent, span, previous));
    }
  }

  private update(index: number, next: AgentStatus): void {
    const previous = this.statuses[index]!;
    this.statuses[index] = next;
    if (recordChanged(previous, next)) {
      this.changes++;
      for (const l of this.listeners) l(next, previous);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  /**
   * The agent's life replayed up to the start: the span it is in, and when its adherence state last changed.
   * Replayed from the last shift it worked, so presence and adherence times are true (issue 22, item 6: a fixed
   * 12-hour warm-up made every agent offline for longer read "12h 0m"); one shift more while the state has not
   * changed since the replay began. Only states are judged on the way: building a status per span would double
   * the emulator's start-up at 20,000 agents.
   */
  private replay(agent: Agent): { cursor: Iterator<Span>; span: Span; changedAt: number } {
    for (let k = 1; ; k++) {
      const from = replayStart(this.topology.seed, agent, this.simStart, k);
      const cursor = agentSpans(this.topology.seed, agent, from);
      let span = cursor.next().value as Span;
      let state = this.judge(agent, span).verdict.state;
      let changedAt = span.start;
      while (span.end <= this.simStart) {
        span = cursor.next().value as Span;
        const next = this.judge(agent, span).verdict.state;
        if (next !== state) [state, changedAt] = [next, span.start];
      }
      if (changedAt > from || k === 4) return { cursor, span, changedAt };
    }
  }

  /** Genesys's verdict on a span, with the status of the explanation covering it. */
  private judge(
    agent: Agent,
    shown: Span,
  ): { verdict: AdherenceVerdict; explanationStatus: ExplanationStatus | undefined } {
    const judged = adherenceOf(shown.scheduled?.category, shown.presence, shown.routing, false, this.settings);
    const explanation = shown.explanation;
    const explanationStatus = explanation ? this.options.explanations?.statusOf(agent, explanation) : undefined;
    // Genesys's Explained: out of adherence, but an approved explanation covers it.
    const verdict =
      judged.state === 'OutOfAdherence' && explanationStatus === 'Approved'
        ? { ...judged, state: 'Explained' as const }
        : judged;
    return { verdict, explanationStatus };
  }

  /** The status in `span`, as of `at` (the span's start, or the instant an outage begins or ends). */
  private statusFor(agent: Agent, span: Span, previous: AgentStatus | undefined, at = span.start): AgentStatus {
    const until = this.outages.get(agent.index);
    let set = this.presencesSet.get(agent.index);
    // The agent has changed presence since the supervisor set it: theirs stands.
    if (set && span.presenceStart > set.at) {
      this.presencesSet.delete(agent.index);
      set = undefined;
    }
    const own: Span = set
      ? {
          ...span,
          presence: set.presence,
          routing: set.presence !== 'OnQueue' ? 'OFF_QUEUE' : span.presence === 'OnQueue' ? span.routing : 'IDLE',
          presenceStart: set.at,
        }
      : span;
    const shown: Span =
      until !== undefined && at < until
        ? {
            ...span,
            presence: 'Offline',
            routing: 'OFF_QUEUE',
            // Offline since the outage began, whatever the timeline does meanwhile (a new span, a review).
            presenceStart:
              previous?.span.presence === 'Offline' ? previous.span.presenceStart : Math.max(span.start, at),
          }
        : own;
    const { verdict, explanationStatus } = this.judge(agent, shown);
    const stateChanged = previous === undefined || previous.verdict.state !== verdict.state;
    return {
      agent,
      span: shown,
      verdict,
      timeOfAdherenceChange: stateChanged ? Math.max(span.start, at) : previous.timeOfAdherenceChange,
      // An outage starting or ending mid-span changes the presence at that instant.
      presenceUpdateTime:
        previous && previous.span.presence !== shown.presence && at > span.start ? at : shown.presenceStart,
      explanationStatus,
      routingStatusTime:
        previous === undefined || previous.span.routing !== shown.routing
          ? Math.max(span.start, at)
          : previous.routingStatusTime,
      ...(set && shown === own ? { presenceDefinitionId: set.definitionId } : {}),
    };
  }
}

function recordChanged(a: AgentStatus, b: AgentStatus): boolean {
  return (
    a.verdict.state !== b.verdict.state ||
    a.verdict.impact !== b.verdict.impact ||
    a.span.presence !== b.span.presence ||
    a.span.routing !== b.span.routing ||
    a.span.scheduled?.codeId !== b.span.scheduled?.codeId ||
    a.span.explanation?.id !== b.span.explanation?.id ||
    a.explanationStatus !== b.explanationStatus ||
    a.presenceDefinitionId !== b.presenceDefinitionId
  );
}
