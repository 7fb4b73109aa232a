import { Hono, type Context } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Channel } from '../notifications/hub.js';
import { subscribeTopics } from '../notifications/subscriptions.js';
import { TOPICS } from '../notifications/topics.js';
import { requireScope, type ApiEnv } from './auth.js';
import { ApiProblem, badRequest } from './error-body.js';

/** The Notifications API: channels, subscriptions (POST adds, PUT replaces), available topics. */
export function notificationRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  const owned = (c: Context<ApiEnv>): Channel => {
    const caller = requireScope(c, ['notifications']);
    const channel = ctx.hub.get(c.req.param('channelId') ?? '');
    if (!channel || channel.owner.clientId !== caller.token.clientId || channel.owner.userId !== caller.token.userId) {
      throw new ApiProblem(404, 'not.found', 'Channel not found');
    }
    return channel;
  };
  const listing = (channel: Channel) => ({
    entities: [...channel.topics].map((id) => ({
      id,
      state: 'Permitted',
      selfUri: `/api/v2/notifications/channels/${channel.id}/subscriptions`,
    })),
  });

  app.post('/api/v2/notifications/channels', (c) => {
    const { token } = requireScope(c, ['notifications']);
    return c.json(
      ctx.hub.describe(
        ctx.hub.create({ userId: token.userId, clientId: token.clientId, token: token.token }, token.scopes),
      ),
    );
  });
  app.get('/api/v2/notifications/channels', (c) => {
    const { token } = requireScope(c, ['notifications']);
    return c.json({
      entities: ctx.hub.list({ userId: token.userId, clientId: token.clientId }).map((ch) => ctx.hub.describe(ch)),
    });
  });
  // HEAD /api/v2/notifications/channels/{channelId}: "Verify a channel still exists and is valid". Hono answers
  // HEAD through GET routes (an `on('HEAD')` route is never reached), and Genesys has no GET here: GET is 404.
  app.get('/api/v2/notifications/channels/:channelId', (c) => {
    if (c.req.method !== 'HEAD') throw new ApiProblem(404, 'not.found', 'The requested resource was not found.');
    owned(c);
    return c.body(null, 200);
  });
  app.get('/api/v2/notifications/channels/:channelId/subscriptions', (c) => c.json(listing(owned(c))));
  app.delete('/api/v2/notifications/channels/:channelId/subscriptions', (c) => {
    ctx.hub.clear(owned(c));
    return c.body(null, 204);
  });
  const subscribe = (replace: boolean) => async (c: Context<ApiEnv>) => {
    const channel = owned(c);
    const body = await c.req.json().catch(() => undefined);
    if (!Array.isArray(body) || !body.every((t) => typeof t?.id === 'string'))
      throw badRequest('bad.request', 'The body must be an array of ChannelTopic objects: [{"id":"…"}]');
    const ids = (body as Array<{ id: string }>).map((t) => t.id);
    const { account, token } = c.get('caller');
    const rejected = subscribeTopics(ctx.hub, ctx.centre.topology, channel, { account, scopes: token.scopes }, ids, {
      replace,
      ignoreErrors: c.req.query('ignoreErrors') === 'true',
    });
    return c.json({ entities: [...listing(channel).entities, ...rejected] });
  };
  app.post('/api/v2/notifications/channels/:channelId/subscriptions', subscribe(false));
  app.put('/api/v2/notifications/channels/:channelId/subscriptions', subscribe(true));
  app.get('/api/v2/notifications/availabletopics', (c) => {
    requireScope(c, ['notifications']);
    return c.json({
      entities: TOPICS.map((t) => ({
        id: t.id,
        description: t.description,
        requiresPermissions: t.requiresPermissions,
        requiresCurrentUser: t.requiresCurrentUser,
        enforced: true,
        visibility: 'Public',
        transports: ['All'],
        topicParameters: ['id'],
      })),
    });
  });
  return app;
}
