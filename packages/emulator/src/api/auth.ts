import type { Context, MiddlewareHandler } from 'hono';
import type { EmulatorContext } from '../context.js';
import { holdsPermission, type Account } from '../directory.js';
import type { AccessToken } from '../oauth/grants.js';
import { ApiProblem, notAUser } from './error-body.js';

export interface Caller {
  token: AccessToken;
  /** Undefined for client-credentials tokens. */
  account: Account | undefined;
}

export type ApiEnv = { Variables: { caller: Caller } };

/** Bearer tokens issued by the login origin, as Genesys's API checks them. */
export function bearerAuth(ctx: EmulatorContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m)
      throw new ApiProblem(
        401,
        'authentication.required',
        'No authentication bearer token specified in authorization header.',
      );
    const token = ctx.grants.findToken(m[1]!);
    if (!token) throw new ApiProblem(401, 'bad.credentials', 'Invalid login credentials.');
    c.set('caller', { token, account: token.userId ? ctx.directory.findById(token.userId) : undefined });
    await next();
  };
}

/** 403 unless the token carries one of the scopes (`app.not.authorized.for.scope`). */
export function requireScope(c: Context<ApiEnv>, anyOf: string[]): Caller {
  const caller = c.get('caller');
  if (!anyOf.some((s) => caller.token.scopes.includes(s))) {
    throw new ApiProblem(403, 'app.not.authorized.for.scope', `App not authorized to use scope ${anyOf[0]}`, {
      params: { '0': anyOf[0]! },
    });
  }
  return caller;
}

/** 403 unless the user holds one of the permissions (`missing.any.permissions`). */
export function requirePermission(c: Context<ApiEnv>, anyOf: string[]): Account {
  const caller = c.get('caller');
  if (!caller.account) throw notAUser();
  if (!anyOf.some((p) => holdsPermission(caller.account, p))) {
    const list = anyOf.join(', ');
    throw new ApiProblem(
      403,
      'missing.any.permissions',
      `You must have at least one of the following permissions assigned: ${list}`,
      { params: { '0': list } },
    );
  }
  return caller.account;
}
