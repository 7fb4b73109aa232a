import type { AdherenceExplanation } from '../wfm/explanations.js';
import type { UserScheduleAdherenceUpdate } from '../wfm/models.js';

// Topic names as in Genesys's notificationMappings.json.
export const managementUnitAdherenceTopic = (managementUnitId: string) =>
  `v2.workforcemanagement.managementunits.${managementUnitId}.adherence`;
export const teamAdherenceTopic = (teamId: string) => `v2.workforcemanagement.teams.${teamId}.adherence`;
export const userAdherenceTopic = (userId: string) => `v2.users.${userId}.workforcemanagement.adherence`;
export const historicalQueryTopic = (meId: string) => `v2.users.${meId}.workforcemanagement.historicaladherencequery`;
export const historicalBulkTopic = (meId: string) => `v2.users.${meId}.workforcemanagement.adherence.historical.bulk`;
/** Completion of the user's own historical adherence jobs (agents/me/adherence/historical/jobs). */
export const historicalAgentTopic = (meId: string) => `v2.users.${meId}.workforcemanagement.adherence.historical.agent`;
export const businessUnitExplanationsTopic = (businessUnitId: string) =>
  `v2.workforcemanagement.businessunits.${businessUnitId}.adherence.explanations`;
/** Results of the user's schedule searches answered later (the route-to-topic mapping is inferred: see the emulator). */
export const scheduleSearchTopic = (meId: string) => `v2.workforcemanagement.users.${meId}.schedules.search`;
/** Completion of the user's explanation jobs (add, update, and queries answered later). */
export const explanationJobsTopic = (meId: string) =>
  `v2.users.${meId}.workforcemanagement.adherence.explanations.jobs`;
export const agentExplanationsTopic = (agentId: string) =>
  `v2.workforcemanagement.agents.${agentId}.adherence.explanations`;
/** A user's routing status (UserRoutingStatusUserRoutingStatus) and active interactions per media type. */
export const userRoutingStatusTopic = (userId: string) => `v2.users.${userId}.routingStatus`;
export const userConversationSummaryTopic = (userId: string) => `v2.users.${userId}.conversationsummary`;

/** WfmHistoricalAdherenceCalculationsCompleteTopic…Notice */
export interface HistoricalQueryNotice {
  id: string;
  downloadUrl?: string;
  downloadUrls?: string[];
  queryState: 'Processing' | 'Complete' | 'Canceled' | 'Error';
}
/** WfmHistoricalAdherenceBulkCalculationsCompleteTopic…Notification */
export interface HistoricalBulkNotice {
  id: string;
  downloadUrls?: string[];
  queryState: 'Unknown' | 'Complete' | 'Error' | 'Processing';
}

/**
 * WfmHistoricalAdherenceAgentCalculationsCompleteTopic…Notification: the agent's own job finished; its result is in
 * `downloadUrls` or, when small, inline.
 */
export interface HistoricalAgentNotice {
  jobId: string;
  queryState?: 'Processing' | 'Complete' | 'Error';
  downloadUrls?: string[];
  result?: unknown;
}

/** WfmUserAdherenceExplanationJobTopic…: an explanation job finished (AdherenceExplanationJob without selfUri). */
export interface ExplanationJobNotice {
  id: string;
  type?: string;
  status: 'Processing' | 'Complete' | 'Error';
  downloadUrl?: string;
  error?: { message?: string; code?: string };
}

/** WfmBuScheduleSearchResultTopicBuScheduleSearchResultNotification: "There is no inline result: always download". */
export interface ScheduleSearchNotice {
  operationId: string;
  businessUnitId?: string;
  downloadUrl?: string;
}

export type NotificationEvent =
  | { kind: 'adherence'; topicName: string; body: UserScheduleAdherenceUpdate }
  | { kind: 'historicalQuery'; topicName: string; body: HistoricalQueryNotice }
  | { kind: 'historicalBulk'; topicName: string; body: HistoricalBulkNotice }
  | { kind: 'historicalAgent'; topicName: string; body: HistoricalAgentNotice }
  /** WfmAgentAdherenceExplanationChanged…AdherenceExplanationChangedNotification: an explanation added or reviewed. */
  | { kind: 'explanation'; topicName: string; body: AdherenceExplanation }
  | { kind: 'explanationJob'; topicName: string; body: ExplanationJobNotice }
  | { kind: 'scheduleSearch'; topicName: string; body: ScheduleSearchNotice }
  | { kind: 'other'; topicName: string; body: unknown };

/** Types a frame by its topic name. */
export function typedEvent(topicName: string, body: unknown): NotificationEvent {
  if (
    /\.adherence$/.test(topicName) &&
    (topicName.startsWith('v2.workforcemanagement.') || topicName.startsWith('v2.users.'))
  )
    return { kind: 'adherence', topicName, body: body as UserScheduleAdherenceUpdate };
  if (topicName.startsWith('v2.workforcemanagement.') && topicName.endsWith('.adherence.explanations'))
    return { kind: 'explanation', topicName, body: body as AdherenceExplanation };
  if (topicName.startsWith('v2.users.') && topicName.endsWith('.workforcemanagement.adherence.explanations.jobs'))
    return { kind: 'explanationJob', topicName, body: body as ExplanationJobNotice };
  if (topicName.startsWith('v2.workforcemanagement.users.') && topicName.endsWith('.schedules.search'))
    return { kind: 'scheduleSearch', topicName, body: body as ScheduleSearchNotice };
  if (topicName.endsWith('.workforcemanagement.historicaladherencequery'))
    return { kind: 'historicalQuery', topicName, body: body as HistoricalQueryNotice };
  if (topicName.endsWith('.workforcemanagement.adherence.historical.bulk'))
    return { kind: 'historicalBulk', topicName, body: body as HistoricalBulkNotice };
  if (topicName.endsWith('.workforcemanagement.adherence.historical.agent'))
    return { kind: 'historicalAgent', topicName, body: body as HistoricalAgentNotice };
  return { kind: 'other', topicName, body };
}
