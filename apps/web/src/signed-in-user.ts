/**
 * @module Who is signed in (users/me with their permissions), read once per sign-in and shared: the access
 * check labels features with it, and the tab's notification hub names the user's topics by its id.
 */
import { getMeWithAuthorization, type GenesysClient } from '@adhere/genesys';

type Me = Awaited<ReturnType<typeof getMeWithAuthorization>>;
const read = new WeakMap<GenesysClient, Promise<Me>>();

export function signedInUser(client: GenesysClient): Promise<Me> {
  let me = read.get(client);
  if (!me) {
    // Low priority: what fills the page goes first; this only labels features and names topics.
    me = getMeWithAuthorization(client, { priority: 'low' });
    read.set(client, me);
    // A failure is not kept: the next caller asks again (a 401 before sign-in completes, a network blip).
    me.catch(() => read.get(client) === me && read.delete(client));
  }
  return me;
}

/** At sign-out. */
export function forgetSignedInUser(client: GenesysClient): void {
  read.delete(client);
}
