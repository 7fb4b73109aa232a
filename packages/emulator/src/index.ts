export { startEmulator, type Emulator } from './server.js';
export type { EmulatorOptions } from './options.js';
export { DEFAULT_CLIENT, LIMITED_CLIENT, loadClientsFile, normalizeClient, type OAuthClient } from './clients.js';
export {
  EmulatorError,
  ClientRegistryError,
  CliUsageError,
  isEmulatorError,
  type EmulatorErrorCode,
} from './errors.js';
export { optionsFromArgs, EMULATOR_USAGE } from './cli.js';
export { SUPERVISOR_PASSWORD, AGENT_PASSWORD } from './directory.js';
export type { RejectionEvent, RejectionReason } from './oauth/rejections.js';
export type { FaultOptions } from './faults.js';
export type { AgentStatus } from './simulation/contact-centre.js';
export { userScheduleAdherence, adherenceUpdateTopicBody } from './api/adherence-models.js';
export { KNOWN_SCOPES } from './scopes.js';
export { REAL_CLOCK, type WallClock } from './wall-clock.js';
