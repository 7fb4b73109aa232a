/** @module The signed-in user's access, read once per sign-in: undefined while it loads. */
import { useEffect, useState } from 'react';
import { readAccess, type Access, type GenesysClient } from '@adhere/genesys';
import { signedInUser } from '../signed-in-user.js';

export function useAccess(client: GenesysClient | undefined): Access | undefined {
  const [access, setAccess] = useState<Access>();
  useEffect(() => {
    if (!client) return;
    const ac = new AbortController();
    // readAccess never rejects for a 403: what it cannot read stays undefined and is shown as "could not check".
    // Low priority: what fills the page goes first; this only labels features.
    readAccess(client, { signal: ac.signal, priority: 'low', me: signedInUser(client) }).then(setAccess, () => {
      if (!ac.signal.aborted) setAccess({ permissions: undefined, scopes: undefined });
    });
    return () => ac.abort();
  }, [client]);
  return access;
}
