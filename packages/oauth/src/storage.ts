import { OAuthError } from './errors.js';

/** The part of the Web Storage API we use; tests and Node pass any object with these methods. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** sessionStorage survives the redirect to the login page and back, and is per tab, which is why the
 *  verifier goes there (as the official SDK does). localStorage would outlive the tab and leak to every
 *  other tab of the origin, so it is refused outright. */
export function sessionStorageOrThrow(storage: KeyValueStorage | undefined): KeyValueStorage {
  const chosen = storage ?? browserStorage('sessionStorage');
  if (chosen === undefined) {
    throw new OAuthError('storage_unavailable', 'No sessionStorage: pass options.storage', {
      hint: 'The browser refuses storage here (a third-party frame with third-party cookies blocked?): pass createMemoryStorage()',
    });
  }
  if (chosen === browserStorage('localStorage')) {
    throw new OAuthError('insecure_storage', 'localStorage is refused: it outlives the tab');
  }
  return chosen;
}

/** A browser storage, or undefined where there is none or the browser refuses it: merely reading the property
 *  throws a SecurityError in a third-party frame whose browser blocks third-party cookies. */
function browserStorage(name: 'sessionStorage' | 'localStorage'): KeyValueStorage | undefined {
  try {
    return (globalThis as Record<string, unknown>)[name] as KeyValueStorage | undefined;
  } catch {
    return undefined;
  }
}

/** An in-memory KeyValueStorage, for Node, workers and tests. */
export function createMemoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
  };
}
