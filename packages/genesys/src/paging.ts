import type { GenesysClient } from './client.js';
import { request } from './http.js';

interface PageEnvelope<T> { entities?: T[]; pageNumber?: number; pageCount?: number; nextUri?: string }

/**
 * Every entity behind a Genesys listing, page by page: page-number paging (pageNumber/pageCount) and
 * cursor paging (nextUri) alike.
 */
export async function* allEntities<T>(client: GenesysClient, path: string, query: Record<string, string | number | undefined> = {}, signal?: AbortSignal): AsyncGenerator<T> {
  let page: PageEnvelope<T> = await request<PageEnvelope<T>>(client, { path, query: { pageSize: 100, ...query }, ...(signal ? { signal } : {}) });
  for (;;) {
    yield* page.entities ?? [];
    if (page.pageNumber !== undefined && page.pageCount !== undefined) {
      if (page.pageNumber >= page.pageCount) return;
      page = await request<PageEnvelope<T>>(client, { path, query: { pageSize: 100, ...query, pageNumber: page.pageNumber + 1 }, ...(signal ? { signal } : {}) });
    } else if (page.nextUri) {
      page = await request<PageEnvelope<T>>(client, { path: page.nextUri, ...(signal ? { signal } : {}) });
    } else return;
  }
}
