import { badRequest } from './error-body.js';

/** Genesys page-number paging: {entities, pageSize, pageNumber, total, pageCount, firstUri, nextUri, previousUri, lastUri, selfUri}. */
export function pageOf<T>(all: T[], query: URLSearchParams, path: string, maxPageSize = 500) {
  const pageSize = intParam(query, 'pageSize', 25);
  const pageNumber = intParam(query, 'pageNumber', 1);
  if (pageSize < 1 || pageSize > maxPageSize)
    throw badRequest('invalid.query.param.value', `pageSize must be between 1 and ${maxPageSize}`);
  if (pageNumber < 1) throw badRequest('invalid.query.param.value', 'pageNumber must be 1 or more');
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const uri = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('pageSize', String(pageSize));
    q.set('pageNumber', String(n));
    return `${path}?${q}`;
  };
  const page: Record<string, unknown> = {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total: all.length,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
  };
  if (pageNumber < pageCount) page.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) page.previousUri = uri(pageNumber - 1);
  return page;
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest('invalid.query.param.value', `${name} must be an integer`);
  return Number(raw);
}
