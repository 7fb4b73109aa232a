import type { ExchangeRecord } from './exchange-record.js';

interface HarNameValue { name: string; value: string }
interface HarEntry {
  request: { method: string; url: string; headers?: HarNameValue[]; postData?: { mimeType?: string; text?: string; params?: HarNameValue[] } };
  response?: { status?: number; headers?: HarNameValue[]; redirectURL?: string; content?: { text?: string; encoding?: string } };
}
export interface Har { log: { entries: HarEntry[] } }

export function isHar(value: unknown): value is Har {
  return typeof value === 'object' && value !== null && Array.isArray((value as Har).log?.entries);
}

/** Picks the last token request of a HAR and the authorize request that preceded it. */
export function harToExchange(har: Har): ExchangeRecord {
  const entries = har.log.entries;
  const tokenIndex = findLastIndex(entries, (e) => pathOf(e.request.url).endsWith('/oauth/token'));
  const record: ExchangeRecord = {};
  const before = tokenIndex === -1 ? entries : entries.slice(0, tokenIndex);
  // The authorize URL is either a request of its own or only the Location of a redirect to it.
  for (let i = before.length - 1; i >= 0 && record.authorizeUrl === undefined; i--) {
    const e = before[i]!;
    if (pathOf(e.request.url).endsWith('/oauth/authorize')) record.authorizeUrl = e.request.url;
    else {
      const loc = e.response?.redirectURL || e.response?.headers?.find((h) => h.name.toLowerCase() === 'location')?.value;
      if (loc && pathOf(loc).endsWith('/oauth/authorize')) record.authorizeUrl = loc;
    }
  }
  if (tokenIndex === -1) return record;
  const { request, response } = entries[tokenIndex]!;
  const headers: Array<[string, string]> = (request.headers ?? []).map((h) => [h.name, h.value]);
  if (request.postData?.mimeType && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', request.postData.mimeType]);
  record.tokenRequest = { url: request.url, method: request.method, headers };
  const post = request.postData;
  if (post?.text !== undefined) record.tokenRequest.body = post.text;
  else if (post?.params) record.tokenRequest.body = Object.fromEntries(post.params.map((p) => [decodeURIComponent(p.name), decodeURIComponent(p.value)]));
  if (response) {
    const text = response.content?.text;
    record.response = { status: response.status ?? 0 };
    if (text !== undefined) record.response.body = response.content?.encoding === 'base64' ? atob(text) : text;
  }
  return record;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
