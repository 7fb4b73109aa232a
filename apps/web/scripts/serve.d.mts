import type { Server } from 'node:http';

export interface ServeConfig {
  clientId?: string;
  redirectUri?: string;
  region?: string;
  loginBaseUrl?: string;
  apiBaseUrl?: string;
}
export function contentSecurityPolicy(config: ServeConfig): string;
export function isInside(dir: string, file: string): boolean;
export function serveApp(options: {
  port?: number;
  host?: string;
  distDir: string;
  config: ServeConfig;
}): Promise<Server>;
