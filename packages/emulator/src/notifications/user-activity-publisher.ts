/**
 * @module Publishes each agent's routing status and conversation summary when they change, on the user topics
 * Genesys uses for them (`v2.users.{id}.routingStatus`, `v2.users.{id}.conversationsummary`).
 */
import type { ContactCentre } from '../simulation/contact-centre.js';
import { conversationSummary } from '../simulation/interactions.js';
import type { NotificationHub } from './hub.js';
import { userConversationSummaryTopic, userRoutingStatusTopic } from './topics.js';

/** Returns a stop function. Only a change of routing status changes either (an interaction is a stretch of one). */
export function publishUserActivity(centre: ContactCentre, hub: NotificationHub): () => void {
  return centre.onChange((status, previous) => {
    if (status.span.routing === previous.span.routing && status.routingStatusTime === previous.routingStatusTime)
      return;
    const id = status.agent.id;
    const routing = userRoutingStatusTopic(id);
    if (hub.hasSubscribers(routing))
      hub.publish(routing, {
        id,
        routingStatus: { status: status.span.routing, startTime: new Date(status.routingStatusTime).toISOString() },
      });
    const summary = userConversationSummaryTopic(id);
    if (hub.hasSubscribers(summary)) hub.publish(summary, conversationSummary(centre.topology.seed, status));
  });
}
