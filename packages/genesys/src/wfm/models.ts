// Types named and shaped as Genesys's models (purecloud-platform-client-v2 262.0.0, index.d.ts), with the
// enums Genesys declares for them.

export type ActivityCategory =
  | 'OnQueueWork'
  | 'Break'
  | 'Meal'
  | 'Meeting'
  | 'OffQueueWork'
  | 'TimeOff'
  | 'Training'
  | 'Unavailable'
  | 'Unscheduled';
export type SystemPresence =
  'Available' | 'Away' | 'Busy' | 'Offline' | 'Idle' | 'OnQueue' | 'Meal' | 'Training' | 'Meeting' | 'Break';
export type RoutingStatus = 'OFF_QUEUE' | 'IDLE' | 'INTERACTING' | 'NOT_RESPONDING' | 'COMMUNICATING';
/** The notification topic's routingStatus adds __EMPTY__ and OFFLINE. */
export type TopicRoutingStatus = RoutingStatus | '__EMPTY__' | 'OFFLINE';
export type AdherenceState = 'InAdherence' | 'OutOfAdherence' | 'Unscheduled' | 'Unknown' | 'Ignored' | 'Explained';
export type Impact = 'Positive' | 'Negative' | 'Neutral' | 'Unknown';

export interface EntityRef {
  id: string;
  selfUri?: string;
}

export interface UserScheduleAdherence {
  id?: string;
  name?: string;
  user?: EntityRef;
  businessUnit?: EntityRef;
  managementUnit?: EntityRef;
  team?: EntityRef;
  scheduledActivityCategory?: ActivityCategory;
  scheduledActivityCode?: { id: string; name?: string; secondaryPresences?: EntityRef[]; selfUri?: string };
  systemPresence?: SystemPresence;
  organizationSecondaryPresenceId?: string;
  routingStatus?: RoutingStatus;
  actualActivityCategory?: ActivityCategory;
  isOutOfOffice?: boolean;
  adherenceState?: AdherenceState;
  impact?: Impact;
  adherenceExplanation?: {
    id?: string;
    startDate?: string;
    lengthMinutes?: number;
    status?: 'Pending' | 'Approved' | 'Denied';
    selfUri?: string;
  };
  timeOfAdherenceChange?: string;
  presenceUpdateTime?: string;
  activeQueues?: EntityRef[];
  activeQueuesModifiedTime?: string;
  removedFromManagementUnit?: boolean;
  nextActivityReminders?: Array<{ activityCategory?: ActivityCategory; startDate?: string }>;
  suppressOnTimeReminder?: boolean;
  selfUri?: string;
}

export interface UserScheduleAdherenceListing {
  entities?: UserScheduleAdherence[];
  downloadUrl?: string;
}

/** WfmUserScheduleAdherenceUpdatedMuTopicUserScheduleAdherenceUpdate (team and user topics are identical). */
export interface UserScheduleAdherenceUpdate {
  user?: { id: string };
  managementUnitId?: string;
  businessUnitId?: string;
  team?: { id: string; name?: string };
  scheduledActivityCategory?: string;
  scheduledActivityCode?: { id: string; secondaryPresences?: Array<{ id: string }> };
  systemPresence?: string;
  organizationSecondaryPresenceId?: string;
  routingStatus?: TopicRoutingStatus;
  actualActivityCategory?: string;
  isOutOfOffice?: boolean;
  adherenceState?: AdherenceState;
  impact?: string;
  adherenceExplanation?: { id?: string; startDate?: string; lengthMinutes?: number; status?: string };
  adherenceChangeTime?: string;
  presenceUpdateTime?: string;
  activeQueues?: Array<{ id: string }>;
  activeQueuesModifiedTime?: string;
  removedFromManagementUnit?: boolean;
  suppressOnTimeReminder?: boolean;
  nextActivityReminders?: Array<{ activityCategory?: string; startDate?: string }>;
}

export interface BusinessUnitListItem {
  id: string;
  name?: string;
  authorized?: boolean;
  division?: EntityRef;
  selfUri?: string;
}
export interface ManagementUnit {
  id: string;
  name?: string;
  businessUnit?: EntityRef;
  startDayOfWeek?: string;
  timeZone?: string;
  settings?: { adherence?: AdherenceSettings; metadata?: { version: number } };
  division?: EntityRef;
  version?: number;
  selfUri?: string;
}
export interface AdherenceSettings {
  severeAlertThresholdMinutes?: number;
  adherenceTargetPercent?: number;
  adherenceExceptionThresholdSeconds?: number;
  nonOnQueueActivitiesEquivalent?: boolean;
  trackOnQueueActivity?: boolean;
  ignoredActivityCategories?: { values?: string[] };
  ignoredActivityCodeIds?: { values?: string[] };
}
export interface BusinessUnitActivityCode {
  id: string;
  name?: string;
  active?: boolean;
  defaultCode?: boolean;
  category?: Exclude<ActivityCategory, 'Unscheduled'>;
  lengthInMinutes?: number;
  selfUri?: string;
}
export interface Team {
  id: string;
  name: string;
  division?: EntityRef;
  description?: string;
  memberCount?: number;
  selfUri?: string;
}
export interface User {
  id: string;
  name?: string;
  email?: string;
  username?: string;
  state?: string;
  division?: EntityRef;
  selfUri?: string;
}
export interface UserMe extends User {
  organization?: { id: string; name?: string };
  authorization?: { permissions?: string[] };
}
