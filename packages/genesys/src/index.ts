export { createGenesysClient, type GenesysClient, type GenesysClientOptions } from './client.js';
export {
  GenesysError,
  GenesysApiError,
  GenesysClientError,
  isGenesysError,
  type GenesysErrorCode,
  type GenesysApiErrorDetails,
} from './errors.js';
export { apiPath, isGenesysId, opaqueId, type OpaqueId } from './api-path.js';
export { request, retryAfterMs, type RequestOptions, type CallOptions, type RequestPriority } from './http.js';
export { allEntities } from './paging.js';
export { download } from './download.js';
export { noteRequestSentElsewhere } from './pacer.js';
export { getMe, getUsersByIds, revokeToken, searchUsers } from './users.js';
export {
  listBusinessUnits,
  listManagementUnits,
  getManagementUnit,
  listManagementUnitUsers,
  listActivityCodes,
  listTeams,
  listTeamMembers,
} from './wfm/org.js';
export { getUserAdherence, getManagementUnitAdherence, getTeamAdherence } from './wfm/adherence.js';
export {
  historicalAdherence,
  parseHistoricalFile,
  parseHistoricalText,
  type HistoricalAdherenceRequest,
  type HistoricalUserResult,
  type HistoricalDayMetrics,
  type HistoricalAdherenceExceptionInfo,
  type HistoricalAdherenceActual,
  type HistoricalProgress,
  type HistoricalTimings,
} from './wfm/historical.js';
export {
  myHistoricalAdherence,
  parseMyResult,
  type MyHistoricalRequest,
  type MyHistoricalResult,
  type MyHistoricalExpand,
  type AgentAdherenceScheduledActivity,
} from './wfm/my-historical.js';
export {
  MAX_QUERY_DAYS,
  mergeHistoricalChunks,
  planHistoricalChunks,
  totalsOf,
  type HistoricalChunk,
} from './wfm/historical-range.js';
export {
  addDays,
  daysBetween,
  isTimeZone,
  localDate,
  localMinuteOfDay,
  startOfDay,
  wallClockTime,
  weekStart,
  weekdayOf,
  zoneOffsetMs,
  zonedDays,
  type LocalDate,
  type ZonedDay,
} from './wfm/zoned-days.js';
export {
  getMyManagementUnit,
  getMySchedule,
  searchAgentSchedules,
  type AgentSchedule,
  type AgentScheduleShift,
  type AgentScheduleActivity,
} from './wfm/schedules.js';
export {
  coachingAppointmentsOf,
  createCoachingAppointment,
  type CoachingAppointment,
  type CreateCoachingAppointmentRequest,
} from './coaching.js';
export {
  addExplanation,
  queryAgentExplanations,
  queryBusinessUnitExplanations,
  queryMyExplanations,
  reviewExplanation,
  getExplanation,
  type ExplanationInput,
  type AdherenceExplanation,
  type ExplanationStatus,
} from './wfm/explanations.js';
export { streamArrayProperty, textChunks } from './json-array-stream.js';
export {
  NotificationStream,
  type NotificationStreamOptions,
  type StreamClock,
  type StreamStatus,
  type WebSocketFactory,
  type WebSocketLike,
} from './notifications/stream.js';
export {
  NotificationHub,
  createNotificationHub,
  type HubListener,
  type HubSubscription,
  type NotificationHubOptions,
} from './notifications/hub.js';
export {
  managementUnitAdherenceTopic,
  teamAdherenceTopic,
  userAdherenceTopic,
  historicalQueryTopic,
  historicalBulkTopic,
  historicalAgentTopic,
  businessUnitExplanationsTopic,
  agentExplanationsTopic,
  userRoutingStatusTopic,
  userConversationSummaryTopic,
  explanationJobsTopic,
  scheduleSearchTopic,
  type ScheduleSearchNotice,
  typedEvent,
  type ExplanationJobNotice,
  type NotificationEvent,
  type HistoricalQueryNotice,
  type HistoricalBulkNotice,
  type HistoricalAgentNotice,
} from './notifications/topics.js';
export type * from './wfm/models.js';
export {
  ADHERENCE_STATES,
  AdherenceView,
  fromRest,
  fromTopic,
  recordTime,
  type AgentAdherence,
  type RecordExplanation,
} from './wfm/adherence-view.js';
export {
  LiveAdherence,
  createLiveAdherence,
  fetchAdherenceSnapshot,
  type AdherenceSelection,
  type AdherenceSink,
  type LiveAdherenceOptions,
  type LiveAdherenceState,
  type LiveStatus,
} from './wfm/live-adherence.js';
export { listPresenceDefinitions, presenceLabel, type PresenceDefinition } from './presence.js';
export { agentNowOf, getAgentsNow, setUserPresence, type AgentNow, type InteractionMedia } from './agent-now.js';
export {
  FEATURE_REQUIREMENTS,
  checkFeature,
  grants,
  readAccess,
  getMeWithAuthorization,
  type Access,
  type Feature,
  type FeatureCheck,
  type FeatureRequirements,
  type Requirement,
} from './access.js';
