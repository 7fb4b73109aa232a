import type { GenesysClient } from './client.js';
import { GenesysClientError } from './errors.js';
import { request, type CallOptions } from './http.js';
import { allEntities } from './paging.js';
import type { User, UserMe } from './wfm/models.js';

export function getMe(client: GenesysClient, opts: CallOptions & { expand?: string[] } = {}): Promise<UserMe> {
  return request(client, { path: '/api/v2/users/me', query: { expand: opts.expand?.join(',') }, ...opts });
}

/** Batches of user ids fetched at the same time by getUsersByIds. */
const USER_BATCHES_AT_ONCE = 10;

/**
 * Users by id, in the order asked, missing ones left out; in batches of 100, ten at a time, asked in the
 * order given (put first the ids a screen shows first). `onBatch` hears each batch as it comes, so a board
 * can name the rows on screen before the last of 20,000 names arrives.
 */
export async function getUsersByIds(
  client: GenesysClient,
  ids: string[],
  opts: CallOptions & { onBatch?: (users: User[]) => void } = {},
): Promise<User[]> {
  const { onBatch, ...callOpts } = opts;
  const found = new Map<string, User>();
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) batches.push(ids.slice(i, i + 100));
  // Batches of 100 (Genesys's page size), ten at a time: 1,000 names in one round trip, not 10, while staying
  // well inside the per-token rate limit (about 300 requests a minute).
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const users: User[] = [];
      for await (const u of allEntities<User>(
        client,
        '/api/v2/users',
        { id: batch.join(','), pageSize: 100 },
        callOpts,
      )) {
        found.set(u.id, u);
        users.push(u);
      }
      onBatch?.(users);
    }
  };
  await Promise.all(Array.from({ length: Math.min(USER_BATCHES_AT_ONCE, batches.length) }, worker));
  return ids.map((id) => found.get(id)).filter((u): u is User => u !== undefined);
}

/** Users whose name or email contains `text` (POST /api/v2/users/search). */
export async function searchUsers(
  client: GenesysClient,
  text: string,
  opts: CallOptions & { pageSize?: number } = {},
): Promise<User[]> {
  if (text.trim() === '') throw new GenesysClientError('invalid_argument', 'search text is empty');
  const res = await request<{ results?: User[] }>(client, {
    method: 'POST',
    path: '/api/v2/users/search',
    body: {
      pageSize: opts.pageSize ?? 25,
      pageNumber: 1,
      query: [{ type: 'CONTAINS', fields: ['name', 'email'], value: text }],
    },
    ...opts,
  });
  return res.results ?? [];
}

/** Revokes the access token the client sends (DELETE /api/v2/tokens/me): that token only, other sessions keep theirs. */
export function revokeToken(client: GenesysClient, opts: CallOptions = {}): Promise<void> {
  return request(client, { method: 'DELETE', path: '/api/v2/tokens/me', ...opts });
}
