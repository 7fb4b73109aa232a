/**
 * @module What an agent is doing now and setting their presence (issue 22, item 3), through Genesys's User model:
 * `GET /api/v2/users?id=…&expand=routingStatus,conversationSummary` gives each agent's routing status with its
 * start (RoutingStatus.startTime) and the interactions they are on, counted per media type
 * (UserConversationSummary); `PATCH /api/v2/users/{userId}/presences/purecloud` sets a presence by its
 * definition (the official SDK's UsersApi and PresenceApi; neither lists a permission; setting needs the
 * `presence` scope). One call answers for up to 100 agents: a board asks for the rows on screen, not 20,000
 * per-user topics (a channel holds 1,000).
 */
import type { GenesysClient } from './client.js';
import { GenesysClientError } from './errors.js';
import { request, type CallOptions } from './http.js';

/** UserConversationSummary's media, in Genesys's words. */
export type InteractionMedia = 'call' | 'callback' | 'email' | 'message' | 'chat' | 'socialExpression' | 'video';
const MEDIA: readonly InteractionMedia[] = [
  'call',
  'callback',
  'email',
  'message',
  'chat',
  'socialExpression',
  'video',
];

export interface AgentNow {
  userId: string;
  /** Genesys's routing status (IDLE, INTERACTING, NOT_RESPONDING, OFF_QUEUE, COMMUNICATING), when given. */
  routingStatus: string | undefined;
  /** When that routing status began (epoch ms), when given. */
  routingSince: number | undefined;
  /** The media of the contact-centre interaction the agent is on, when on one (the first, if several). */
  media: InteractionMedia | undefined;
  /** Interactions active now over all media (more than one: a chat beside a call, say). */
  activeInteractions: number;
}

interface UserWithNow {
  id: string;
  routingStatus?: { status?: string; startTime?: string };
  conversationSummary?: Partial<Record<InteractionMedia, { contactCenter?: { active?: number } }>>;
}

/** Reads what one User says of now. Expansions are "best effort" in Genesys: absent parts stay undefined. */
export function agentNowOf(u: UserWithNow): AgentNow {
  const since = Date.parse(u.routingStatus?.startTime ?? '');
  let media: InteractionMedia | undefined;
  let activeInteractions = 0;
  for (const m of MEDIA) {
    const n = u.conversationSummary?.[m]?.contactCenter?.active ?? 0;
    if (n > 0) {
      media ??= m;
      activeInteractions += n;
    }
  }
  return {
    userId: u.id,
    routingStatus: u.routingStatus?.status,
    routingSince: Number.isFinite(since) ? since : undefined,
    media,
    activeInteractions,
  };
}

/** What these agents (at most 100: one call) are doing now. */
export async function getAgentsNow(
  client: GenesysClient,
  userIds: readonly string[],
  opts: CallOptions = {},
): Promise<AgentNow[]> {
  if (userIds.length === 0) return [];
  if (userIds.length > 100)
    throw new GenesysClientError(
      'invalid_argument',
      `at most 100 users a call (Genesys's page); ${userIds.length} given`,
    );
  const res = await request<{ entities?: UserWithNow[] }>(client, {
    path: '/api/v2/users',
    query: { id: userIds.join(','), pageSize: 100, expand: 'routingStatus,conversationSummary' },
    ...opts,
  });
  return (res.entities ?? []).map(agentNowOf);
}

/** Sets a user's Genesys Cloud presence to a presence definition of the org; answers with the presence now. */
export async function setUserPresence(
  client: GenesysClient,
  userId: string,
  presenceDefinitionId: string,
  opts: CallOptions = {},
): Promise<{ presenceDefinition?: { id?: string; systemPresence?: string }; modifiedDate?: string }> {
  return request(client, {
    method: 'PATCH',
    path: `/api/v2/users/${encodeURIComponent(userId)}/presences/purecloud`,
    body: { presenceDefinition: { id: presenceDefinitionId } },
    ...opts,
  });
}
