/**
 * @module An agent's explanations as Genesys changes them: a count that grows whenever one may have changed (an
 * agent adding one, a supervisor's decision, a gap in the feed), so a view reads them again. Used by the
 * supervisor's day view and the agent's own day alike, on the tab's one channel.
 */
import { useEffect, useState } from 'react';
import { agentExplanationsTopic, type GenesysClient } from '@adhere/genesys';
import { tabNotifications } from './notifications.js';

export function useExplanationFeed(client: GenesysClient, agentId: string | undefined): [number, () => void] {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (!agentId) return;
    // Optional: a user who may not see explanations gets no feed, and the rest of the view works.
    const feed = tabNotifications(client).listen({
      optionalTopics: [agentExplanationsTopic(agentId)],
      onEvent: (e) => e.kind === 'explanation' && setChanges((n) => n + 1),
      // After a gap a change may have been missed: read again.
      onResync: () => setChanges((n) => n + 1),
    });
    // Once subscribed, read again: a change between the first read and the subscription would otherwise go unseen.
    let open = true;
    feed.ready.then(
      () => open && setChanges((n) => n + 1),
      () => {},
    );
    return () => {
      open = false;
      feed.close();
    };
  }, [client, agentId]);
  return [changes, () => setChanges((n) => n + 1)];
}
