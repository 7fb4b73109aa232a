/** @module Subscribing a channel to topics: one set of rules (topic limit, existence, permissions) for REST and the socket. */
import { ApiProblem } from '../api/error-body.js';
import type { Topology } from '../simulation/topology.js';
import type { Channel, NotificationHub } from './hub.js';
import { checkTopic, type TopicCaller } from './topics.js';

export interface SubscribeRequest {
  /** PUT replaces the channel's topics; POST and the socket's subscribe message add to them. */
  replace: boolean;
  /** `?ignoreErrors=true`: refused topics are listed instead of failing the request. */
  ignoreErrors: boolean;
}

export interface RejectedTopic {
  id: string;
  state: 'Rejected';
  rejectionReason: string;
  missingPermissions?: string[];
}

/**
 * Checks every topic for the caller (user and token scopes) and the channel's topic limit, then subscribes the accepted ones.
 * Throws ApiProblem (400 too many, 400 invalid topic, 403 not authorized) unless errors are ignored.
 */
export function subscribeTopics(
  hub: NotificationHub,
  topology: Topology,
  channel: Channel,
  caller: TopicCaller,
  ids: string[],
  req: SubscribeRequest,
): RejectedTopic[] {
  const max = hub.options.maxTopicsPerChannel;
  // Counted before anything else so that a huge list is refused without checking each topic.
  const unique = new Set(ids);
  const adding = req.replace ? unique.size : [...unique].filter((id) => !channel.topics.has(id)).length;
  if ((req.replace ? 0 : channel.topics.size) + adding > max) {
    throw new ApiProblem(
      400,
      'notification.subscription.too.many.subscriptions',
      `A channel can have at most ${max} topics`,
    );
  }
  const accepted: string[] = [];
  const rejected: RejectedTopic[] = [];
  for (const id of unique) {
    const check = checkTopic(id, caller, topology);
    if (check.ok) accepted.push(id);
    else if (!req.ignoreErrors) throw new ApiProblem(check.status, check.code, check.message);
    else
      rejected.push({
        id,
        state: 'Rejected',
        rejectionReason: check.message,
        ...(check.missingPermissions ? { missingPermissions: check.missingPermissions } : {}),
      });
  }
  hub.subscribe(channel, accepted, req.replace);
  return rejected;
}
