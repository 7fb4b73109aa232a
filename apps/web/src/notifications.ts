/**
 * @module The tab's one notification channel (a NotificationHub) for the signed-in client: the board, the
 * wallboard, the agent's day and every historical query listen on it, so a tab holds one of the 20 channels
 * Genesys allows a user and app, and `users/me` is read once per sign-in.
 */
import { tabStorage } from './browser-storage.js';
import { createNotificationHub, type GenesysClient, type NotificationHub } from '@adhere/genesys';
import { forgetSignedInUser, signedInUser } from './signed-in-user.js';

const hubs = new WeakMap<GenesysClient, NotificationHub>();
const CHANNEL_KEY = 'adhere-notification-channel';

/** The hub of this client, opened on first use (its channel is made when the first listener comes). */
export function tabNotifications(client: GenesysClient): NotificationHub {
  let hub = hubs.get(client);
  if (!hub || hub.status === 'closed') {
    hub = createNotificationHub(client, {
      whoAmI: () => signedInUser(client),
      // A reload takes up this tab's channel again instead of making another (Genesys keeps 20 per user and
      // app). sessionStorage, like the tokens: the tab's own, gone with it.
      keep: {
        load: () => tabStorage.getItem(CHANNEL_KEY) ?? undefined,
        save: (v) => (v === undefined ? tabStorage.removeItem(CHANNEL_KEY) : tabStorage.setItem(CHANNEL_KEY, v)),
      },
    });
    hubs.set(client, hub);
  }
  return hub;
}

/** At sign-out: the socket closes and the next sign-in starts a new hub. */
export function closeTabNotifications(client: GenesysClient): void {
  hubs.get(client)?.close();
  hubs.delete(client);
  tabStorage.removeItem(CHANNEL_KEY);
  forgetSignedInUser(client);
}
