/** @module /api/v2/tokens/me: what the official SDK checks after sign-in (TokenInfo), and revocation. */
import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { ApiEnv } from './auth.js';

export function tokenRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  // GET /api/v2/tokens/me — TokenInfo. The SDK's loginPKCEGrant calls it to test a new token
  // (_testTokenAccess); any valid token may read its own info, whatever its scopes.
  app.get('/api/v2/tokens/me', (c) => {
    const { token } = c.get('caller');
    const topo = ctx.centre.topology;
    // NamedEntity: id and name only.
    const org = { id: topo.organizationId, name: 'Adhere Emulated Org' };
    const client = ctx.clients.get(token.clientId);
    return c.json({
      organization: org,
      homeOrganization: org,
      authorizedScope: token.scopes,
      OAuthClient: {
        id: token.clientId,
        name: client?.name ?? token.clientId,
        authorizedGrantType: token.userId ? 'CODE' : 'CLIENT-CREDENTIALS',
        scope: client?.scopes ?? token.scopes,
        organization: org,
      },
    });
  });
  // DELETE /api/v2/tokens/me — revokes the token the request was made with, and only it: another tab
  // (or device) of the same user and client keeps its own token. The channels it made close with it: a
  // signed-out user's socket must not go on delivering the org's adherence.
  app.delete('/api/v2/tokens/me', (c) => {
    const { token } = c.get('caller');
    ctx.grants.revokeToken(token.token);
    ctx.hub.closeChannelsOf(token.token, 'its token was revoked');
    return c.body(null, 204);
  });
  return app;
}
