/** @module The signed-in user's access, read once per sign-in: undefined while it loads; `recheck` reads it again. */
import { useCallback, useEffect, useState } from 'react';
import { readAccess, type Access, type GenesysClient } from '@adhere/genesys';
import { forgetSignedInUser, signedInUser } from '../signed-in-user.js';

export function useAccess(client: GenesysClient | undefined): { access: Access | undefined; recheck: () => void } {
  const [access, setAccess] = useState<Access>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!client) return;
    const ac = new AbortController();
    // readAccess never rejects for a 403: what it cannot read stays undefined and is shown as "could not check".
    // Low priority: what fills the page goes first; this only labels features.
    readAccess(client, { signal: ac.signal, priority: 'low', me: signedInUser(client) }).then(setAccess, () => {
      if (!ac.signal.aborted) setAccess({ permissions: undefined, scopes: undefined });
    });
    return () => ac.abort();
  }, [client, asked]);
  // A role changed by an admin during the session: the user asks, and users/me is read again.
  const recheck = useCallback(() => {
    if (!client) return;
    forgetSignedInUser(client);
    setAccess(undefined);
    setAsked((n) => n + 1);
  }, [client]);
  return { access, recheck };
}
