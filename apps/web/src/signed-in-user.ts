/**
 * @module Who is signed in (users/me with their permissions), read once per sign-in and shared: the access
 * check labels features with it, and the tab's notification hub names the user's topics by its id. The answer is
 * kept in this tab's sessionStorage (a user id, a name and permission names: nothing secret), so a reload does not
 * ask again; a new sign-in, sign-out and "Check again" in Settings forget it.
 */
import { tabStorage } from './browser-storage.js';
import { getMeWithAuthorization, type GenesysClient } from '@adhere/genesys';

type Me = Awaited<ReturnType<typeof getMeWithAuthorization>>;
const read = new WeakMap<GenesysClient, Promise<Me>>();
const KEY = 'adhere-signed-in-user';

export function signedInUser(client: GenesysClient): Promise<Me> {
  let me = read.get(client);
  if (!me) {
    const kept = keptUser();
    // Low priority: what fills the page goes first; this only labels features and names topics.
    me = kept ? Promise.resolve(kept) : getMeWithAuthorization(client, { priority: 'low' }).then(keep);
    read.set(client, me);
    // A failure is not kept: the next caller asks again (a 401 before sign-in completes, a network blip).
    me.catch(() => read.get(client) === me && read.delete(client));
  }
  return me;
}

/** At sign-in, at sign-out, and when the user asks for their permissions to be read again. */
export function forgetSignedInUser(client: GenesysClient): void {
  read.delete(client);
  try {
    tabStorage.removeItem(KEY);
  } catch {
    // No storage (a sandboxed frame): nothing was kept.
  }
}

function keep(me: Me): Me {
  try {
    // Only what is read back: the id (topics) and the permission names (the access check).
    tabStorage.setItem(
      KEY,
      JSON.stringify({ id: me.id, authorization: { permissions: me.authorization?.permissions } }),
    );
  } catch {
    // No storage or full: the next page load asks again.
  }
  return me;
}

/** What this sign-in read, if it is there and has a user's shape; anything else is dropped and read again. */
function keptUser(): Me | undefined {
  let text: string | null;
  try {
    text = tabStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Me;
    const permissions = v?.authorization?.permissions;
    if (typeof v?.id === 'string' && v.id && (permissions === undefined || Array.isArray(permissions))) return v;
  } catch {
    // not JSON: dropped below
  }
  tabStorage.removeItem(KEY);
  return undefined;
}
