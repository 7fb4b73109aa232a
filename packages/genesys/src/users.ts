import type { GenesysClient } from './client.js';
import { GenesysClientError } from './errors.js';
import { request, type CallOptions } from './http.js';
import { allEntities } from './paging.js';
import type { User, UserMe } from './wfm/models.js';

export function getMe(client: GenesysClient, opts: CallOptions & { expand?: string[] } = {}): Promise<UserMe> {
  return request(client, { path: '/api/v2/users/me', query: { expand: opts.expand?.join(',') }, ...opts });
}

/** Users by id, in batches of 100 (the API's limit), in the order given; unknown ids are left out. */
export async function getUsersByIds(client: GenesysClient, ids: string[], opts: CallOptions = {}): Promise<User[]> {
  const found = new Map<string, User>();
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    for await (const u of allEntities<User>(client, '/api/v2/users', { id: batch.join(','), pageSize: 100 }, opts))
      found.set(u.id, u);
  }
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
