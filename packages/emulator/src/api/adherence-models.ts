import type { AgentStatus } from '../simulation/contact-centre.js';
import { secondaryPresenceOf } from '../simulation/presence-definitions.js';
import type { Topology } from '../simulation/topology.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** REST `UserScheduleAdherence` (purecloud-platform-client-v2 model): every field Genesys declares. */
export function userScheduleAdherence(status: AgentStatus, topology: Topology) {
  const { agent, span, verdict } = status;
  const team = topology.teamsById.get(agent.teamId);
  const code = span.scheduled;
  const record: Record<string, unknown> = {
    id: agent.id,
    name: agent.name,
    user: { id: agent.id, selfUri: `/api/v2/users/${agent.id}` },
    businessUnit: {
      id: agent.businessUnitId,
      selfUri: `/api/v2/workforcemanagement/businessunits/${agent.businessUnitId}`,
    },
    managementUnit: {
      id: agent.managementUnitId,
      selfUri: `/api/v2/workforcemanagement/managementunits/${agent.managementUnitId}`,
    },
    team: { id: agent.teamId, selfUri: `/api/v2/teams/${team?.id ?? agent.teamId}` },
    scheduledActivityCategory: code?.category ?? 'Unscheduled',
    systemPresence: span.presence,
    organizationSecondaryPresenceId: secondaryPresenceIdOf(status, topology),
    routingStatus: span.routing,
    actualActivityCategory: verdict.actualCategory,
    isOutOfOffice: false,
    adherenceState: verdict.state,
    impact: verdict.impact,
    timeOfAdherenceChange: iso(status.timeOfAdherenceChange),
    presenceUpdateTime: iso(status.presenceUpdateTime),
    activeQueues:
      span.presence === 'OnQueue' ? agent.queueIds.map((id) => ({ id, selfUri: `/api/v2/routing/queues/${id}` })) : [],
    activeQueuesModifiedTime: iso(status.presenceUpdateTime),
    removedFromManagementUnit: false,
    nextActivityReminders: span.nextScheduled
      ? [{ activityCategory: span.nextScheduled.category, startDate: iso(span.nextScheduled.start) }]
      : [],
    suppressOnTimeReminder: false,
    selfUri: `/api/v2/workforcemanagement/adherence?userId=${agent.id}`,
  };
  if (span.explanation) {
    record.adherenceExplanation = {
      ...explanationOf(status),
      selfUri: `/api/v2/workforcemanagement/agents/${agent.id}/adherence/explanations/${span.explanation.id}`,
    };
  }
  if (code) {
    record.scheduledActivityCode = {
      id: code.codeId,
      name: activityName(code.codeId),
      secondaryPresences: [],
      selfUri: `/api/v2/workforcemanagement/businessunits/${agent.businessUnitId}/activitycodes/${code.codeId}`,
    };
  }
  return record;
}

/** The notification body (WfmUserScheduleAdherenceUpdatedMuTopicUserScheduleAdherenceUpdate): not the REST
 *  model — adherenceChangeTime, managementUnitId/businessUnitId strings, user {id}, team {id, name}. */
export function adherenceUpdateTopicBody(status: AgentStatus, topology: Topology) {
  const { agent, span, verdict } = status;
  const team = topology.teamsById.get(agent.teamId);
  const body: Record<string, unknown> = {
    user: { id: agent.id },
    managementUnitId: agent.managementUnitId,
    businessUnitId: agent.businessUnitId,
    team: { id: agent.teamId, name: team?.name ?? '' },
    scheduledActivityCategory: span.scheduled?.category ?? 'Unscheduled',
    systemPresence: span.presence,
    organizationSecondaryPresenceId: secondaryPresenceIdOf(status, topology),
    routingStatus: span.presence === 'Offline' ? 'OFFLINE' : span.routing,
    actualActivityCategory: verdict.actualCategory,
    isOutOfOffice: false,
    adherenceState: verdict.state,
    impact: verdict.impact,
    adherenceChangeTime: iso(status.timeOfAdherenceChange),
    presenceUpdateTime: iso(status.presenceUpdateTime),
    activeQueues: span.presence === 'OnQueue' ? agent.queueIds.map((id) => ({ id })) : [],
    activeQueuesModifiedTime: iso(status.presenceUpdateTime),
    removedFromManagementUnit: false,
    suppressOnTimeReminder: false,
    nextActivityReminders: span.nextScheduled
      ? [{ activityCategory: span.nextScheduled.category, startDate: iso(span.nextScheduled.start) }]
      : [],
  };
  if (span.scheduled) body.scheduledActivityCode = { id: span.scheduled.codeId, secondaryPresences: [] };
  if (span.explanation) body.adherenceExplanation = explanationOf(status);
  return body;
}

/** The presence definition the agent chose for this stretch of presence. */
function secondaryPresenceIdOf(status: AgentStatus, topology: Topology): string | undefined {
  return (
    status.presenceDefinitionId ??
    secondaryPresenceOf(topology.seed, status.agent.index, status.span.presence, status.presenceUpdateTime)?.id
  );
}

/** RealTimeAdherenceExplanation (the topic's has no selfUri): the explanation covering now, and its status. */
function explanationOf({ span, explanationStatus }: AgentStatus) {
  const e = span.explanation!;
  return {
    id: e.id,
    startDate: iso(e.start),
    lengthMinutes: Math.round((e.end - e.start) / 60_000),
    status: explanationStatus,
  };
}

const NAMES: Record<string, string> = {
  '0': 'On Queue',
  '1': 'Break',
  '2': 'Meal',
  '3': 'Meeting',
  '4': 'Off Queue Work',
  '5': 'Time Off',
  '6': 'Training',
  '7': 'Unavailable',
};
function activityName(id: string): string {
  return NAMES[id] ?? id;
}
