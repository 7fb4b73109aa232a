/** @module The Genesys OAuth scopes the emulator knows (names as in the Genesys API's per-operation scopes). */
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
  'coaching',
  'coaching:readonly',
] as const;
