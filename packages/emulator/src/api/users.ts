import { Hono } from 'hono';
import type { EmulatorContext } from '../context.js';
import type { Account } from '../directory.js';
import { requireScope, type ApiEnv } from './auth.js';
import { badRequest, notAUser, notFound } from './error-body.js';
import { pageOf } from './paging.js';
import { userPresence } from './presence.js';
import { conversationSummary } from '../simulation/interactions.js';

/**
 * The expansions a supervisor's board asks for (`expand=routingStatus,presence,conversationSummary` on the User
 * model, purecloud-platform-client-v2 UsersApi): an agent's live routing status and since when, presence, and
 * the interaction they are on. Genesys resolves expansions "with a best effort approach": accounts that are not
 * simulated agents carry none.
 */
function expansions(a: Account, ctx: EmulatorContext, expand: ReadonlySet<string>): Record<string, unknown> {
  const agent = ctx.centre.topology.agentsById.get(a.id);
  if (!agent || expand.size === 0) return {};
  const status = ctx.centre.statusOf(agent.index);
  const out: Record<string, unknown> = {};
  if (expand.has('routingStatus'))
    out.routingStatus = {
      userId: a.id,
      status: status.span.routing,
      startTime: new Date(status.routingStatusTime).toISOString(),
    };
  if (expand.has('presence')) out.presence = userPresence(a.id, status, ctx.centre.topology.seed);
  if (expand.has('conversationSummary'))
    out.conversationSummary = conversationSummary(ctx.centre.topology.seed, status);
  return out;
}

const expandOf = (c: { req: { query: (k: string) => string | undefined } }) =>
  new Set((c.req.query('expand') ?? '').split(',').filter(Boolean));

function user(a: Account, ctx: EmulatorContext) {
  return {
    id: a.id,
    name: a.name,
    division: {
      id: ctx.centre.topology.businessUnits[0]!.divisionId,
      name: 'Home',
      selfUri: `/api/v2/authorization/divisions/${ctx.centre.topology.businessUnits[0]!.divisionId}`,
    },
    email: a.email,
    username: a.email,
    state: 'active',
    version: 1,
    acdAutoAnswer: false,
    selfUri: `/api/v2/users/${a.id}`,
  };
}

/** Fields a search may match: what Genesys's users search offers the emulator's accounts. Never `password`. */
const SEARCH_FIELDS = ['name', 'email'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];
const SEARCH_TYPES = ['EXACT', 'CONTAINS', 'STARTS_WITH'];

interface SearchQuery {
  fields: SearchField[];
  test: (text: string) => boolean;
}

/** Reads a UserSearchRequest, refusing (400) anything of the wrong shape before it is used. */
function readSearch(body: unknown): { pageSize: number; pageNumber: number; query: SearchQuery[] } {
  const req = (typeof body === 'object' && body !== null ? body : {}) as {
    pageSize?: unknown;
    pageNumber?: unknown;
    query?: unknown;
  };
  if (!Array.isArray(req.query) || req.query.length === 0 || req.query.length > 20) {
    throw badRequest(
      'bad.request',
      'query is required (1–20 criteria): [{"type":"CONTAINS","fields":["name"],"value":"…"}]',
    );
  }
  const pageSize = req.pageSize ?? 25;
  const pageNumber = req.pageNumber ?? 1;
  if (
    !Number.isInteger(pageSize) ||
    (pageSize as number) < 1 ||
    (pageSize as number) > 100 ||
    !Number.isInteger(pageNumber) ||
    (pageNumber as number) < 1
  ) {
    throw badRequest('invalid.value', 'pageSize must be 1–100 and pageNumber 1 or more');
  }
  const query = req.query.map((raw: unknown): SearchQuery => {
    const q = (typeof raw === 'object' && raw !== null ? raw : undefined) as
      { type?: unknown; fields?: unknown; value?: unknown; values?: unknown } | undefined;
    if (!q) throw badRequest('invalid.value', 'each query criterion must be an object');
    if (typeof q.type !== 'string' || !SEARCH_TYPES.includes(q.type))
      throw badRequest('invalid.value', `query type must be one of ${SEARCH_TYPES.join(', ')}`);
    const fields = q.fields ?? ['name'];
    if (
      !Array.isArray(fields) ||
      fields.length === 0 ||
      !fields.every((f) => (SEARCH_FIELDS as readonly unknown[]).includes(f))
    ) {
      throw badRequest('invalid.value', `fields must be a non-empty list of ${SEARCH_FIELDS.join(', ')}`);
    }
    const values = q.values ?? [q.value];
    if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((v) => typeof v === 'string' && v.length <= 256)
    ) {
      throw badRequest('invalid.value', 'value (or values) must be text of at most 256 characters');
    }
    const wanted = (values as string[]).map((v) => v.toLowerCase());
    const type = q.type;
    return {
      fields: fields as SearchField[],
      test: (text) =>
        wanted.some((w) =>
          type === 'EXACT' ? text === w : type === 'STARTS_WITH' ? text.startsWith(w) : text.includes(w),
        ),
    };
  });
  return { pageSize: pageSize as number, pageNumber: pageNumber as number, query };
}

export function usersRoutes(ctx: EmulatorContext) {
  const app = new Hono<ApiEnv>();
  // GET /api/v2/users/me — UserMe; not valid for client credentials (400 not.a.user).
  app.get('/api/v2/users/me', (c) => {
    const caller = requireScope(c, ['user-basic-info', 'users', 'users:readonly']);
    if (!caller.account) throw notAUser();
    const me: Record<string, unknown> = {
      ...user(caller.account, ctx),
      organization: {
        id: ctx.centre.topology.organizationId,
        name: 'Adhere Emulated Org',
        selfUri: `/api/v2/organizations/${ctx.centre.topology.organizationId}`,
      },
    };
    if ((c.req.query('expand') ?? '').split(',').includes('authorization')) {
      me.authorization = {
        roles: [],
        unusedRoles: [],
        permissions: caller.account.permissions,
        permissionPolicies: [],
      };
    }
    return c.json(me);
  });
  // GET /api/v2/users/{userId}
  app.get('/api/v2/users/:userId', (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const a = ctx.directory.findById(c.req.param('userId'));
    if (!a) throw notFound('User');
    return c.json({ ...user(a, ctx), ...expansions(a, ctx, expandOf(c)) });
  });
  // GET /api/v2/users?id=…&pageSize=&pageNumber= — UserEntityListing, page-number paging.
  app.get('/api/v2/users', (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const q = new URL(c.req.url).searchParams;
    const ids = q
      .getAll('id')
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    if (ids.length > 100) throw badRequest('max.user.ids', 'Only 100 users can be requested at a time.');
    const all =
      ids.length > 0
        ? ids.map((id) => ctx.directory.findById(id)).filter((a): a is Account => a !== undefined)
        : [
            ctx.directory.findById(ctx.centre.topology.supervisor.id)!,
            ...ctx.centre.topology.agents.map((a) => ctx.directory.findById(a.id)!),
          ];
    const page = pageOf(all, q, '/api/v2/users');
    const expand = expandOf(c);
    page.entities = (page.entities as Account[]).map((a) => ({ ...user(a, ctx), ...expansions(a, ctx, expand) }));
    return c.json(page);
  });
  // POST /api/v2/users/search — UserSearchRequest → UsersSearchResponse; EXACT, CONTAINS and STARTS_WITH on name/email.
  app.post('/api/v2/users/search', async (c) => {
    requireScope(c, ['users', 'users:readonly']);
    const req = readSearch(await c.req.json().catch(() => undefined));
    const accounts = [
      ctx.directory.findById(ctx.centre.topology.supervisor.id)!,
      ...ctx.centre.topology.agents.map((a) => ctx.directory.findById(a.id)!),
    ];
    const matches = accounts.filter((a) => req.query.every((q) => q.fields.some((f) => q.test(a[f].toLowerCase()))));
    const { pageSize, pageNumber } = req;
    const pageCount = Math.max(1, Math.ceil(matches.length / pageSize));
    return c.json({
      total: matches.length,
      pageCount,
      pageSize,
      pageNumber,
      types: ['users'],
      results: matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((a) => user(a, ctx)),
    });
  });
  return app;
}
