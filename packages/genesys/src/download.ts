import { backoffMs, type GenesysClient } from './client.js';
import { GenesysApiError, GenesysClientError } from './errors.js';

/**
 * A pre-signed download URL: the signature is the credential, so no Authorization header is sent
 * (a bearer token must not leak to the storage host). Retried with backoff like any idempotent GET.
 */
export async function download(client: GenesysClient, url: string, signal?: AbortSignal): Promise<Response> {
  const o = client.options;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await o.fetch(url, signal ? { signal } : {});
    } catch (cause) {
      if (signal?.aborted) throw new GenesysClientError('aborted', 'download cancelled', { cause });
      if (attempt < o.maxRetries) {
        await o.sleep(backoffMs(client, attempt), signal);
        continue;
      }
      throw new GenesysClientError('network_error', 'download failed before a response', { cause });
    }
    if (res.ok) return res;
    if (res.status >= 500 && attempt < o.maxRetries) {
      await res.body?.cancel();
      await o.sleep(backoffMs(client, attempt), signal);
      continue;
    }
    throw new GenesysApiError(res.status, `download.${res.status}`, `download failed with HTTP ${res.status}`, undefined);
  }
}
