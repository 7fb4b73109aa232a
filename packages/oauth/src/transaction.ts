import type { KeyValueStorage } from './storage.js';

/** What must survive the redirect: everything the token request has to repeat exactly. */
export interface SignInTransaction {
  state: string;
  verifier: string;
  clientId: string;
  redirectUri: string;
  tokenUrl: string;
  createdAt: number;
  appState?: string;
}

// One key per state, so two tabs (or two sign-ins in one tab) never overwrite each other's verifier.
const PREFIX = 'adhere.pkce.';

export function saveTransaction(storage: KeyValueStorage, tx: SignInTransaction): void {
  storage.setItem(PREFIX + tx.state, JSON.stringify(tx));
}

/** Reads and removes it: a transaction is single-use, so a second callback can never reuse the verifier. */
export function takeTransaction(storage: KeyValueStorage, state: string): SignInTransaction | undefined {
  const raw = storage.getItem(PREFIX + state);
  if (raw === null) return undefined;
  storage.removeItem(PREFIX + state);
  try {
    const tx = JSON.parse(raw) as SignInTransaction;
    return tx.state === state ? tx : undefined;
  } catch {
    return undefined;
  }
}

/** Drops transactions older than maxAgeMs (abandoned sign-ins must not pile up); returns how many remain. */
export function sweepTransactions(storage: KeyValueStorage, now: number, maxAgeMs: number): number {
  let remaining = 0;
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    let createdAt = 0;
    try {
      createdAt = (JSON.parse(storage.getItem(key)!) as SignInTransaction).createdAt;
    } catch {
      // unreadable: dropped below
    }
    if (now - createdAt > maxAgeMs) storage.removeItem(key);
    else remaining++;
  }
  return remaining;
}
