import {
  actualCategoryOf,
  type ActivityCategory,
  type AdherenceState,
  type Impact,
  type RoutingStatus,
  type SystemPresence,
} from './categories.js';

export interface AdherenceSettings {
  /** Genesys AdherenceSettings.nonOnQueueActivitiesEquivalent ("Activity Equivalency"). */
  nonOnQueueActivitiesEquivalent: boolean;
  /** AdherenceSettings.ignoredActivityCategories.values */
  ignoredActivityCategories: ActivityCategory[];
  adherenceExceptionThresholdSeconds: number;
  severeAlertThresholdMinutes: number;
  adherenceTargetPercent: number;
}

export const DEFAULT_ADHERENCE_SETTINGS: AdherenceSettings = {
  nonOnQueueActivitiesEquivalent: false,
  ignoredActivityCategories: [],
  adherenceExceptionThresholdSeconds: 60,
  severeAlertThresholdMinutes: 5,
  adherenceTargetPercent: 90,
};

export interface AdherenceVerdict {
  state: AdherenceState;
  impact: Impact;
  actualCategory: ActivityCategory;
}

const WORKING: ReadonlySet<RoutingStatus> = new Set(['IDLE', 'INTERACTING', 'COMMUNICATING']);

/** Genesys's real-time rules ("Real-time adherence overview"), applied to one instant. */
export function adherenceOf(
  scheduled: ActivityCategory | undefined,
  presence: SystemPresence,
  routing: RoutingStatus,
  isOutOfOffice: boolean,
  settings: AdherenceSettings,
): AdherenceVerdict {
  const actualCategory = actualCategoryOf(presence, isOutOfOffice);
  const onQueue = actualCategory === 'OnQueueWork';
  if (scheduled === undefined) {
    // "in adherence when they have no scheduled activities and a status mapped to Unavailable or Time Off"
    if (actualCategory === 'Unavailable' || actualCategory === 'TimeOff')
      return { state: 'InAdherence', impact: 'Neutral', actualCategory };
    return { state: 'Unscheduled', impact: onQueue ? 'Positive' : 'Neutral', actualCategory };
  }
  if (settings.ignoredActivityCategories.includes(scheduled))
    return { state: 'Ignored', impact: 'Neutral', actualCategory };
  if (scheduled === 'OnQueueWork') {
    // "agents in an On Queue status must also be in either Idle, Interacting, or Communicating routing status"
    return onQueue && WORKING.has(routing)
      ? { state: 'InAdherence', impact: 'Neutral', actualCategory }
      : { state: 'OutOfAdherence', impact: 'Negative', actualCategory };
  }
  if (actualCategory === scheduled) return { state: 'InAdherence', impact: 'Neutral', actualCategory };
  if (settings.nonOnQueueActivitiesEquivalent && !onQueue)
    return { state: 'InAdherence', impact: 'Neutral', actualCategory };
  return { state: 'OutOfAdherence', impact: onQueue ? 'Positive' : 'Neutral', actualCategory };
}
