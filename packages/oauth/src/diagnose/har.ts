import type { ExchangeRecord } from './exchange-record.js';

interface HarNameValue {
  name: string;
  value: string;
}
interface HarEntry {
  request: {
    method: string;
    url: string;
    headers?: HarNameValue[];
    postData?: { mimeType?: string; text?: string; params?: HarNameValue[] };
  };
  response?: {
    status?: number;
    headers?: HarNameValue[];
    redirectURL?: string;
    content?: { text?: string; encoding?: string };
  };
}
export interface Har {
  log: { entries: HarEntry[] };
}

export function isHar(value: unknown): value is Har {
  return typeof value === 'object' && value !== null && Array.isArray((value as Har).log?.entries);
}

/** An entry we can read: browsers' exports are trusted for shape, pasted ones are not (null entries, missing urls). */
function isEntry(e: unknown): e is HarEntry {
  return typeof e === 'object' && e !== null && typeof (e as HarEntry).request?.url === 'string';
}

/** decodeURIComponent that keeps text it cannot decode (a lone "%" is common in pasted HARs). */
function decode(text: unknown): string {
  const s = String(text ?? '');
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** base64 that is not base64 is kept as it is, with no exception. */
function fromBase64(text: string): string {
  try {
    return atob(text);
  } catch {
    return text;
  }
}

/** Picks the last token request of a HAR and the authorize request that preceded it. */
export function harToExchange(har: Har): ExchangeRecord {
  const entries = har.log.entries.filter(isEntry);
  const tokenIndex = findLastIndex(entries, (e) => pathOf(e.request.url).endsWith('/oauth/token'));
  const record: ExchangeRecord = {};
  const before = tokenIndex === -1 ? entries : entries.slice(0, tokenIndex);
  // The authorize URL is either a request of its own or only the Location of a redirect to it.
  for (let i = before.length - 1; i >= 0 && record.authorizeUrl === undefined; i--) {
    const e = before[i]!;
    if (pathOf(e.request.url).endsWith('/oauth/authorize')) record.authorizeUrl = e.request.url;
    else {
      const loc =
        e.response?.redirectURL ||
        (Array.isArray(e.response?.headers) ? e.response.headers : []).find(
          (h) => typeof h?.name === 'string' && h.name.toLowerCase() === 'location',
        )?.value;
      if (loc && pathOf(loc).endsWith('/oauth/authorize')) record.authorizeUrl = loc;
    }
  }
  if (tokenIndex === -1) return record;
  const { request, response } = entries[tokenIndex]!;
  const headers: Array<[string, string]> = (Array.isArray(request.headers) ? request.headers : [])
    .filter((h) => typeof h?.name === 'string')
    .map((h) => [h.name, String(h.value ?? '')]);
  if (request.postData?.mimeType && !headers.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', request.postData.mimeType]);
  record.tokenRequest = { url: request.url, method: request.method, headers };
  const post = request.postData;
  if (typeof post?.text === 'string') record.tokenRequest.body = post.text;
  else if (Array.isArray(post?.params))
    record.tokenRequest.body = Object.fromEntries(
      post.params.filter((p) => p !== null && typeof p === 'object').map((p) => [decode(p.name), decode(p.value)]),
    );
  if (response) {
    const text = typeof response.content?.text === 'string' ? response.content.text : undefined;
    record.response = { status: typeof response.status === 'number' ? response.status : 0 };
    if (text !== undefined) record.response.body = response.content?.encoding === 'base64' ? fromBase64(text) : text;
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
