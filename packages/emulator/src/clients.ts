import { readFile } from 'node:fs/promises';
import { ClientRegistryError } from './errors.js';
import { KNOWN_SCOPES } from './scopes.js';

export interface OAuthClient {
  id: string;
  name: string;
  /** public: a browser app using Code + PKCE, no secret. confidential: a server with a secret (client credentials). */
  type: 'public' | 'confidential';
  secret?: string;
  redirectUris: string[];
  grantTypes: Array<'authorization_code' | 'client_credentials'>;
  scopes: string[];
  /** Seconds an access token lives (Genesys's default for user tokens is 86,399). */
  accessTokenLifetimeSeconds: number;
}

/** Registered out of the box so `npm start` works with no configuration. */
export const DEFAULT_CLIENT: OAuthClient = {
  id: 'adhere-local',
  name: 'Adhere (local)',
  type: 'public',
  redirectUris: ['http://localhost:3000/callback'],
  grantTypes: ['authorization_code'],
  scopes: [...KNOWN_SCOPES],
  accessTokenLifetimeSeconds: 86_399,
};

/** Registered too: the same app, but an OAuth client without the WFM scopes (the access preflight's case). */
export const LIMITED_CLIENT: OAuthClient = {
  id: 'adhere-limited',
  name: 'Adhere (limited scopes)',
  type: 'public',
  redirectUris: ['http://localhost:3000/callback'],
  grantTypes: ['authorization_code'],
  scopes: ['user-basic-info', 'users:readonly', 'notifications'],
  accessTokenLifetimeSeconds: 86_399,
};

/** Reads a clients.json: an array of partial OAuthClient objects; every entry is checked. */
export async function loadClientsFile(path: string): Promise<OAuthClient[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ClientRegistryError(`cannot read clients file ${path}: ${(err as Error).message}`, { cause: err });
  }
  if (!Array.isArray(raw)) throw new ClientRegistryError(`${path}: expected a JSON array of clients`);
  return raw.map((c, i) => normalizeClient(c, `${path}[${i}]`));
}

export function normalizeClient(input: unknown, where: string): OAuthClient {
  const c = input as Partial<OAuthClient>;
  if (typeof c?.id !== 'string' || c.id === '') throw new ClientRegistryError(`${where}: id is required`);
  const type = c.type ?? (c.secret ? 'confidential' : 'public');
  if (type === 'confidential' && !c.secret)
    throw new ClientRegistryError(`${where}: a confidential client needs a secret`);
  if (type === 'public' && c.secret) throw new ClientRegistryError(`${where}: a public client must not have a secret`);
  const unknown = (c.scopes ?? []).filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s));
  if (unknown.length) throw new ClientRegistryError(`${where}: unknown scopes ${unknown.join(', ')}`);
  return {
    id: c.id,
    name: c.name ?? c.id,
    type,
    ...(c.secret ? { secret: c.secret } : {}),
    redirectUris: c.redirectUris ?? [],
    grantTypes: c.grantTypes ?? (type === 'public' ? ['authorization_code'] : ['client_credentials']),
    scopes: c.scopes ?? [...KNOWN_SCOPES],
    accessTokenLifetimeSeconds: c.accessTokenLifetimeSeconds ?? 86_399,
  };
}
