/**
 * @module The interaction an agent is on: each stretch of INTERACTING routing status is one interaction, its media
 * type seeded from the agent and the stretch's start (about half calls, then messages, chats, emails and callbacks,
 * as a blended contact centre has them). Genesys tells a supervisor of it through the user's conversation summary
 * (`UserConversationSummary`, counts per media type) and routing status (`RoutingStatus.startTime`).
 */
import type { AgentStatus } from './contact-centre.js';
import { hash32 } from './random.js';

/** `UserConversationSummary`'s media keys. */
export const MEDIA_TYPES = ['call', 'callback', 'email', 'message', 'chat', 'socialExpression', 'video'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Out of 20: 10 calls, 4 messages, 3 chats, 2 emails, 1 callback. */
const MIX: MediaType[] = [
  ...Array<MediaType>(10).fill('call'),
  ...Array<MediaType>(4).fill('message'),
  ...Array<MediaType>(3).fill('chat'),
  ...Array<MediaType>(2).fill('email'),
  'callback',
];

export interface Interaction {
  mediaType: MediaType;
  /** When it was connected (epoch ms): the start of the INTERACTING stretch. */
  since: number;
}

export function interactionOf(seed: number, status: AgentStatus): Interaction | undefined {
  if (status.span.routing !== 'INTERACTING') return undefined;
  const since = status.routingStatusTime;
  return { mediaType: MIX[hash32(seed, status.agent.index, Math.floor(since / 1000), 83) % MIX.length]!, since };
}

/** `UserConversationSummary`: one active contact-centre interaction of its media type, or none. */
export function conversationSummary(seed: number, status: AgentStatus) {
  const now = interactionOf(seed, status);
  const summary: Record<string, unknown> = { userId: status.agent.id };
  for (const m of MEDIA_TYPES)
    summary[m] = {
      contactCenter: { active: now?.mediaType === m ? 1 : 0, acw: 0 },
      enterprise: { active: 0, acw: 0 },
    };
  return summary;
}
