import type { AdherenceState, UserScheduleAdherence, UserScheduleAdherenceUpdate } from './models.js';

/** One agent's live adherence, in one shape whether it came from REST or from a notification. */
export interface AgentAdherence {
  userId: string;
  /** The agent's name, as REST snapshots carry it (`UserScheduleAdherence.name`); topic bodies have none. */
  name?: string | undefined;
  managementUnitId: string | undefined;
  teamId: string | undefined;
  adherenceState: AdherenceState | undefined;
  impact: string | undefined;
  scheduledActivityCategory: string | undefined;
  scheduledActivityCodeId: string | undefined;
  actualActivityCategory: string | undefined;
  systemPresence: string | undefined;
  /** The presence definition the agent chose (organizationSecondaryPresenceId): label it with the org's list. */
  secondaryPresenceId?: string | undefined;
  /** OFFLINE and __EMPTY__ (topic-only values) are folded to OFF_QUEUE, the REST vocabulary. */
  routingStatus: string | undefined;
  timeOfAdherenceChange: string | undefined;
  presenceUpdateTime: string | undefined;
  isOutOfOffice: boolean;
  removedFromManagementUnit: boolean;
  /** The next scheduled activity (nextActivityReminders[0]), when Genesys sends one. */
  nextActivity: { category: string | undefined; startDate: string | undefined } | undefined;
  /** The agent's explanation covering now (adherenceExplanation), when there is one. */
  explanation?: RecordExplanation | undefined;
}

/** RealTimeAdherenceExplanation: the explanation a real-time record carries while it applies. */
export interface RecordExplanation {
  id: string;
  status: string | undefined;
  startDate: string | undefined;
  lengthMinutes: number | undefined;
}

function explanationOf(
  e: { id?: string; status?: string; startDate?: string; lengthMinutes?: number } | undefined,
): RecordExplanation | undefined {
  return e?.id ? { id: e.id, status: e.status, startDate: e.startDate, lengthMinutes: e.lengthMinutes } : undefined;
}

export function fromRest(r: UserScheduleAdherence): AgentAdherence {
  return {
    userId: r.user?.id ?? r.id ?? '',
    name: r.name,
    managementUnitId: r.managementUnit?.id,
    teamId: r.team?.id,
    adherenceState: r.adherenceState,
    impact: r.impact,
    scheduledActivityCategory: r.scheduledActivityCategory,
    scheduledActivityCodeId: r.scheduledActivityCode?.id,
    actualActivityCategory: r.actualActivityCategory,
    systemPresence: r.systemPresence,
    secondaryPresenceId: r.organizationSecondaryPresenceId,
    routingStatus: r.routingStatus,
    timeOfAdherenceChange: r.timeOfAdherenceChange,
    presenceUpdateTime: r.presenceUpdateTime,
    isOutOfOffice: r.isOutOfOffice ?? false,
    removedFromManagementUnit: r.removedFromManagementUnit ?? false,
    nextActivity: next(r.nextActivityReminders),
    explanation: explanationOf(r.adherenceExplanation),
  };
}

/** The topic body differs from REST: adherenceChangeTime, managementUnitId as a string, routing OFFLINE. */
export function fromTopic(u: UserScheduleAdherenceUpdate): AgentAdherence {
  const routing = u.routingStatus === 'OFFLINE' || u.routingStatus === '__EMPTY__' ? 'OFF_QUEUE' : u.routingStatus;
  return {
    userId: u.user?.id ?? '',
    managementUnitId: u.managementUnitId,
    teamId: u.team?.id,
    adherenceState: u.adherenceState,
    impact: u.impact,
    scheduledActivityCategory: u.scheduledActivityCategory,
    scheduledActivityCodeId: u.scheduledActivityCode?.id,
    actualActivityCategory: u.actualActivityCategory,
    systemPresence: u.systemPresence,
    secondaryPresenceId: u.organizationSecondaryPresenceId,
    routingStatus: routing,
    timeOfAdherenceChange: u.adherenceChangeTime,
    presenceUpdateTime: u.presenceUpdateTime,
    isOutOfOffice: u.isOutOfOffice ?? false,
    removedFromManagementUnit: u.removedFromManagementUnit ?? false,
    nextActivity: next(u.nextActivityReminders),
    explanation: explanationOf(u.adherenceExplanation),
  };
}

function next(reminders: Array<{ activityCategory?: string; startDate?: string }> | undefined) {
  const r = reminders?.[0];
  return r ? { category: r.activityCategory, startDate: r.startDate } : undefined;
}

/** Every adherence state Genesys reports, most in need of attention first. */
export const ADHERENCE_STATES: readonly AdherenceState[] = [
  'OutOfAdherence',
  'Unscheduled',
  'Unknown',
  'Explained',
  'Ignored',
  'InAdherence',
];

/**
 * A record's own time: the later of its adherence and presence times (epoch ms, 0 when it has neither).
 * Latest-wins compares these; equal times fall back to arrival order (topic bodies carry no sequence number).
 */
export function recordTime(a: AgentAdherence): number {
  return Math.max(Date.parse(a.timeOfAdherenceChange ?? '') || 0, Date.parse(a.presenceUpdateTime ?? '') || 0);
}

/**
 * Agents' live adherence from snapshots and notifications, merged latest-wins by each record's own time,
 * whatever order they arrive in: an event that arrives while a snapshot request is in flight is newer than
 * the snapshot and survives it; a removal is remembered, so an older record cannot bring the agent back.
 */
export class AdherenceView {
  private readonly agents = new Map<string, AgentAdherence>();
  /**
   * Removed agents: the time of the removal and the unit it was from, so that only something newer re-adds them
   * there. A record of another unit is the agent moved (Genesys sends the new unit the agent's state as it stands,
   * with the same times as the removal), and is taken.
   */
  private readonly removed = new Map<string, { at: number; unit: string | undefined }>();
  /** The arrival number of the last event about each agent. */
  private readonly touched = new Map<string, number>();
  private arrivals = 0;

  /** Call as a snapshot request starts; pass the result to `mergeSnapshot` with its answer. */
  beginSnapshot(): number {
    return this.arrivals;
  }

  /**
   * Merges a snapshot requested at `since` (from `beginSnapshot`). The snapshot is the server's truth as of
   * some moment after the request began, so it replaces everything held from before then, whatever times the
   * records carry: after a server restart (or a server whose history was rewritten) its records can be older
   * than what was held, and keeping the held ones would leave those rows wrong until the agent next changes.
   * Only what arrived while the request was in flight may be newer than the answer: such an agent keeps its
   * event unless the snapshot's record is newer still. Agents the snapshot no longer lists are dropped, unless
   * an event about them arrived after the request began.
   */
  mergeSnapshot(records: readonly AgentAdherence[], since: number): void {
    const listed = new Set<string>();
    for (const r of records) {
      if (!r.userId) continue;
      listed.add(r.userId);
      const t = recordTime(r);
      const during = (this.touched.get(r.userId) ?? -1) > since;
      const held = this.agents.get(r.userId);
      if (held) {
        if (during && t <= recordTime(held)) continue;
      } else if (during && this.isStale(r)) continue;
      this.agents.set(r.userId, r);
      this.removed.delete(r.userId);
    }
    for (const [id, held] of [...this.agents])
      if (!listed.has(id) && (this.touched.get(id) ?? -1) <= since) {
        // Gone, at a time the snapshot does not say: at least after the newest record held, so a late
        // event no newer than that cannot bring the agent back.
        this.agents.delete(id);
        this.removeAt(id, recordTime(held), held.managementUnitId);
      }
  }

  /** A snapshot taken with nothing in flight (tests, a first load): the same as `mergeSnapshot(records, now)`. */
  replaceAll(records: readonly AgentAdherence[]): void {
    this.mergeSnapshot(records, this.arrivals);
  }

  /** Applies one event; returns whether it changed the view. */
  apply(next: AgentAdherence): boolean {
    if (!next.userId) return false;
    this.touched.set(next.userId, ++this.arrivals);
    const t = recordTime(next);
    const held = this.agents.get(next.userId);
    if (next.removedFromManagementUnit) {
      // Held in another unit already: the agent moved, and the new unit's word came first.
      const elsewhere = held !== undefined && held.managementUnitId !== next.managementUnitId;
      if (held && !elsewhere && recordTime(held) > t) return false;
      this.removeAt(next.userId, t, next.managementUnitId);
      return !elsewhere && this.agents.delete(next.userId);
    }
    if (held && t < recordTime(held)) return false;
    if (!held && this.isStale(next)) return false;
    this.agents.set(next.userId, next);
    this.removed.delete(next.userId);
    return true;
  }

  get(userId: string): AgentAdherence | undefined {
    return this.agents.get(userId);
  }

  /** A record no newer than the agent's removal from the same unit: it must not bring the agent back. */
  private isStale(r: AgentAdherence): boolean {
    const gone = this.removed.get(r.userId);
    return gone !== undefined && recordTime(r) <= gone.at && gone.unit === r.managementUnitId;
  }

  private removeAt(userId: string, at: number, unit: string | undefined): void {
    const before = this.removed.get(userId);
    this.removed.set(userId, { at: before && before.unit === unit ? Math.max(at, before.at) : at, unit });
  }

  all(): AgentAdherence[] {
    return [...this.agents.values()];
  }

  get size(): number {
    return this.agents.size;
  }
}
