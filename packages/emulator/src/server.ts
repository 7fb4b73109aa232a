import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { WebSocketServer } from 'ws';
import { adherenceUpdateTopicBody } from './api/adherence-models.js';
import { bearerAuth, type ApiEnv } from './api/auth.js';
import { DownloadStore } from './api/downloads.js';
import { ApiProblem, errorBody } from './api/error-body.js';
import { HistoricalJobs } from './api/historical-jobs.js';
import { historicalRoutes } from './api/historical.js';
import { notificationRoutes } from './api/notifications.js';
import { realtimeAdherenceRoutes } from './api/realtime-adherence.js';
import { usersRoutes } from './api/users.js';
import { wfmOrgRoutes } from './api/wfm-org.js';
import { DEFAULT_CLIENT, type OAuthClient } from './clients.js';
import type { EmulatorContext } from './context.js';
import { Directory } from './directory.js';
import { FaultInjector, type FaultOptions } from './faults.js';
import { NotificationHub } from './notifications/hub.js';
import { handleAuthorize, handleLogin } from './oauth/authorize.js';
import { GrantStore } from './oauth/grants.js';
import { RejectionLog } from './oauth/rejections.js';
import { handleToken } from './oauth/token.js';
import { DEFAULT_ADHERENCE_SETTINGS, type AdherenceSettings } from './simulation/adherence-rules.js';
import { ContactCentre } from './simulation/contact-centre.js';
import { buildTopology } from './simulation/topology.js';

export interface EmulatorOptions {
  /** Port of the login origin; the API origin listens on port + 1. 0 (default) picks free ports for both. */
  port?: number;
  host?: string;
  agents?: number;
  seed?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** 'manual' stops the simulated clock; tests then move it with `emulator.centre.advanceBy()`. */
  clock?: 'real' | 'manual';
  startTime?: number;
  /** Clients besides the default public `adhere-local`. */
  clients?: OAuthClient[];
  /** Extra browser origins allowed by CORS (the origins of every registered redirect URI always are). */
  corsOrigins?: string[];
  codeLifetimeSeconds?: number;
  heartbeatSeconds?: number;
  channelLifetimeSeconds?: number;
  socketClosingGraceSeconds?: number;
  maxTopicsPerChannel?: number;
  /** Real-time listings larger than this come back as a downloadUrl. */
  downloadThreshold?: number;
  historicalDelayMs?: number;
  jobRouteDownloadUrls?: boolean;
  faults?: Partial<FaultOptions>;
  /** Drop every notification socket this often (fault injection), in seconds. */
  dropSocketsEverySeconds?: number;
  settings?: Partial<AdherenceSettings>;
  /** Where the emulator writes its log lines (default: nowhere). */
  log?: (line: string) => void;
}

export interface Emulator {
  loginUrl: string;
  apiUrl: string;
  context: EmulatorContext;
  centre: ContactCentre;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 42;
  const log = options.log ?? (() => {});
  const topology = buildTopology(seed, options.agents ?? 2000);
  const centre = new ContactCentre(topology, {
    speed: options.speed ?? 1,
    clock: options.clock ?? 'real',
    settings: { ...DEFAULT_ADHERENCE_SETTINGS, ...options.settings },
    ...(options.startTime === undefined ? {} : { startTime: options.startTime }),
  });
  const clients = new Map<string, OAuthClient>([[DEFAULT_CLIENT.id, DEFAULT_CLIENT], ...(options.clients ?? []).map((c) => [c.id, c] as const)]);
  const allowedOrigins = new Set<string>(options.corsOrigins ?? []);
  for (const c of clients.values()) for (const r of c.redirectUris) allowedOrigins.add(new URL(r).origin);
  const urls = { login: '', api: '' };
  const ctx: EmulatorContext = {
    clients,
    grants: new GrantStore((options.codeLifetimeSeconds ?? 60) * 1000),
    rejections: new RejectionLog(log),
    directory: new Directory(topology),
    centre,
    hub: new NotificationHub({
      heartbeatMs: (options.heartbeatSeconds ?? 30) * 1000,
      channelLifetimeMs: (options.channelLifetimeSeconds ?? 86_400) * 1000,
      maxChannelsPerUser: 20,
      maxTopicsPerChannel: options.maxTopicsPerChannel ?? 1000,
      closingGraceMs: (options.socketClosingGraceSeconds ?? 60) * 1000,
      connectUri: (id) => `${urls.api.replace(/^http/, 'ws')}/channels/${id}`,
      log,
    }),
    faults: new FaultInjector(seed, options.faults),
    jobs: new HistoricalJobs(),
    urls,
    log,
    isAllowedOrigin: (o) => allowedOrigins.has(o),
  };

  // Adherence changes go to the three topics Genesys publishes them on, built only when someone listens.
  const stopEvents = centre.onChange((status) => {
    const a = status.agent;
    const topics = [`v2.workforcemanagement.managementunits.${a.managementUnitId}.adherence`, `v2.workforcemanagement.teams.${a.teamId}.adherence`, `v2.users.${a.id}.workforcemanagement.adherence`];
    let body: unknown;
    for (const t of topics) {
      if (!ctx.hub.hasSubscribers(t)) continue;
      body ??= adherenceUpdateTopicBody(status, topology);
      ctx.hub.publish(t, body);
    }
  });

  const stopDrops = options.dropSocketsEverySeconds ? ctx.hub.dropEvery(options.dropSocketsEverySeconds * 1000) : () => {};

  const corsMiddleware = cors({
    origin: (origin) => (ctx.isAllowedOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After', 'inin-correlation-id'],
    maxAge: 600,
  });

  // ---- login origin ----
  const login = new Hono();
  login.use('*', corsMiddleware);
  login.get('/oauth/authorize', (c) => handleAuthorize(ctx, c));
  login.post('/oauth/login', (c) => handleLogin(ctx, c));
  login.post('/oauth/token', (c) => handleToken(ctx, c));
  // The official SDK's logout is GET login.<env>/logout; /oauth/logout is accepted too.
  const logout = (c: Context) => {
    const to = c.req.query('redirect_uri');
    const client = ctx.clients.get(c.req.query('client_id') ?? '');
    if (to && client?.redirectUris.some((r) => new URL(r).origin === safeOrigin(to))) return c.redirect(to, 302);
    return c.html('<!doctype html><title>Signed out</title><p role="status">You are signed out of the Genesys Cloud emulator.</p>');
  };
  login.get('/logout', logout);
  login.get('/oauth/logout', logout);
  login.get('/__emulator/events', (c) => c.json({ entities: ctx.rejections.list() }));
  login.delete('/__emulator/events', (c) => (ctx.rejections.clear(), c.body(null, 204)));
  login.post('/__emulator/faults', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Partial<FaultOptions> & { dropSockets?: boolean; expireChannelsInMs?: number; socketClosing?: boolean; silent?: boolean };
    ctx.faults.set(body);
    if (body.dropSockets) ctx.hub.dropAllSockets();
    if (body.expireChannelsInMs !== undefined) ctx.hub.expireSoon(body.expireChannelsInMs);
    if (body.socketClosing) for (const ch of ctx.hub.allChannels()) ctx.hub.announceClosing(ch);
    if (body.silent !== undefined) ctx.hub.silent = body.silent;
    return c.json({ faults: ctx.faults.options, injected: ctx.faults.injected, silent: ctx.hub.silent });
  });
  login.get('/', (c) => c.text('Genesys Cloud emulator: login origin. OAuth at /oauth/authorize and /oauth/token.'));

  // ---- API origin ----
  const downloads = new DownloadStore(() => urls.api);
  const api = new Hono<ApiEnv>();
  api.use('*', corsMiddleware);
  api.onError((err, c) => {
    if (err instanceof ApiProblem) return c.json(errorBody(err.status, err.code, err.message, err.params), err.status as 400, err.headers);
    log(`[emulator] API error: ${(err as Error).stack ?? String(err)}`);
    return c.json(errorBody(500, 'internal.server.error', 'The server encountered an unexpected condition.'), 500);
  });
  api.notFound((c) => c.json(errorBody(404, 'not.found', 'The requested resource was not found.'), 404));
  // Downloads are pre-signed: no bearer token, and outside fault injection so a result, once ready, can be read.
  api.get('/downloads/:id', (c) => {
    const body = downloads.take(c.req.param('id'));
    if (body === undefined) return c.json(errorBody(404, 'not.found', 'The download has expired or does not exist.'), 404);
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  api.use('/api/*', async (c, next) => {
    const f = ctx.faults.options;
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    const draw = ctx.faults.draw();
    if (draw === '429') {
      const s = String(f.retryAfterSeconds);
      throw new ApiProblem(429, 'too.many.requests.retry.after', `Rate limit exceeded the maximum. Retry the request in [${s}] seconds`, { '0': s }, { 'Retry-After': s });
    }
    if (draw === '5xx') throw new ApiProblem(503, 'service.unavailable', 'Service Unavailable');
    await next();
  });
  api.use('/api/*', bearerAuth(ctx));
  api.route('/', usersRoutes(ctx));
  api.route('/', wfmOrgRoutes(ctx));
  api.route('/', realtimeAdherenceRoutes(ctx, downloads, options.downloadThreshold ?? 1000));
  api.route('/', historicalRoutes(ctx, downloads, { delayMs: options.historicalDelayMs ?? 1500, jobRouteDownloadUrls: options.jobRouteDownloadUrls ?? false }));
  api.route('/', notificationRoutes(ctx));

  const host = options.host ?? '127.0.0.1';
  const loginServer = await listen(login.fetch, host, options.port ?? 0);
  const apiServer = await listen(api.fetch, host, options.port ? options.port + 1 : 0);
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? (options.port ? 'localhost' : '127.0.0.1') : host;
  urls.login = `http://${shown}:${(loginServer.address() as AddressInfo).port}`;
  urls.api = `http://${shown}:${(apiServer.address() as AddressInfo).port}`;

  const wss = new WebSocketServer({ noServer: true });
  apiServer.on('upgrade', (req, socket, head) => {
    const m = /^\/channels\/([0-9a-f-]{36})$/.exec(new URL(req.url ?? '/', urls.api).pathname);
    const channel = m ? ctx.hub.get(m[1]!) : undefined;
    if (!channel) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => ctx.hub.attach(channel, ws));
  });

  return {
    loginUrl: urls.login,
    apiUrl: urls.api,
    context: ctx,
    centre,
    async close() {
      stopEvents();
      stopDrops();
      centre.stop();
      ctx.hub.close();
      ctx.jobs.close();
      for (const ws of wss.clients) ws.terminate();
      await Promise.all([closeServer(loginServer), closeServer(apiServer)]);
    },
  };
}

function listen(fetch: (req: Request) => Response | Promise<Response>, hostname: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }) as Server;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
