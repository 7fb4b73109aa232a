import { resolveEndpoints, type EndpointConfig } from '@adhere/oauth';

/** What the app needs to know about its Genesys Cloud org (or the emulator). */
export interface AppConfig extends EndpointConfig {
  clientId: string;
  redirectUri: string;
  scope?: string;
}

export interface ResolvedConfig extends AppConfig {
  loginBaseUrl: string;
  apiBaseUrl: string;
}

/** The embedded default: the emulator started by `npm start`. */
export function defaultConfig(origin: string): AppConfig {
  return {
    clientId: 'adhere-local',
    redirectUri: `${origin}/callback`,
    loginBaseUrl: 'http://localhost:4010',
    apiBaseUrl: 'http://localhost:4011',
  };
}

/** /config.json (served beside the app) overrides the defaults; a region derives both hosts. */
export async function loadConfig(origin: string): Promise<ResolvedConfig> {
  let fromFile: Partial<AppConfig> = {};
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (res.ok) fromFile = (await res.json()) as Partial<AppConfig>;
  } catch {
    // no config.json: the defaults stand
  }
  const merged: AppConfig = { ...defaultConfig(origin), ...fromFile };
  if (fromFile.region !== undefined && fromFile.loginBaseUrl === undefined) {
    delete merged.loginBaseUrl;
    delete merged.apiBaseUrl;
  }
  const endpoints = resolveEndpoints(merged);
  return {
    ...merged,
    loginBaseUrl: endpoints.loginBaseUrl,
    apiBaseUrl: merged.apiBaseUrl ?? endpoints.apiBaseUrl ?? endpoints.loginBaseUrl,
  };
}
