// Enums exactly as Genesys's models declare them (purecloud-platform-client-v2, UserScheduleAdherence).
export const ACTIVITY_CATEGORIES = [
  'OnQueueWork',
  'Break',
  'Meal',
  'Meeting',
  'OffQueueWork',
  'TimeOff',
  'Training',
  'Unavailable',
  'Unscheduled',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const SYSTEM_PRESENCES = [
  'Available',
  'Away',
  'Busy',
  'Offline',
  'Idle',
  'OnQueue',
  'Meal',
  'Training',
  'Meeting',
  'Break',
] as const;
export type SystemPresence = (typeof SYSTEM_PRESENCES)[number];
export const ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;
export type RoutingStatus = (typeof ROUTING_STATUSES)[number];
export const ADHERENCE_STATES = [
  'InAdherence',
  'OutOfAdherence',
  'Unscheduled',
  'Unknown',
  'Ignored',
  'Explained',
] as const;
export type AdherenceState = (typeof ADHERENCE_STATES)[number];
export const IMPACTS = ['Positive', 'Negative', 'Neutral', 'Unknown'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Activity codes of every business unit: id, name, category (codes have no `Unscheduled`). */
export const ACTIVITY_CODES: ReadonlyArray<{
  id: string;
  name: string;
  category: Exclude<ActivityCategory, 'Unscheduled'>;
  lengthInMinutes: number;
}> = [
  { id: '0', name: 'On Queue', category: 'OnQueueWork', lengthInMinutes: 60 },
  { id: '1', name: 'Break', category: 'Break', lengthInMinutes: 15 },
  { id: '2', name: 'Meal', category: 'Meal', lengthInMinutes: 30 },
  { id: '3', name: 'Meeting', category: 'Meeting', lengthInMinutes: 30 },
  { id: '4', name: 'Off Queue Work', category: 'OffQueueWork', lengthInMinutes: 30 },
  { id: '5', name: 'Time Off', category: 'TimeOff', lengthInMinutes: 480 },
  { id: '6', name: 'Training', category: 'Training', lengthInMinutes: 60 },
  { id: '7', name: 'Unavailable', category: 'Unavailable', lengthInMinutes: 30 },
];

export function codeIdOf(category: ActivityCategory): string {
  return ACTIVITY_CODES.find((c) => c.category === category)?.id ?? '7';
}

// Genesys's default presence → activity category mapping ("Real-time adherence overview").
const PRESENCE_CATEGORY: Record<SystemPresence, ActivityCategory> = {
  Available: 'OffQueueWork',
  Away: 'Unavailable',
  Break: 'Break',
  Busy: 'OffQueueWork',
  Meal: 'Meal',
  Meeting: 'Meeting',
  Idle: 'Unavailable',
  Offline: 'Unavailable',
  OnQueue: 'OnQueueWork',
  Training: 'Training',
};

export function actualCategoryOf(presence: SystemPresence, isOutOfOffice: boolean): ActivityCategory {
  return isOutOfOffice ? 'TimeOff' : PRESENCE_CATEGORY[presence];
}
