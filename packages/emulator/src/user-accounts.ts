/**
 * @module Sign-in accounts beyond the seeded ones, with any set of role permissions (`--users FILE`, or
 * `users` in startEmulator): a JSON array of `{"email", "password", "name", "permissions": [...]}`. Permissions
 * are written as Genesys writes them (`domain:entity:action`, `*` for any part); each user sees the seeded
 * contact centre's units, as a supervisor of the one division would.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EmulatorError } from './errors.js';

export interface UserAccountInput {
  email: string;
  password: string;
  name: string;
  permissions: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** `domain:entity:action`, each part letters/digits or `*`; or `*` alone. */
const PERMISSION = /^(\*|[A-Za-z0-9]+(:([A-Za-z0-9]+|\*)){2})$/;
const KEYS = new Set(['email', 'password', 'name', 'permissions']);
const MAX_USERS = 1000;

/** Checks a parsed users file; every problem names the entry and the field. */
export function normalizeUsers(raw: unknown, where: string): UserAccountInput[] {
  if (!Array.isArray(raw)) throw new EmulatorError('invalid_option', `${where}: expected a JSON array of users`);
  if (raw.length > MAX_USERS) throw new EmulatorError('invalid_option', `${where}: at most ${MAX_USERS} users`);
  const seen = new Set<string>();
  return raw.map((u: unknown, i) => {
    const at = `${where}[${i}]`;
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      throw new EmulatorError('invalid_option', `${at}: expected an object`);
    const o = u as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !KEYS.has(k));
    if (unknown.length > 0)
      throw new EmulatorError(
        'invalid_option',
        `${at}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')}`,
      );
    if (typeof o.email !== 'string' || !EMAIL.test(o.email) || o.email.length > 200)
      throw new EmulatorError('invalid_option', `${at}.email must be an email address`);
    const email = o.email.toLowerCase();
    if (seen.has(email)) throw new EmulatorError('invalid_option', `${at}.email ${email} is listed twice`);
    seen.add(email);
    if (typeof o.password !== 'string' || o.password === '' || o.password.length > 200)
      throw new EmulatorError('invalid_option', `${at}.password must be a non-empty string`);
    if (typeof o.name !== 'string' || o.name.trim() === '' || o.name.length > 200)
      throw new EmulatorError('invalid_option', `${at}.name must be a non-empty string`);
    if (!Array.isArray(o.permissions) || !o.permissions.every((p) => typeof p === 'string'))
      throw new EmulatorError('invalid_option', `${at}.permissions must be a list of permissions`);
    const bad = (o.permissions as string[]).find((p) => !PERMISSION.test(p));
    if (bad !== undefined)
      throw new EmulatorError(
        'invalid_option',
        `${at}.permissions: ${JSON.stringify(bad)} is not a permission (domain:entity:action, * for any part)`,
      );
    return { email, password: o.password, name: o.name.trim(), permissions: [...(o.permissions as string[])] };
  });
}

export async function loadUsersFile(path: string): Promise<UserAccountInput[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new EmulatorError('invalid_option', `cannot read users file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return normalizeUsers(raw, path);
}

/** A stable user id for an email (the same file gives the same ids on every start), in UUID form. */
export function userIdFor(email: string): string {
  const h = createHash('sha256').update(`adhere-user:${email}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
