/**
 * @module A feature's name in the page's language. @adhere/genesys names its features in English (for its own
 * errors and the CLI); the app says them through the catalogue. Permission and scope names stay as Genesys's admin
 * UI and OAuth client page spell them, since that is what an administrator searches for.
 */
import type { Feature } from '@adhere/genesys';
import { t } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages/en.js';

const FEATURE: Record<Feature, MessageKey> = {
  liveBoard: 'feature.liveBoard',
  history: 'feature.history',
  teams: 'feature.teams',
  explanations: 'feature.explanations',
  dayView: 'feature.dayView',
  myDay: 'feature.myDay',
  myExplanations: 'feature.myExplanations',
  excuse: 'feature.excuse',
  review: 'feature.review',
  coaching: 'feature.coaching',
  setPresence: 'feature.setPresence',
  secondaryPresence: 'feature.secondaryPresence',
};

export function featureWords(feature: Feature): string {
  return t(FEATURE[feature]);
}
