// Genesys OAuth scopes the emulator knows (names as in the Genesys API's per-operation scopes).
export const KNOWN_SCOPES = [
  'user-basic-info',
  'users',
  'users:readonly',
  'workforce-management',
  'workforce-management:readonly',
  'notifications',
  'groups',
  'groups:readonly',
  'presence',
  'presence:readonly',
] as const;
export type Scope = (typeof KNOWN_SCOPES)[number];

/** A read operation accepts the full scope or its `:readonly` form. */
export function readScopes(base: string): string[] {
  return [base, `${base}:readonly`];
}
