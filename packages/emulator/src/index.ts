export { startEmulator, type Emulator, type EmulatorOptions } from './server.js';
export { DEFAULT_CLIENT, loadClientsFile, normalizeClient, ClientRegistryError, type OAuthClient } from './clients.js';
export { SUPERVISOR_PASSWORD, AGENT_PASSWORD } from './directory.js';
export type { RejectionEvent, RejectionReason } from './oauth/rejections.js';
export type { FaultOptions } from './faults.js';
export type { AgentStatus } from './simulation/contact-centre.js';
export { userScheduleAdherence, adherenceUpdateTopicBody } from './api/adherence-models.js';
export { KNOWN_SCOPES } from './scopes.js';
