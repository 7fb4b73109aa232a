/** @module startEmulator: builds one emulator's state and wires the login origin, the API origin and the sockets. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { cors } from 'hono/cors';
import { apiApp } from './api-app.js';
import { appsApp, type ClientAppSettings } from './apps-app.js';
import { DownloadStore } from './api/downloads.js';
import { HistoricalJobs } from './api/historical-jobs.js';
import { DEFAULT_CLIENT, LIMITED_CLIENT, type OAuthClient } from './clients.js';
import type { EmulatorContext } from './context.js';
import { RateLimiter } from './api/rate-limit.js';
import { normalizeUsers } from './user-accounts.js';
import { ExplanationJobs } from './api/explanation-jobs.js';
import { Directory } from './directory.js';
import { FaultInjector } from './faults.js';
import { gatewayFetch } from './gateway-app.js';
import { loginApp } from './login-app.js';
import { publishAdherence } from './notifications/adherence-publisher.js';
import { publishUserActivity } from './notifications/user-activity-publisher.js';
import { NotificationHub } from './notifications/hub.js';
import { serveChannelSockets } from './notifications/socket-upgrade.js';
import { subscribeTopics } from './notifications/subscriptions.js';
import { ApiProblem } from './api/error-body.js';
import { GrantStore } from './oauth/grants.js';
import { LoginThrottle } from './oauth/login-throttle.js';
import { RejectionLog } from './oauth/rejections.js';
import type { EmulatorOptions } from './options.js';
import { DEFAULT_ADHERENCE_SETTINGS } from './simulation/adherence-rules.js';
import { EmulatorError } from './errors.js';
import { ContactCentre } from './simulation/contact-centre.js';
import { UnitMoves } from './simulation/unit-moves.js';
import { Explanations } from './simulation/explanations.js';
import { CoachingAppointments } from './simulation/coaching.js';
import { AGENTS_PER_BU, buildTopology } from './simulation/topology.js';
import { LoginSessions } from './oauth/login-sessions.js';
import { REAL_CLOCK } from './wall-clock.js';

export type { EmulatorOptions } from './options.js';

export interface Emulator {
  loginUrl: string;
  apiUrl: string;
  /** The gateway origin (login and API paths together), when `gateway: true`. */
  gatewayUrl: string | undefined;
  /** Genesys Cloud's own UI (apps.<env>): its page frames the client app at `clientAppUrl`. */
  appsUrl: string;
  /** Sets the client app's URL (with Genesys's template values) when it is known only after the emulator starts. */
  setClientAppUrl(url: string): void;
  context: EmulatorContext;
  centre: ContactCentre;
  /** Explanation query jobs (`failNext` makes the next ones end in Error). */
  explanationJobs: ExplanationJobs;
  /** Time spent writing result files as they are downloaded (ms): the server's work, for benchmarks. */
  readonly downloadProduceMs: number;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 42;
  const log = options.log ?? (() => {});
  const clock = options.wallClock ?? REAL_CLOCK;
  const perMu = options.agentsPerManagementUnit ?? 1000;
  if (!Number.isInteger(perMu) || perMu < 1 || perMu > 1500)
    throw new EmulatorError('invalid_option', 'agentsPerManagementUnit must be a whole number from 1 to 1,500');
  const perBu = options.agentsPerBusinessUnit ?? AGENTS_PER_BU;
  if (!Number.isInteger(perBu) || perBu < 1)
    throw new EmulatorError('invalid_option', 'agentsPerBusinessUnit must be a whole number of 1 or more');
  const topology = buildTopology(seed, options.agents ?? 2000, perMu, perBu);
  const explanations = new Explanations(topology);
  const centre = new ContactCentre(topology, {
    explanations,
    speed: options.speed ?? 1,
    clock: options.clock ?? 'real',
    settings: { ...DEFAULT_ADHERENCE_SETTINGS, ...options.settings },
    ...(options.startTime === undefined ? {} : { startTime: options.startTime }),
  });
  const clients = new Map<string, OAuthClient>([
    [DEFAULT_CLIENT.id, DEFAULT_CLIENT],
    [LIMITED_CLIENT.id, LIMITED_CLIENT],
    ...(options.clients ?? []).map((c) => [c.id, c] as const),
  ]);
  const urls = { login: '', api: '' };
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 300;
  if (!Number.isInteger(rateLimitPerMinute) || rateLimitPerMinute < 0)
    throw new EmulatorError('invalid_option', 'rateLimitPerMinute must be a whole number, 0 or more');
  const loginSessionMs = options.loginSessionMs ?? 8 * 3_600_000;
  if (!Number.isFinite(loginSessionMs) || loginSessionMs < 0)
    throw new EmulatorError('invalid_option', 'loginSessionMs must be 0 (no sessions) or more');
  const directory = new Directory(topology, options.users ? normalizeUsers(options.users, 'users') : []);
  const ctx: EmulatorContext = {
    clients,
    grants: new GrantStore(options.codeLifetimeMs ?? 60_000, () => clock.now()),
    rejections: new RejectionLog(log, () => clock.now()),
    loginThrottle: new LoginThrottle(clock, (email) => directory.findByEmail(email) !== undefined),
    loginSessions: new LoginSessions(loginSessionMs, () => clock.now()),
    directory,
    centre,
    explanations,
    moves: new UnitMoves(topology),
    coaching: new CoachingAppointments(),
    hub: new NotificationHub({
      heartbeatMs: options.heartbeatMs ?? 30_000,
      channelLifetimeMs: options.channelLifetimeMs ?? 86_400_000,
      maxChannelsPerUser: 20,
      maxTopicsPerChannel: options.maxTopicsPerChannel ?? 1000,
      closingGraceMs: options.socketClosingGraceMs ?? 60_000,
      maxSocketBacklogBytes: options.maxSocketBacklogBytes ?? 4 * 1024 * 1024,
      ...(options.closeChannelsOnTokenExpiry
        ? { tokenAlive: (token: string) => ctx.grants.findToken(token) !== undefined }
        : {}),
      connectUri: (id) => `${urls.api.replace(/^http/, 'ws')}/channels/${id}`,
      log,
      clock,
      subscribeFromSocket: (channel, topics) => {
        try {
          subscribeTopics(
            ctx.hub,
            topology,
            channel,
            {
              account: channel.owner.userId ? ctx.directory.findById(channel.owner.userId) : undefined,
              scopes: channel.scopes,
            },
            topics,
            { replace: false, ignoreErrors: false },
          );
          return undefined;
        } catch (err) {
          if (err instanceof ApiProblem) return { status: err.status, message: err.message };
          throw err;
        }
      },
    }),
    faults: new FaultInjector(seed, options.faults),
    rateLimit: new RateLimiter(clock, rateLimitPerMinute),
    jobs: new HistoricalJobs(clock),
    clock,
    urls,
    log,
    isAllowedOrigin: allowedOrigins(clients, options.corsOrigins ?? []),
  };

  const stopEvents = publishAdherence(centre, ctx.hub);
  const stopActivity = publishUserActivity(centre, ctx.hub);
  const stopDrops = options.dropSocketsEveryMs ? ctx.hub.dropEvery(options.dropSocketsEveryMs) : () => {};
  const corsMiddleware = cors({
    origin: (origin) => (ctx.isAllowedOrigin(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type'],
    exposeHeaders: ['Retry-After', 'inin-correlation-id'],
    maxAge: 600,
  });
  const downloads = new DownloadStore(() => urls.api, clock);
  const explanationJobs = new ExplanationJobs(ctx, downloads, {
    mode: options.asyncAnswers ?? 'bySize',
    threshold: options.asyncThreshold ?? 1000,
    delayMs: options.asyncDelayMs ?? 300,
  });
  const api = apiApp(ctx, corsMiddleware, {
    explanationJobs,
    downloads,
    downloadThreshold: options.downloadThreshold ?? 1000,
    historicalDelayMs: options.historicalDelayMs ?? 1500,
    jobRouteDownloadUrls: options.jobRouteDownloadUrls ?? false,
  });

  const host = options.host ?? '127.0.0.1';
  const login = loginApp(ctx, corsMiddleware);
  const loginServer = await listen(login.fetch, host, options.port ?? 0);
  const apiServer = await listen(api.fetch, host, options.port ? options.port + 1 : 0);
  const clientApp: ClientAppSettings = {
    url: options.clientAppUrl ?? '',
    targetEnv: options.clientAppTargetEnv ?? 'prod',
  };
  const appsServer = await listen(appsApp(clientApp).fetch, host, options.port ? options.port + 3 : 0);
  const gatewayServer = options.gateway
    ? await listen(gatewayFetch(login.fetch, api.fetch), host, options.port ? options.port + 2 : 0)
    : undefined;
  const shown = host === '0.0.0.0' || host === '127.0.0.1' ? (options.port ? 'localhost' : '127.0.0.1') : host;
  urls.login = `http://${shown}:${(loginServer.address() as AddressInfo).port}`;
  urls.api = `http://${shown}:${(apiServer.address() as AddressInfo).port}`;
  const gatewayUrl = gatewayServer ? `http://${shown}:${(gatewayServer.address() as AddressInfo).port}` : undefined;
  const stopSockets = serveChannelSockets(apiServer, ctx.hub, log);

  return {
    loginUrl: urls.login,
    apiUrl: urls.api,
    gatewayUrl,
    appsUrl: `http://${shown}:${(appsServer.address() as AddressInfo).port}`,
    setClientAppUrl(url: string) {
      clientApp.url = url;
    },
    context: ctx,
    centre,
    explanationJobs,
    get downloadProduceMs() {
      return downloads.produceMs;
    },
    async close() {
      stopEvents();
      stopActivity();
      stopDrops();
      centre.stop();
      ctx.hub.close();
      ctx.jobs.close();
      stopSockets();
      await Promise.all(
        [loginServer, apiServer, gatewayServer, appsServer].map((server) => server && closeServer(server)),
      );
    },
  };
}

/** CORS: the origins of registered redirect URIs and any extra ones. Opaque origins ("null", from custom-scheme
 *  redirect URIs, sandboxed frames and files) are never allowed: every such page shares that one value. */
function allowedOrigins(clients: Map<string, OAuthClient>, extra: string[]): (origin: string) => boolean {
  const allowed = new Set<string>(extra);
  for (const c of clients.values()) for (const r of c.redirectUris) allowed.add(new URL(r).origin);
  allowed.delete('null');
  return (origin) => allowed.has(origin);
}

function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  hostname: string,
  port: number,
): Promise<Server> {
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
