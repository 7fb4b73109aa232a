/** @module Publishes every simulated adherence change on the three topics Genesys uses for it. */
import { adherenceUpdateTopicBody } from '../api/adherence-models.js';
import type { ContactCentre } from '../simulation/contact-centre.js';
import type { NotificationHub } from './hub.js';
import { managementUnitAdherenceTopic, teamAdherenceTopic, userAdherenceTopic } from './topics.js';

/** Returns a stop function. Bodies are built only when someone listens: most changes have no subscriber. */
export function publishAdherence(centre: ContactCentre, hub: NotificationHub): () => void {
  return centre.onChange((status) => {
    const a = status.agent;
    let body: unknown;
    for (const topic of [
      managementUnitAdherenceTopic(a.managementUnitId),
      teamAdherenceTopic(a.teamId),
      userAdherenceTopic(a.id),
    ]) {
      if (!hub.hasSubscribers(topic)) continue;
      body ??= adherenceUpdateTopicBody(status, centre.topology);
      hub.publish(topic, body);
    }
  });
}
