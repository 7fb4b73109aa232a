/** @module Everything the route handlers share; one per emulator instance (no module-level state). */
import type { HistoricalJobs } from './api/historical-jobs.js';
import type { OAuthClient } from './clients.js';
import type { Directory } from './directory.js';
import type { FaultInjector } from './faults.js';
import type { NotificationHub } from './notifications/hub.js';
import type { GrantStore } from './oauth/grants.js';
import type { LoginThrottle } from './oauth/login-throttle.js';
import type { LoginSessions } from './oauth/login-sessions.js';
import type { RejectionLog } from './oauth/rejections.js';
import type { ContactCentre } from './simulation/contact-centre.js';
import type { Explanations } from './simulation/explanations.js';
import type { UnitMoves } from './simulation/unit-moves.js';
import type { CoachingAppointments } from './simulation/coaching.js';
import type { WallClock } from './wall-clock.js';
import type { RateLimiter } from './api/rate-limit.js';

export interface EmulatorContext {
  clients: Map<string, OAuthClient>;
  grants: GrantStore;
  rejections: RejectionLog;
  loginThrottle: LoginThrottle;
  /** The login origin's browser sessions (sign in once, come back without the form). */
  loginSessions: LoginSessions;
  directory: Directory;
  centre: ContactCentre;
  /** Agents' adherence explanations and supervisors' reviews of them. */
  explanations: Explanations;
  /** Agents moved between management units, and when. */
  moves: UnitMoves;
  /** Coaching appointments booked. */
  coaching: CoachingAppointments;
  hub: NotificationHub;
  faults: FaultInjector;
  /** Genesys's per-token rate limit. */
  rateLimit: RateLimiter;
  jobs: HistoricalJobs;
  clock: WallClock;
  /** Origins (scheme://host:port) the emulator serves; filled in once the ports are bound. */
  urls: { login: string; api: string };
  log: (line: string) => void;
  /** Origins allowed to call the login and API origins from a browser (CORS). */
  isAllowedOrigin: (origin: string) => boolean;
}
