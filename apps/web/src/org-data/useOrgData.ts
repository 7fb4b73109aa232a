/** @module A view's read of the org cache: the entry under a key, kept current, its read cancelled on leaving. */
import { useCallback, useSyncExternalStore } from 'react';
import type { GenesysClient } from '@adhere/genesys';
import { orgCacheFor, type Entry } from './org-cache.js';
import type { OrgQuery } from './org-queries.js';

const NONE: Entry<never> = { data: undefined, error: undefined, loading: false, fetchedAt: 0 };

/** The query's entry (an idle one for no query). A new key is a new entry: never the old key's answer. */
export function useOrgData<T>(client: GenesysClient, query: OrgQuery<T> | undefined): Entry<T> {
  const cache = orgCacheFor(client);
  const key = query?.key;
  // The load is taken from the query of the render that subscribed; a key names what it loads.
  const load = query?.load;
  const subscribe = useCallback(
    (listener: () => void) => (key && load ? cache.subscribe(key, load, listener) : () => {}),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is fixed by `key`
    [cache, key],
  );
  return useSyncExternalStore(subscribe, () => (key ? cache.getSnapshot<T>(key) : NONE));
}
