/**
 * @module The tab's one answer to "are we inside Genesys Cloud?", decided once as the app starts (main.tsx), and
 * its one line to Genesys Cloud when we are. Alerts, sign-in and sign-out read it.
 */
import { tabStorage } from '../browser-storage.js';
import type { ResolvedConfig } from '../config.js';
import { GenesysCloudHost } from './client-app.js';
import { readEmbedding, type Embedding } from './genesys-host.js';

let current: Embedding = { kind: 'standalone' };
let host: GenesysCloudHost | undefined;

/** Reads Genesys's values from this page's address (see genesys-host.ts) and, embedded, opens the line. */
export function startEmbedding(config: ResolvedConfig): Embedding {
  const framed = window.top !== window;
  current = readEmbedding({
    href: location.href,
    config,
    framed,
    ancestorOrigins: location.ancestorOrigins ? [...location.ancestorOrigins] : undefined,
    storage: tabStorage,
  });
  host?.close();
  host = current.kind === 'embedded' ? new GenesysCloudHost(current.hostOrigin) : undefined;
  host?.bootstrapped();
  return current;
}

export function embedding(): Embedding {
  return current;
}

/** Genesys Cloud around the app, when it runs inside it (after the address was checked). */
export function genesysCloudHost(): GenesysCloudHost | undefined {
  return host;
}
