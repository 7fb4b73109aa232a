import type { ServeConfig } from './serve.mjs';

export interface ServerBlockOptions {
  root: string;
  listen?: string;
  serverName?: string;
  config: ServeConfig;
  configFile?: string;
}
export function renderServerBlock(options: ServerBlockOptions): string;
export function renderStandaloneConf(options: ServerBlockOptions & { prefix: string }): string;
