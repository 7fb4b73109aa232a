/** @module The notification topics the emulator serves: names, who may subscribe, and the topic-name builders. */
import { holdsPermission, type Account } from '../directory.js';
import type { Topology } from '../simulation/topology.js';

export const managementUnitAdherenceTopic = (muId: string) =>
  `v2.workforcemanagement.managementunits.${muId}.adherence`;
export const teamAdherenceTopic = (teamId: string) => `v2.workforcemanagement.teams.${teamId}.adherence`;
export const userAdherenceTopic = (userId: string) => `v2.users.${userId}.workforcemanagement.adherence`;
export const userRoutingStatusTopic = (userId: string) => `v2.users.${userId}.routingStatus`;
export const userConversationSummaryTopic = (userId: string) => `v2.users.${userId}.conversationsummary`;
export const historicalQueryTopic = (userId: string) =>
  `v2.users.${userId}.workforcemanagement.historicaladherencequery`;
export const historicalBulkTopic = (userId: string) =>
  `v2.users.${userId}.workforcemanagement.adherence.historical.bulk`;
export const historicalAgentTopic = (userId: string) =>
  `v2.users.${userId}.workforcemanagement.adherence.historical.agent`;

export const explanationJobsTopic = (userId: string) =>
  `v2.users.${userId}.workforcemanagement.adherence.explanations.jobs`;

export const scheduleSearchTopic = (userId: string) => `v2.workforcemanagement.users.${userId}.schedules.search`;

export const businessUnitExplanationsTopic = (buId: string) =>
  `v2.workforcemanagement.businessunits.${buId}.adherence.explanations`;
export const agentExplanationsTopic = (agentId: string) =>
  `v2.workforcemanagement.agents.${agentId}.adherence.explanations`;

export interface TopicDefinition {
  /** Template with {id} placeholders, as availabletopics lists them. */
  id: string;
  pattern: RegExp;
  description: string;
  requiresPermissions: string[];
  /**
   * The token must carry one of these scopes: a topic is refused whenever REST would refuse the same data to
   * that token (Genesys's availabletopics lists no scopes; the REST routes that serve the same data need these).
   */
  requiresScopes: string[];
  requiresCurrentUser: boolean;
  exists: (param: string, topology: Topology) => boolean;
}

/** The scopes of the WFM REST routes (read-only or not) behind every topic here. */
const WFM_SCOPES = ['workforce-management', 'workforce-management:readonly'];

/** Who asks: the user (permissions) and the token (scopes). */
export interface TopicCaller {
  account: Account | undefined;
  scopes: readonly string[];
}

// The adherence topics of notificationMappings.json (purecloud-platform-client-v2).
export const TOPICS: TopicDefinition[] = [
  {
    id: 'v2.workforcemanagement.managementunits.{id}.adherence',
    pattern: /^v2\.workforcemanagement\.managementunits\.([0-9a-f-]{36})\.adherence$/,
    description: 'Real-time adherence changes of the agents in a management unit',
    requiresPermissions: ['wfm:realtimeAdherence:view'],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: false,
    exists: (id, t) => t.managementUnits.some((m) => m.id === id),
  },
  {
    id: 'v2.workforcemanagement.teams.{id}.adherence',
    pattern: /^v2\.workforcemanagement\.teams\.([0-9a-f-]{36})\.adherence$/,
    description: 'Real-time adherence changes of the agents in a work team',
    requiresPermissions: ['wfm:realtimeAdherence:view'],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: false,
    exists: (id, t) => t.teamsById.has(id),
  },
  {
    id: 'v2.users.{id}.workforcemanagement.adherence',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.workforcemanagement\.adherence$/,
    description: 'Real-time adherence changes of one user',
    requiresPermissions: ['wfm:realtimeAdherence:view'],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: false,
    exists: (id, t) => t.agentsById.has(id),
  },
  // What a user is doing (issue 22, item 3): the same data GET /api/v2/users?expand=routingStatus,conversationSummary
  // gives, which needs a users scope and no permission; so do these.
  {
    id: 'v2.users.{id}.routingStatus',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.routingStatus$/,
    description: "A user's routing status changes (UserRoutingStatusUserRoutingStatus)",
    requiresPermissions: [],
    requiresScopes: ['users', 'users:readonly'],
    requiresCurrentUser: false,
    exists: (id, t) => t.agentsById.has(id),
  },
  {
    id: 'v2.users.{id}.conversationsummary',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.conversationsummary$/,
    description: "A user's active interactions per media type (UserConversationsEventUserConversationSummary)",
    requiresPermissions: [],
    requiresScopes: ['users', 'users:readonly'],
    requiresCurrentUser: false,
    exists: (id, t) => t.agentsById.has(id),
  },
  {
    id: 'v2.workforcemanagement.businessunits.{id}.adherence.explanations',
    pattern: /^v2\.workforcemanagement\.businessunits\.([0-9a-f-]{36})\.adherence\.explanations$/,
    description: "Changes to the adherence explanations of a business unit's agents",
    requiresPermissions: ['wfm:adherenceExplanation:view'],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: false,
    exists: (id, t) => t.businessUnits.some((b) => b.id === id),
  },
  {
    id: 'v2.workforcemanagement.agents.{id}.adherence.explanations',
    pattern: /^v2\.workforcemanagement\.agents\.([0-9a-f-]{36})\.adherence\.explanations$/,
    description: "Changes to one agent's adherence explanations",
    requiresPermissions: ['wfm:adherenceExplanation:view'],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: false,
    exists: (id, t) => t.agentsById.has(id),
  },
  {
    id: 'v2.users.{id}.workforcemanagement.historicaladherencequery',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.workforcemanagement\.historicaladherencequery$/,
    description: "Completion of the user's management-unit and team historical adherence queries",
    requiresPermissions: [],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: true,
    exists: () => true,
  },
  {
    id: 'v2.users.{id}.workforcemanagement.adherence.explanations.jobs',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.workforcemanagement\.adherence\.explanations\.jobs$/,
    description: "Completion of the user's adherence explanation jobs (add, update, queries)",
    requiresPermissions: [],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: true,
    exists: () => true,
  },
  {
    id: 'v2.workforcemanagement.users.{id}.schedules.search',
    pattern: /^v2\.workforcemanagement\.users\.([0-9a-f-]{36})\.schedules\.search$/,
    description: "Results of the user's agent schedule searches answered later",
    requiresPermissions: [],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: true,
    exists: () => true,
  },
  {
    id: 'v2.users.{id}.workforcemanagement.adherence.historical.bulk',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.workforcemanagement\.adherence\.historical\.bulk$/,
    description: "Completion of the user's bulk historical adherence jobs",
    requiresPermissions: [],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: true,
    exists: () => true,
  },
  {
    id: 'v2.users.{id}.workforcemanagement.adherence.historical.agent',
    pattern: /^v2\.users\.([0-9a-f-]{36})\.workforcemanagement\.adherence\.historical\.agent$/,
    description: "Completion of the user's own (agent) historical adherence jobs",
    requiresPermissions: [],
    requiresScopes: WFM_SCOPES,
    requiresCurrentUser: true,
    exists: () => true,
  },
];

export type TopicCheck =
  { ok: true } | { ok: false; status: 400 | 403; code: string; message: string; missingPermissions?: string[] };

/** Whether the caller may subscribe to `topic`: the topic must exist, the token carry its scope, the user hold its permissions. */
export function checkTopic(topic: string, caller: TopicCaller, topology: Topology): TopicCheck {
  const account = caller.account;
  for (const def of TOPICS) {
    const m = def.pattern.exec(topic);
    if (!m) continue;
    if (!def.exists(m[1]!, topology))
      return {
        ok: false,
        status: 400,
        code: 'notification.invalid.topic',
        message: `Topic ${topic} is not valid: no such entity`,
      };
    if (def.requiresCurrentUser && account?.id !== m[1])
      return {
        ok: false,
        status: 403,
        code: 'notification.unauthorized.topic',
        message: `Not authorized to subscribe to ${topic}: it belongs to another user`,
      };
    if (!def.requiresScopes.some((scope) => caller.scopes.includes(scope)))
      return {
        ok: false,
        status: 403,
        code: 'app.not.authorized.for.scope',
        message: `App not authorized to use scope ${def.requiresScopes[0]} (needed for ${topic})`,
      };
    const isSelf = account?.id === m[1];
    const missing = def.requiresPermissions.filter((p) => !holdsPermission(account, p));
    if (!isSelf && missing.length > 0)
      return {
        ok: false,
        status: 403,
        code: 'notification.unauthorized.topic',
        message: `Not authorized to subscribe to ${topic}`,
        missingPermissions: missing,
      };
    return { ok: true };
  }
  return { ok: false, status: 400, code: 'notification.invalid.topic', message: `Topic ${topic} is not valid` };
}
