import type { Server } from 'node:http';

export interface ServeConfig {
  clientId?: string;
  redirectUri?: string;
  region?: string;
  loginBaseUrl?: string;
  apiBaseUrl?: string;
  /** Framed by the region's Genesys Cloud (or the emulator's page at appsBaseUrl) only; otherwise by nobody. */
  embeddable?: boolean;
  appsBaseUrl?: string;
}
export function contentSecurityPolicy(config: ServeConfig): string;
export function isInside(dir: string, file: string): boolean;
export function serveApp(options: {
  port?: number;
  host?: string;
  distDir: string;
  config: ServeConfig;
}): Promise<Server>;
