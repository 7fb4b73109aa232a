/**
 * @module What the signed-in user may do here: their permissions (users/me?expand=authorization) and the
 * token's scopes (tokens/me), checked against what each feature needs, so a feature the user cannot use is
 * named with the exact permission or scope missing, instead of failing later with a 403.
 * Requirements: Genesys's per-endpoint permissions and scopes (purecloud-platform-client-v2 API docs, summarised
 * in shared/context/genesys-wfm-report.md §5).
 */
import type { GenesysClient } from './client.js';
import { request, type CallOptions } from './http.js';

export interface Access {
  /** The user's permissions (`domain:entity:action`, wildcards allowed); undefined when they could not be read. */
  permissions: string[] | undefined;
  /** The token's scopes; undefined when they could not be read (then scopes are not checked). */
  scopes: string[] | undefined;
}

/** `users/me?expand=authorization`: who is signed in, with the permissions their roles grant. */
export function getMeWithAuthorization(
  client: GenesysClient,
  opts: CallOptions = {},
): Promise<{ id: string; authorization?: { permissions?: unknown } }> {
  return request(client, { path: '/api/v2/users/me', query: { expand: 'authorization' }, ...opts });
}

/**
 * Reads both at once. A failure of either leaves it undefined: the check then says it could not tell. `me`:
 * an answer of getMeWithAuthorization already asked for (an app reads users/me once per sign-in).
 */
export async function readAccess(
  client: GenesysClient,
  opts: CallOptions & { me?: Promise<{ authorization?: { permissions?: unknown } }> } = {},
): Promise<Access> {
  const { me: given, ...callOpts } = opts;
  const [me, token] = await Promise.allSettled([
    given ?? getMeWithAuthorization(client, callOpts),
    request<{ authorizedScope?: unknown }>(client, { path: '/api/v2/tokens/me', ...callOpts }),
  ]);
  const strings = (v: unknown) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
  return {
    permissions: me.status === 'fulfilled' ? strings(me.value.authorization?.permissions) : undefined,
    // An empty list means "not reported" (clients without scope restrictions), not "no scopes".
    scopes:
      token.status === 'fulfilled' ? strings(token.value.authorizedScope)?.filter(Boolean) || undefined : undefined,
  };
}

/** One requirement: any of these values will do. `label` is how Genesys's admin UI names it. */
export interface Requirement {
  anyOf: string[];
  label: string;
}

export interface FeatureRequirements {
  feature: Feature;
  /** The feature in the words people use. */
  name: string;
  permissions: Requirement[];
  scopes: Requirement[];
}

export type Feature =
  | 'liveBoard'
  | 'history'
  | 'teams'
  | 'explanations'
  | 'dayView'
  | 'secondaryPresence'
  | 'myDay'
  | 'myExplanations'
  | 'excuse'
  | 'review'
  | 'coaching'
  | 'setPresence';

const WFM_SCOPE: Requirement = {
  anyOf: ['workforce-management:readonly', 'workforce-management'],
  label: 'workforce-management:readonly',
};
const USERS_SCOPE: Requirement = { anyOf: ['users:readonly', 'users'], label: 'users:readonly' };

export const FEATURE_REQUIREMENTS: readonly FeatureRequirements[] = [
  {
    feature: 'liveBoard',
    name: 'Live board',
    permissions: [
      { anyOf: ['wfm:realtimeAdherence:view'], label: 'Workforce Management > Real-Time Adherence > View' },
    ],
    scopes: [WFM_SCOPE, { anyOf: ['notifications'], label: 'notifications' }, USERS_SCOPE],
  },
  {
    feature: 'history',
    name: 'Historical adherence',
    permissions: [
      { anyOf: ['wfm:historicalAdherence:view'], label: 'Workforce Management > Historical Adherence > View' },
    ],
    scopes: [WFM_SCOPE, USERS_SCOPE],
  },
  {
    feature: 'teams',
    name: 'Team filter',
    permissions: [{ anyOf: ['groups:team:view'], label: 'Groups > Work Teams > View' }],
    scopes: [{ anyOf: ['groups:readonly', 'groups'], label: 'groups:readonly' }],
  },
  {
    feature: 'explanations',
    name: 'Adherence explanations',
    permissions: [
      { anyOf: ['wfm:adherenceExplanation:view'], label: 'Workforce Management > Adherence Explanation > View' },
    ],
    scopes: [WFM_SCOPE],
  },
  {
    feature: 'dayView',
    name: "Agent's day (schedule)",
    permissions: [
      {
        anyOf: ['wfm:publishedSchedule:view', 'wfm:schedule:view'],
        label: 'Workforce Management > Published Schedule > View',
      },
    ],
    scopes: [WFM_SCOPE],
  },
  {
    feature: 'myDay',
    name: 'My day (for agents)',
    permissions: [{ anyOf: ['wfm:agentSchedule:view'], label: 'Workforce Management > Agent Schedule > View' }],
    scopes: [WFM_SCOPE],
  },
  {
    feature: 'myExplanations',
    name: 'Explaining my own time (for agents)',
    permissions: [
      {
        anyOf: ['wfm:agentAdherenceExplanation:submit'],
        label: 'Workforce Management > Agent Adherence Explanation > Submit',
      },
    ],
    // Submitting writes: the read-only scope does not do (shared/context/genesys-next.md §3).
    scopes: [{ anyOf: ['workforce-management'], label: 'workforce-management' }],
  },
  {
    feature: 'excuse',
    name: 'Excusing time out of adherence from the board',
    permissions: [
      { anyOf: ['wfm:adherenceExplanation:add'], label: 'Workforce Management > Adherence Explanation > Add' },
    ],
    scopes: [{ anyOf: ['workforce-management'], label: 'workforce-management' }],
  },
  {
    // PATCH …/agents/{agentId}/adherence/explanations/{explanationId} (the emulator checks the same).
    feature: 'review',
    name: 'Approving and declining explanations',
    permissions: [
      { anyOf: ['wfm:adherenceExplanation:edit'], label: 'Workforce Management > Adherence Explanation > Edit' },
    ],
    scopes: [{ anyOf: ['workforce-management'], label: 'workforce-management' }],
  },
  {
    feature: 'coaching',
    name: "Scheduling coaching from an agent's day",
    permissions: [{ anyOf: ['coaching:appointment:add'], label: 'Coaching > Appointment > Add' }],
    scopes: [{ anyOf: ['coaching'], label: 'coaching' }],
  },
  {
    // PATCH /api/v2/users/{userId}/presences/purecloud: the SDK's PresenceApi docs list no permission; writing
    // needs the `presence` scope (the read-only one does not do).
    feature: 'setPresence',
    name: "Setting an agent's presence",
    permissions: [],
    scopes: [{ anyOf: ['presence'], label: 'presence' }],
  },
  {
    feature: 'secondaryPresence',
    name: 'Secondary presence on the board',
    permissions: [{ anyOf: ['presence:presenceDefinition:view'], label: 'Presence > Presence Definition > View' }],
    scopes: [{ anyOf: ['presence:readonly', 'presence'], label: 'presence:readonly' }],
  },
];

/** Whether a held permission grants `wanted`: Genesys permissions may use `*` for any segment (`wfm:*:*`, `*`). */
export function grants(held: string, wanted: string): boolean {
  if (held === '*' || held === wanted) return true;
  const h = held.split(':');
  const w = wanted.split(':');
  return h.length === w.length && h.every((part, i) => part === '*' || part === w[i]);
}

export interface FeatureCheck {
  feature: Feature;
  name: string;
  /** 'unknown' when the permissions could not be read. */
  available: boolean | 'unknown';
  missingPermissions: Requirement[];
  missingScopes: Requirement[];
}

/** Which of the feature's requirements the access lacks. Scopes that could not be read are not held against it. */
export function checkFeature(access: Access, feature: Feature): FeatureCheck {
  const req = FEATURE_REQUIREMENTS.find((r) => r.feature === feature)!;
  const { permissions, scopes } = access;
  const missingPermissions =
    permissions === undefined
      ? []
      : req.permissions.filter((r) => !r.anyOf.some((p) => permissions.some((h) => grants(h, p))));
  const missingScopes = scopes === undefined ? [] : req.scopes.filter((r) => !r.anyOf.some((s) => scopes.includes(s)));
  const missing = missingPermissions.length + missingScopes.length > 0;
  return {
    feature,
    name: req.name,
    available: missing ? false : permissions === undefined ? 'unknown' : true,
    missingPermissions,
    missingScopes,
  };
}
