/** @module The OAuth client a test or benchmark registers for an app it serves on a port of its own. */
import type { OAuthClient } from '../clients.js';

/** The scopes the Adhere app asks for. */
export const APP_SCOPES = [
  'user-basic-info',
  'users:readonly',
  'workforce-management',
  'notifications',
  'groups:readonly',
  'presence:readonly',
  // Setting an agent's presence from the board (issue 22, item 3).
  'presence',
  'coaching',
];

/** A public PKCE client whose redirect URI is `${appOrigin}/callback`. */
export function appClient(id: string, appOrigin: string, accessTokenLifetimeSeconds = 86_399): OAuthClient {
  return {
    id,
    name: `Adhere (${id})`,
    type: 'public',
    redirectUris: [`${appOrigin}/callback`],
    grantTypes: ['authorization_code'],
    scopes: [...APP_SCOPES],
    accessTokenLifetimeSeconds,
  };
}
