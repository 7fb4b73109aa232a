import {
  adherenceOf,
  DEFAULT_ADHERENCE_SETTINGS,
  type AdherenceSettings,
  type AdherenceVerdict,
} from './adherence-rules.js';
import { MinHeap } from './min-heap.js';
import { agentSpans, type Span } from './timeline.js';
import type { Agent, Topology } from './topology.js';

/** An agent's live state: the span it is in, the verdict, and the times Genesys reports. */
export interface AgentStatus {
  agent: Agent;
  span: Span;
  verdict: AdherenceVerdict;
  timeOfAdherenceChange: number;
  presenceUpdateTime: number;
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
}

// How far back an agent's history is replayed at start, so adherence and presence times are right.
const WARM_UP_MS = 12 * 3600_000;

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

  constructor(
    readonly topology: Topology,
    private readonly options: ContactCentreOptions = {},
  ) {
    this.settings = options.settings ?? DEFAULT_ADHERENCE_SETTINGS;
    this.speed = options.speed ?? 1;
    this.simStart = options.startTime ?? Date.now();
    this.manualNow = this.simStart;
    for (const agent of topology.agents) {
      const cursor = agentSpans(topology.seed, agent, this.simStart - WARM_UP_MS);
      let span = cursor.next().value as Span;
      let status = this.statusFor(agent, span, undefined);
      while (span.end <= this.simStart) {
        span = cursor.next().value as Span;
        status = this.statusFor(agent, span, status);
      }
      this.statuses.push(status);
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

  /** Applies every change due up to t, in time order. */
  advanceTo(t: number): void {
    while ((this.queue.peekKey() ?? Infinity) <= t) {
      const index = this.queue.pop()!;
      const previous = this.statuses[index]!;
      const span = this.cursors[index]!.next().value as Span;
      const next = this.statusFor(previous.agent, span, previous);
      this.statuses[index] = next;
      this.queue.push(span.end, index);
      if (recordChanged(previous, next)) {
        this.changes++;
        for (const l of this.listeners) l(next, previous);
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private statusFor(agent: Agent, span: Span, previous: AgentStatus | undefined): AgentStatus {
    const verdict = adherenceOf(span.scheduled?.category, span.presence, span.routing, false, this.settings);
    const stateChanged = previous === undefined || previous.verdict.state !== verdict.state;
    return {
      agent,
      span,
      verdict,
      timeOfAdherenceChange: stateChanged ? span.start : previous.timeOfAdherenceChange,
      presenceUpdateTime: span.presenceStart,
    };
  }
}

function recordChanged(a: AgentStatus, b: AgentStatus): boolean {
  return (
    a.verdict.state !== b.verdict.state ||
    a.verdict.impact !== b.verdict.impact ||
    a.span.presence !== b.span.presence ||
    a.span.routing !== b.span.routing ||
    a.span.scheduled?.codeId !== b.span.scheduled?.codeId
  );
}
