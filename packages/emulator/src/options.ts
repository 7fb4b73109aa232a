/** @module What startEmulator takes. Every duration is in milliseconds (`…Ms`). */
import type { OAuthClient } from './clients.js';
import type { FaultOptions } from './faults.js';
import type { AdherenceSettings } from './simulation/adherence-rules.js';
import type { WallClock } from './wall-clock.js';

export interface EmulatorOptions {
  /** Port of the login origin; the API origin listens on port + 1. 0 (default) picks free ports for both. */
  port?: number;
  host?: string;
  agents?: number;
  /** Most agents in one management unit (default 1,000; Genesys allows 1,500). */
  agentsPerManagementUnit?: number;
  /**
   * Most agents in one business unit (default 5,000): each business unit has its own time zone (London, New York,
   * Chicago, Sydney, Tokyo in turn), so a small org can span business units and zones too.
   */
  agentsPerBusinessUnit?: number;
  seed?: number;
  /** Simulated seconds per real second. */
  speed?: number;
  /** 'manual' stops the simulated clock; tests then move it with `emulator.centre.advanceBy()`. */
  clock?: 'real' | 'manual';
  startTime?: number;
  /**
   * Real time for OAuth lifetimes, channels, heartbeats, downloads and job delays (default: the system
   * clock). Tests pass a `ManualClock` from `@adhere/emulator/testing` and move it instead of sleeping.
   */
  wallClock?: WallClock;
  /**
   * Also serve login and API paths on one origin (port + 2 when `port` is set), for the official SDK's
   * `setGateway(...)`: `/login/…` and `/api/api/v2/…` with path params, or `/oauth/…` and `/api/v2/…` without.
   */
  gateway?: boolean;
  /**
   * Sign-in accounts besides the seeded ones: `{email, password, name, permissions}` each, permissions as Genesys
   * writes them (`wfm:realtimeAdherence:view`, `*` for any part). `--users FILE` reads them from a JSON array.
   */
  users?: Array<{ email: string; password: string; name: string; permissions: string[] }>;
  /** Clients besides the default public `adhere-local`. */
  clients?: OAuthClient[];
  /** Extra browser origins allowed by CORS (the origins of every registered redirect URI always are). */
  corsOrigins?: string[];
  /**
   * The client app Genesys Cloud's page (the apps origin, port + 3) frames: an integration URL with Genesys's
   * template values, e.g. `http://localhost:3000/?gcHostOrigin={{gcHostOrigin}}&gcTargetEnv={{gcTargetEnv}}`.
   */
  clientAppUrl?: string;
  /** The environment name the apps page claims in `{{gcTargetEnv}}` (default `prod`, a name the SDK knows). */
  clientAppTargetEnv?: string;
  /** Authorization code lifetime (default 60 s). */
  codeLifetimeMs?: number;
  /**
   * How long the login origin's browser session lasts (default 8 h): within it, authorize answers with a code at
   * once, as Genesys re-authenticates a non-HIPAA org's users by itself. 0: every sign-in asks for the password,
   * as in a HIPAA org.
   */
  loginSessionMs?: number;
  /** WebSocket heartbeat interval (default 30 s, as Genesys). */
  heartbeatMs?: number;
  /** Notification channel lifetime (default 24 h). */
  channelLifetimeMs?: number;
  /**
   * Close a notification channel once the token that made it expires (default false: Genesys does not say;
   * its channel lives its 24 hours). A revoked token (DELETE /api/v2/tokens/me) always closes its channels.
   */
  closeChannelsOnTokenExpiry?: boolean;
  /** Warning time between v2.system.socket_closing and the close (default 60 s). */
  socketClosingGraceMs?: number;
  maxTopicsPerChannel?: number;
  /**
   * Bytes of notifications a socket may have waiting to be read before it is closed as too slow (default
   * 4 MiB: about 10 s of every event of 20,000 agents at --speed 60).
   */
  maxSocketBacklogBytes?: number;
  /** Real-time listings larger than this come back as a downloadUrl. */
  downloadThreshold?: number;
  /** Base delay before a historical job completes (default 1.5 s). */
  historicalDelayMs?: number;
  jobRouteDownloadUrls?: boolean;
  faults?: Partial<FaultOptions>;
  /**
   * API requests a token may make per minute before 429 `too.many.requests.retry.after` (default 300, Genesys's
   * `token.rate.per.minute`; 0 turns the limit off). Counted on `wallClock`.
   */
  rateLimitPerMinute?: number;
  /**
   * When a query that Genesys may answer later (adherence explanation queries) answers with a job: 'bySize'
   * (default: results over `asyncThreshold` entities, or when the request says forceAsync=true), 'always', or
   * 'never' (only when asked).
   */
  asyncAnswers?: 'bySize' | 'always' | 'never';
  /** Entities past which 'bySize' answers with a job (default 1,000). */
  asyncThreshold?: number;
  /** Wall-clock time such a job takes (default 300 ms). */
  asyncDelayMs?: number;
  /** Drop every notification socket this often (fault injection). */
  dropSocketsEveryMs?: number;
  settings?: Partial<AdherenceSettings>;
  /** Where the emulator writes its log lines (default: nowhere). */
  log?: (line: string) => void;
}
