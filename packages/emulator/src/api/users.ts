import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Account } from '../directory.js';
import { requireScope, type ApiEnv } from './auth.js';
import { ApiProblem, badRequest, notFound } from './error-body.js';
import { pageOf } from './paging.js';


function user(a: Account, ctx: EmulatorContext) {
  return {
    id: a.id,
    name: a.name,
    division: { id: ctx.centre.topology.businessUnits[0]!.divisionId, name: 'Home', selfUri: `/api/v2/authorization/divisions/${ctx.centre.topology.businessUnits[0]!.divisionId}` },
    email: a.email,
    username: a.email,
    state: 'active',
    version: 1,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${a.id}`,
  };
}

export function usersRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  // GET /api/v2/users/me — UserMe; not valid for client credentials (400 not.a.user).
  app.get('/api/v2/users/me', (c) => {
    const caller = requireScope(c, ['user-basic-info', 'users', 'users:readonly']);
    if (!caller.account) throw new ApiProblem(400, 'not.a.user', 'This request requires a user context. Client credentials cannot be used for requests to this resource.');
    const me: Record<string, unknown> = { ...user(caller.account, ctx), organization: { id: ctx.centre.topology.organizationId, name: 'Adhere Emulated Org', selfUri: `/api/v2/organizations/${ctx.centre.topology.organizationId}` } };
    if ((c.req.query('expand') ?? '').split(',').includes('authorization')) {
      me.authorization = { roles: [], unusedRoles: [], permissions: caller.account.permissions, permissionPolicies: [] };
    }
    return c.json(me);
  });
  // GET /api/v2/users/{userId}
  app.get('/api/v2/users/:userId', (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const a = ctx.directory.findById(c.req.param('userId'));
    if (!a) throw notFound('User');
    return c.json(user(a, ctx));
  });
  // GET /api/v2/users?id=…&pageSize=&pageNumber= — UserEntityListing, page-number paging.
  app.get('/api/v2/users', (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const q = new URL(c.req.url).searchParams;
    const ids = q.getAll('id').flatMap((v) => v.split(',')).filter(Boolean);
    if (ids.length > 100) throw badRequest('max.user.ids', 'Only 100 users can be requested at a time.');
    const all = ids.length > 0
      ? ids.map((id) => ctx.directory.findById(id)).filter((a): a is Account => a !== undefined)
      : [ctx.directory.findById(ctx.centre.topology.supervisor.id)!, ...ctx.centre.topology.agents.map((a) => ctx.directory.findById(a.id)!)];
    const page = pageOf(all, q, '/api/v2/users');
    page.entities = (page.entities as Account[]).map((a) => user(a, ctx));
    return c.json(page);
  });
  // POST /api/v2/users/search — UserSearchRequest → UsersSearchResponse; EXACT, CONTAINS and STARTS_WITH on name/email.
  app.post('/api/v2/users/search', async (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const req = (await c.req.json().catch(() => undefined)) as { pageSize?: number; pageNumber?: number; query?: Array<{ type?: string; fields?: string[]; value?: string; values?: string[] }> } | undefined;
    if (!req || !Array.isArray(req.query) || req.query.length === 0) throw badRequest('bad.request', 'query is required: [{"type":"CONTAINS","fields":["name"],"value":"…"}]');
    const pageSize = req.pageSize ?? 25;
    const pageNumber = req.pageNumber ?? 1;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100 || !Number.isInteger(pageNumber) || pageNumber < 1) throw badRequest('invalid.value', 'pageSize must be 1–100 and pageNumber 1 or more');
    const accounts = [ctx.directory.findById(ctx.centre.topology.supervisor.id)!, ...ctx.centre.topology.agents.map((a) => ctx.directory.findById(a.id)!)];
    const matches = accounts.filter((a) => req.query!.every((q) => {
      const fields = q.fields ?? ['name'];
      const wanted = (q.values ?? [q.value ?? '']).map((v) => v.toLowerCase());
      const test = (text: string) => wanted.some((w) => (q.type === 'EXACT' ? text === w : q.type === 'STARTS_WITH' ? text.startsWith(w) : text.includes(w)));
      if (!['EXACT', 'CONTAINS', 'STARTS_WITH'].includes(q.type ?? '')) throw badRequest('invalid.value', `query type ${q.type} is not supported by the emulator (EXACT, CONTAINS, STARTS_WITH)`);
      return fields.some((f) => test(String((a as unknown as Record<string, unknown>)[f] ?? '').toLowerCase()));
    }));
    const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
    return c.json({ total: matches.length, pageCount, pageSize, pageNumber, types: ['users'], results: matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((a) => user(a, ctx)) });
  });
  // DELETE /api/v2/tokens/me — revokes the caller's tokens for this client.
  app.delete('/api/v2/tokens/me', (c) => {
    const { token } = c.get('caller');
    ctx.grants.revokeAllFor(token.userId, token.clientId);
    return c.body(null, 204);
  });
  return app;
}

