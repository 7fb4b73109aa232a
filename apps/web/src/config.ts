import { OAuthError, clientAppHostOf, environmentOf, resolveEndpoints, type EndpointConfig } from '@adhere/oauth';
import type * as ConfigCheck from '@adhere/oauth/config-check';
import { findingMessages } from './diagnostics/finding-words.js';
import type { Message } from './i18n/i18n.js';

/** What the app needs to know about its Genesys Cloud org (or the emulator). */
export interface AppConfig extends EndpointConfig {
  clientId: string;
  redirectUri: string;
  scope?: string;
  /** Runs inside Genesys Cloud as a client app too (framed by the region's Genesys UI only). */
  embeddable?: boolean;
  /** The local emulator's Genesys Cloud page (the apps origin), for `embeddable` without a region. */
  appsBaseUrl?: string;
}

export interface ResolvedConfig extends AppConfig {
  loginBaseUrl: string;
  apiBaseUrl: string;
  /**
   * The Genesys Cloud that may frame the app, when `embeddable`: its origin, and the environment name it
   * must say it is (undefined for the emulator, which may claim any name the Client App SDK knows).
   */
  genesysHost?: { origin: string; targetEnv: string | undefined };
}

/**
 * /config.json, served beside the app, checked as `adhere doctor --config` checks it. There is no fallback:
 * a deployment whose config.json is missing, not JSON or wrong must not quietly send its users to a local
 * emulator's sign-in page. Every server that runs the app (`npm start`, the build's nginx) serves one; the
 * emulator's is the one `npm start` writes. Refusals are OAuthError('invalid_config') naming each problem, with
 * the problems as the catalogue's messages in `problems` (the page that refuses to start says them in the person's
 * language, known only after this).
 */
export async function loadConfig(fetchConfig: () => Promise<Response> = defaultFetch): Promise<ResolvedConfig> {
  // The checker loads beside config.json, not in the first script: it is needed once, and both are on their way
  // together, so the check costs no round trip of its own.
  const checker = import('@adhere/oauth/config-check');
  checker.catch(() => {}); // said below, where it is awaited
  let res: Response;
  try {
    res = await fetchConfig();
  } catch (cause) {
    throw new ConfigRefused(
      [[{ key: 'config.unreachable' }]],
      'config.json could not be fetched (the server did not answer)',
      cause,
    );
  }
  if (!res.ok)
    throw new ConfigRefused(
      [[{ key: 'config.answered', values: { status: String(res.status) } }]],
      `config.json answered ${res.status}: it must be served beside the app`,
    );
  const text = await res.text();
  let check: typeof ConfigCheck;
  try {
    check = await checker;
  } catch (cause) {
    throw new ConfigRefused(
      [[{ key: 'config.checkerUnreachable' }]],
      'the app could not load its config check (the server did not answer)',
      cause,
    );
  }
  const diagnosis = check.checkConfigText(text);
  const errors = diagnosis.findings.filter((f) => f.severity === 'error');
  // One problem a line: the page that refuses to start lists them.
  if (errors.length > 0)
    throw new ConfigRefused(
      errors.map((f) => {
        const { message, fix } = findingMessages(f);
        return [message, fix];
      }),
      errors.map((f) => `${f.message} ${f.fix}`).join('\n'),
    );
  const config = JSON.parse(text) as AppConfig;
  const endpoints = resolveEndpoints(config);
  return {
    ...config,
    loginBaseUrl: endpoints.loginBaseUrl,
    apiBaseUrl: config.apiBaseUrl ?? endpoints.apiBaseUrl ?? endpoints.loginBaseUrl,
    ...(config.embeddable ? { genesysHost: genesysHostOf(config) } : {}),
  };
}

/** A refusal to start: each problem as the messages that say it (a finding's message and fix, say). */
export type ConfigProblem = readonly Message[];

/** OAuthError('invalid_config') with its problems as messages; `message` stays the English, for logs. */
export class ConfigRefused extends OAuthError {
  constructor(
    readonly problems: readonly ConfigProblem[],
    english: string,
    cause?: unknown,
  ) {
    super('invalid_config', english, cause === undefined ? {} : { cause });
  }
}

/** The check above has made sure an embeddable config names a region with client apps, or the emulator's page. */
function genesysHostOf(config: AppConfig): ResolvedConfig['genesysHost'] {
  const env = config.region === undefined ? undefined : environmentOf(config.region);
  const host = env === undefined ? undefined : clientAppHostOf(env);
  if (host) return host;
  return config.appsBaseUrl === undefined
    ? undefined
    : { origin: new URL(config.appsBaseUrl).origin, targetEnv: undefined };
}

const defaultFetch = () => fetch('/config.json', { cache: 'no-store' });
