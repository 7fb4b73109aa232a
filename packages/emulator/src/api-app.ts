/** @module The API origin (api.<env>): Genesys's REST API as the emulator serves it, behind faults and bearer auth. */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { bearerAuth, type ApiEnv } from './api/auth.js';
import type { DownloadStore } from './api/downloads.js';
import { ApiProblem, errorBody } from './api/error-body.js';
import { explanationRoutes } from './api/explanations.js';
import { agentSelfRoutes } from './api/agent-self.js';
import { agentHistoricalRoutes } from './api/agent-historical.js';
import { agentMoveRoutes } from './api/agent-moves.js';
import { coachingRoutes } from './api/coaching.js';
import type { ExplanationJobs } from './api/explanation-jobs.js';
import { historicalRoutes } from './api/historical.js';
import { notificationRoutes } from './api/notifications.js';
import { realtimeAdherenceRoutes } from './api/realtime-adherence.js';
import { presenceRoutes } from './api/presence.js';
import { scheduleRoutes } from './api/schedules.js';
import { tokenRoutes } from './api/tokens.js';
import { usersRoutes } from './api/users.js';
import { wfmOrgRoutes } from './api/wfm-org.js';
import type { EmulatorContext } from './context.js';
import { CLOSE } from './api/request-body.js';

/** Largest request body the API reads (Genesys: 413 request.entity.too.large). */
export const MAX_API_BODY_BYTES = 1024 * 1024;

export interface ApiAppOptions {
  downloads: DownloadStore;
  downloadThreshold: number;
  historicalDelayMs: number;
  jobRouteDownloadUrls: boolean;
  explanationJobs: ExplanationJobs;
}

export function apiApp(ctx: EmulatorContext, cors: MiddlewareHandler, o: ApiAppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', cors);
  app.onError((err, c) => {
    if (err instanceof ApiProblem) return c.json(err.body(), err.status as 400, err.headers);
    ctx.log(`[emulator] API error: ${(err as Error).stack ?? String(err)}`);
    return c.json(errorBody(500, 'internal.server.error', 'The server encountered an unexpected condition.'), 500);
  });
  app.notFound((c) => c.json(errorBody(404, 'not.found', 'The requested resource was not found.'), 404));
  // Downloads are pre-signed: no bearer token, and outside fault injection so a result, once ready, can be read.
  app.get('/downloads/:id', (c) => {
    const body = o.downloads.take(c.req.param('id'));
    if (body === undefined)
      return c.json(errorBody(404, 'not.found', 'The download has expired or does not exist.'), 404);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  const limit = String(MAX_API_BODY_BYTES);
  const tooLarge = new ApiProblem(
    413,
    'request.entity.too.large',
    `The request is over the size limit. Maximum bytes: ${limit}`,
    { params: { '0': limit } },
  );
  app.use('/api/*', bodyLimit({ maxSize: MAX_API_BODY_BYTES, onError: (c) => c.json(tooLarge.body(), 413, CLOSE) }));
  app.use('/api/*', ctx.faults.middleware());
  app.use('/api/*', bearerAuth(ctx));
  app.use('/api/*', ctx.rateLimit.middleware());
  app.route('/', usersRoutes(ctx));
  app.route('/', tokenRoutes(ctx));
  app.route('/', wfmOrgRoutes(ctx, o.downloads));
  app.route('/', realtimeAdherenceRoutes(ctx, o.downloads, o.downloadThreshold));
  app.route(
    '/',
    historicalRoutes(ctx, o.downloads, { delayMs: o.historicalDelayMs, jobRouteDownloadUrls: o.jobRouteDownloadUrls }),
  );
  app.route('/', scheduleRoutes(ctx, o.explanationJobs));
  app.route('/', explanationRoutes(ctx, o.explanationJobs));
  app.route('/', agentSelfRoutes(ctx, o.explanationJobs));
  app.route('/', agentHistoricalRoutes(ctx, o.downloads, o.historicalDelayMs));
  app.route('/', coachingRoutes(ctx));
  app.route('/', agentMoveRoutes(ctx));
  app.route('/', notificationRoutes(ctx));
  app.route('/', presenceRoutes(ctx));
  return app;
}
