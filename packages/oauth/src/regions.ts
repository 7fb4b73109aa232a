import { OAuthError } from './errors.js';

// The environment table of the official SDK (purecloud-platform-client-v2 262.0.0, PureCloudRegionHosts.js).
// OAuth lives on `login.<env>`, the REST API on `api.<env>`.
export const GENESYS_REGIONS = {
  us_east_1: 'mypurecloud.com',
  eu_west_1: 'mypurecloud.ie',
  ap_southeast_2: 'mypurecloud.com.au',
  ap_northeast_1: 'mypurecloud.jp',
  eu_central_1: 'mypurecloud.de',
  us_west_2: 'usw2.pure.cloud',
  ca_central_1: 'cac1.pure.cloud',
  ap_northeast_2: 'apne2.pure.cloud',
  eu_west_2: 'euw2.pure.cloud',
  ap_south_1: 'aps1.pure.cloud',
  us_east_2: 'use2.us-gov-pure.cloud',
  sa_east_1: 'sae1.pure.cloud',
  me_central_1: 'mec1.pure.cloud',
  ap_northeast_3: 'apne3.pure.cloud',
  eu_central_2: 'euc2.pure.cloud',
  mx_central_1: 'mxc1.pure.cloud',
  ap_southeast_1: 'apse1.pure.cloud',
  eusc_de_east_1: 'edee1.eusc-pure.cloud',
} as const;

export type GenesysRegion = keyof typeof GENESYS_REGIONS;
export type GenesysEnvironment = (typeof GENESYS_REGIONS)[GenesysRegion];

/** Where a client talks to: a Genesys region (name like `eu_west_1` or environment like `mypurecloud.ie`),
 *  or explicit base URLs (the emulator, a proxy). */
export interface EndpointConfig {
  region?: GenesysRegion | GenesysEnvironment | (string & {});
  loginBaseUrl?: string;
  apiBaseUrl?: string;
}

export interface Endpoints {
  loginBaseUrl: string;
  apiBaseUrl: string | undefined;
  authorizeUrl: string;
  tokenUrl: string;
}

/**
 * The name Genesys Cloud gives each environment in a client app's `{{gcTargetEnv}}`, beside the origin of its
 * apps (`{{gcHostOrigin}}`, `https://apps.<env>`): the environment list the Client App SDK 2.6.10 checks them
 * against (genesys-cloud-service-discovery-web 3.0.500, prod and fedramp, stable). eusc_de_east_1 is not in that
 * list: whether client apps run there is unconfirmed, so it has no entry and embedding there is refused.
 */
export const CLIENT_APP_TARGET_ENVS: Partial<Record<GenesysEnvironment, string>> = {
  'mypurecloud.com': 'prod',
  'mypurecloud.ie': 'prod-euw1',
  'mypurecloud.com.au': 'prod-apse2',
  'mypurecloud.jp': 'prod-apne1',
  'mypurecloud.de': 'prod-euc1',
  'usw2.pure.cloud': 'prod-usw2',
  'cac1.pure.cloud': 'prod-cac1',
  'apne2.pure.cloud': 'prod-apne2',
  'euw2.pure.cloud': 'prod-euw2',
  'aps1.pure.cloud': 'prod-aps1',
  'use2.us-gov-pure.cloud': 'fedramp-use2-core',
  'sae1.pure.cloud': 'prod-sae1',
  'mec1.pure.cloud': 'prod-mec1',
  'apne3.pure.cloud': 'prod-apne3',
  'euc2.pure.cloud': 'prod-euc2',
  'mxc1.pure.cloud': 'prod-mxc1',
  'apse1.pure.cloud': 'prod-apse1',
};

/** Where Genesys Cloud's own UI runs for an environment, the page that frames a client app; undefined where
 *  client apps are not known to run (see CLIENT_APP_TARGET_ENVS). */
export function clientAppHostOf(environment: GenesysEnvironment): { origin: string; targetEnv: string } | undefined {
  const targetEnv = CLIENT_APP_TARGET_ENVS[environment];
  return targetEnv === undefined ? undefined : { origin: `https://apps.${environment}`, targetEnv };
}

/** Resolves a region name or environment domain to its environment domain, or undefined. */
export function environmentOf(region: string): GenesysEnvironment | undefined {
  const env = region.trim().toLowerCase();
  const key = env.replace(/-/g, '_');
  // Own keys only: `"__proto__" in GENESYS_REGIONS` is true, and its value is Object.prototype.
  if (Object.hasOwn(GENESYS_REGIONS, key)) return GENESYS_REGIONS[key as GenesysRegion];
  return (Object.values(GENESYS_REGIONS) as string[]).includes(env) ? (env as GenesysEnvironment) : undefined;
}

/** For a host such as `api.mypurecloud.ie`, which Genesys environment and which kind of host it is. */
export function classifyGenesysHost(
  host: string,
): { environment: GenesysEnvironment; kind: 'login' | 'api' | 'other' } | undefined {
  const h = host.toLowerCase();
  for (const env of Object.values(GENESYS_REGIONS)) {
    if (h === env || h.endsWith(`.${env}`)) {
      const first = h === env ? '' : h.slice(0, h.length - env.length - 1);
      return { environment: env, kind: first === 'login' ? 'login' : first === 'api' ? 'api' : 'other' };
    }
  }
  return undefined;
}

// Tokens must not cross the network in clear text: https, or http only to this machine (the emulator).
const SAFE_BASE_URL = /^(https:\/\/[^/]|http:\/\/(localhost|127\.[\d.]+|\[::1\])(:\d+)?(\/|$))/i;

function checkedBaseUrl(value: string, field: string): string {
  if (!SAFE_BASE_URL.test(value) || !URL.canParse(value)) {
    throw new OAuthError('invalid_config', `${field} must be https (or http on localhost): ${value}`);
  }
  return new URL(value).href.replace(/\/+$/, '');
}

/** Authorize and token (and logout) are always on the login host, never `api.` — the forum post's failure. */
export function resolveEndpoints(config: EndpointConfig): Endpoints {
  let loginBaseUrl: string;
  let apiBaseUrl: string | undefined;
  if (config.loginBaseUrl !== undefined) {
    loginBaseUrl = checkedBaseUrl(config.loginBaseUrl, 'loginBaseUrl');
    apiBaseUrl = config.apiBaseUrl === undefined ? undefined : checkedBaseUrl(config.apiBaseUrl, 'apiBaseUrl');
    // The forum post's mistake: OAuth sent to api.<env>. Any api.* host is refused, not only Genesys's.
    if (new URL(loginBaseUrl).hostname.startsWith('api.')) {
      throw new OAuthError('invalid_config', 'loginBaseUrl is an api. host; OAuth is on login.');
    }
  } else if (config.region !== undefined) {
    const env = environmentOf(config.region);
    if (env === undefined) {
      throw new OAuthError('unknown_region', `Unknown Genesys Cloud region ${JSON.stringify(config.region)}`, {
        hint: 'See GENESYS_REGIONS: a name like eu_west_1 or a domain like mypurecloud.ie',
      });
    }
    loginBaseUrl = `https://login.${env}`;
    apiBaseUrl = `https://api.${env}`;
  } else {
    throw new OAuthError('invalid_config', 'region or loginBaseUrl is required');
  }
  return {
    loginBaseUrl,
    apiBaseUrl,
    authorizeUrl: `${loginBaseUrl}/oauth/authorize`,
    tokenUrl: `${loginBaseUrl}/oauth/token`,
  };
}
