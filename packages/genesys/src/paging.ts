import type { GenesysClient } from './client.js';
import { request, type CallOptions } from './http.js';

interface PageEnvelope<T> {
  entities?: T[];
  pageNumber?: number;
  pageCount?: number;
  nextUri?: string;
}

/**
 * Every entity behind a Genesys listing, page by page: page-number paging (pageNumber/pageCount) and
 * cursor paging (nextUri) alike.
 */
export async function* allEntities<T>(
  client: GenesysClient,
  path: string,
  query: Record<string, string | number | undefined> = {},
  opts: CallOptions = {},
): AsyncGenerator<T> {
  const { signal, priority } = opts;
  let page: PageEnvelope<T> = await request<PageEnvelope<T>>(client, {
    path,
    query: { pageSize: 100, ...query },
    signal,
    priority,
  });
  for (;;) {
    yield* page.entities ?? [];
    if (page.pageNumber !== undefined && page.pageCount !== undefined) {
      if (page.pageNumber >= page.pageCount) return;
      page = await request<PageEnvelope<T>>(client, {
        path,
        query: { pageSize: 100, ...query, pageNumber: page.pageNumber + 1 },
        signal,
        priority,
      });
    } else if (page.nextUri) {
      page = await request<PageEnvelope<T>>(client, { path: page.nextUri, signal, priority });
    } else return;
  }
}
