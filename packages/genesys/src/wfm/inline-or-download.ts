/** @module WFM queries that answer inline (`result`) or, when large, with a pre-signed `downloadUrl`. */
import type { GenesysClient } from '../client.js';
import { download } from '../download.js';
import { GenesysClientError } from '../errors.js';
import type { CallOptions } from '../http.js';

/** The `result`, or the file behind `downloadUrl`; anything else (an answer deferred to a job) is `what`'s error. */
export async function inlineOrDownload<R>(
  client: GenesysClient,
  res: { result?: R; downloadUrl?: string },
  what: string,
  opts: CallOptions,
): Promise<R | undefined> {
  if (res.result) return res.result;
  if (res.downloadUrl) return (await (await download(client, res.downloadUrl, opts)).json()) as R | undefined;
  throw new GenesysClientError('invalid_response', `${what}; ask for fewer agents or a shorter range`);
}

/** A listing's `entities`, or those of the file behind its `downloadUrl` (Genesys's download service). */
export async function entitiesOrDownload<T>(
  client: GenesysClient,
  listing: { entities?: T[]; downloadUrl?: string },
  opts: CallOptions,
): Promise<T[]> {
  if (listing.entities) return listing.entities;
  if (listing.downloadUrl)
    return ((await (await download(client, listing.downloadUrl, opts)).json()) as { entities?: T[] }).entities ?? [];
  return [];
}
