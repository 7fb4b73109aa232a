/** @module Pre-signed downloads (real-time listings, historical files), through the same retry rules as the API. */
import type { GenesysClient } from './client.js';
import { send, type CallOptions } from './http.js';

/**
 * A pre-signed download URL: the signature is the credential, so no Authorization header is sent (a bearer
 * token must not leak to the storage host), and the URL never appears in an error message.
 */
export function download(client: GenesysClient, url: string, opts: CallOptions = {}): Promise<Response> {
  return send(client, { method: 'GET', url, label: 'download', signal: opts.signal, bearer: false });
}
