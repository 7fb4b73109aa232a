import type { AdherenceState, UserScheduleAdherence, UserScheduleAdherenceUpdate } from './models.js';

/** One agent's live adherence, in one shape whether it came from REST or from a notification. */
export interface AgentAdherence {
  userId: string;
  managementUnitId: string | undefined;
  teamId: string | undefined;
  adherenceState: AdherenceState | undefined;
  impact: string | undefined;
  scheduledActivityCategory: string | undefined;
  scheduledActivityCodeId: string | undefined;
  actualActivityCategory: string | undefined;
  systemPresence: string | undefined;
  /** OFFLINE and __EMPTY__ (topic-only values) are folded to OFF_QUEUE, the REST vocabulary. */
  routingStatus: string | undefined;
  timeOfAdherenceChange: string | undefined;
  presenceUpdateTime: string | undefined;
  isOutOfOffice: boolean;
  removedFromManagementUnit: boolean;
}

export function fromRest(r: UserScheduleAdherence): AgentAdherence {
  return {
    userId: r.user?.id ?? r.id ?? '',
    managementUnitId: r.managementUnit?.id,
    teamId: r.team?.id,
    adherenceState: r.adherenceState,
    impact: r.impact,
    scheduledActivityCategory: r.scheduledActivityCategory,
    scheduledActivityCodeId: r.scheduledActivityCode?.id,
    actualActivityCategory: r.actualActivityCategory,
    systemPresence: r.systemPresence,
    routingStatus: r.routingStatus,
    timeOfAdherenceChange: r.timeOfAdherenceChange,
    presenceUpdateTime: r.presenceUpdateTime,
    isOutOfOffice: r.isOutOfOffice ?? false,
    removedFromManagementUnit: r.removedFromManagementUnit ?? false,
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
    routingStatus: routing,
    timeOfAdherenceChange: u.adherenceChangeTime,
    presenceUpdateTime: u.presenceUpdateTime,
    isOutOfOffice: u.isOutOfOffice ?? false,
    removedFromManagementUnit: u.removedFromManagementUnit ?? false,
  };
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

/** Agents' live adherence: a snapshot, then updates; an update older than what is held is ignored. */
export class AdherenceView {
  private readonly agents = new Map<string, AgentAdherence>();

  replaceAll(records: AgentAdherence[]): void {
    this.agents.clear();
    for (const r of records) this.agents.set(r.userId, r);
  }

  /** Applies one record; returns whether it changed the view. */
  apply(next: AgentAdherence): boolean {
    if (!next.userId) return false;
    if (next.removedFromManagementUnit) return this.agents.delete(next.userId);
    const held = this.agents.get(next.userId);
    if (held && recordTime(next) < recordTime(held)) return false;
    this.agents.set(next.userId, next);
    return true;
  }

  get(userId: string): AgentAdherence | undefined {
    return this.agents.get(userId);
  }

  all(): AgentAdherence[] {
    return [...this.agents.values()];
  }

  get size(): number {
    return this.agents.size;
  }
}
