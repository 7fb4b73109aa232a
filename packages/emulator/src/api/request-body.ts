/** @module Reading JSON request bodies without trusting their shape. */
import type { Context } from 'hono';

/** The body as an object; anything else (no body, bad JSON, `null`, an array, a number) reads as `{}`, so field checks answer 400. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Headers for a response to a body refused unread: its bytes are left on the connection, which must not be reused. */
export const CLOSE = { Connection: 'close' };
