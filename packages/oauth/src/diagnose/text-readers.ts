/**
 * @module Token requests in the other forms people paste: DevTools' "Copy as cURL (cmd)" (with ^ escapes),
 * "Copy as PowerShell", and a raw HTTP request as Fiddler or Burp show it. (bash cURL: curl.ts; HAR: har.ts;
 * "Copy as fetch" and code: code-reader.ts.) Each is linear in the text.
 */
import type { ExchangeRecord } from './exchange-record.js';
import { HTTP_START } from './paste-parts.js';

type TokenRequest = NonNullable<ExchangeRecord['tokenRequest']>;

/** cmd.exe quoting as Chrome writes it: ^" for ", ^^ for ^, ^ at a line end continues the line. */
export function cmdToBash(text: string): string {
  return text.replace(/\^\r?\n/g, ' ').replace(/\^(.)/g, '$1');
}

/** `Invoke-WebRequest`/`Invoke-RestMethod` with -Uri, -Method, -Headers @{…}, -ContentType and -Body. */
export function powershellToTokenRequest(text: string): TokenRequest | undefined {
  const at = text.search(/Invoke-(WebRequest|RestMethod)\b/i);
  if (at === -1) return undefined;
  const cmd = text.slice(at);
  const arg = (name: string) => {
    const m = new RegExp(`-${name}\\s+(?:"((?:[^"\`]|\`.|"")*)"|'((?:[^']|'')*)'|(\\S+))`, 'i').exec(cmd);
    if (!m) return undefined;
    if (m[1] !== undefined)
      return m[1]
        .replace(/`(.)/g, (_x, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c))
        .replace(/""/g, '"');
    if (m[2] !== undefined) return m[2].replace(/''/g, "'");
    return m[3];
  };
  const url = arg('Uri');
  if (!url) return undefined;
  const headers: Array<[string, string]> = [];
  const h = /-Headers\s+@\{([^}]*)\}/i.exec(cmd);
  if (h) {
    for (const m of h[1]!.matchAll(/"((?:[^"`]|`.)*)"\s*=\s*"((?:[^"`]|`.|"")*)"/g))
      headers.push([m[1]!, m[2]!.replace(/`(.)/g, '$1')]);
  }
  const contentType = arg('ContentType');
  if (contentType) headers.push(['Content-Type', contentType]);
  const body = arg('Body');
  return { url, method: (arg('Method') ?? 'GET').toUpperCase(), headers, ...(body !== undefined ? { body } : {}) };
}

export interface RawHttp {
  request?: TokenRequest;
  response?: { status: number; body: string };
}

/** `POST /oauth/token HTTP/1.1`, headers, a blank line, the body; and a response that may follow it. */
export function rawHttpToExchange(text: string): RawHttp {
  const lines = text.split(/\r?\n/);
  const out: RawHttp = {};
  for (let i = 0; i < lines.length; i++) {
    const req = /^(GET|POST|PUT|PATCH|DELETE)\s+(\S+)\s+HTTP\/[\d.]+\s*$/.exec(lines[i]!);
    const res = /^HTTP\/[\d.]+\s+(\d{3})\b/.exec(lines[i]!);
    if (!req && !res) continue;
    const headers: Array<[string, string]> = [];
    let j = i + 1;
    for (; j < lines.length && lines[j]!.trim() !== ''; j++) {
      const colon = lines[j]!.indexOf(':');
      if (colon > 0) headers.push([lines[j]!.slice(0, colon).trim(), lines[j]!.slice(colon + 1).trim()]);
    }
    let k = j + 1;
    const body: string[] = [];
    // The body ends at the next request or response line, or at a blank line after it (what follows a
    // pasted request is usually something else: a URL, a note, the response).
    for (; k < lines.length && !HTTP_START.test(lines[k]!); k++) {
      if (lines[k]!.trim() === '' && body.length > 0) break;
      body.push(lines[k]!);
    }
    const bodyText = body.join('\n').trim();
    if (req && !out.request) {
      const host = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
      const target = req[2]!;
      const url = /^https?:\/\//.test(target) ? target : host ? `https://${host}${target}` : target;
      out.request = { url, method: req[1]!, headers, body: bodyText };
    } else if (res && !out.response) {
      out.response = { status: Number(res[1]), body: bodyText };
    }
    i = k - 1;
  }
  return out;
}

/** The last 4xx/5xx status written in the text before an error response ("HTTP/1.1 400", "status: 400"). */
export function statusBefore(text: string): { status?: number } {
  const near = text.slice(-300);
  const status = /(?:HTTP\/[\d.]+\s+|status[:=]?\s*|\b)([45]\d\d)\b(?!.*\b[45]\d\d\b)/is.exec(near);
  return status ? { status: Number(status[1]) } : {};
}

/**
 * The first JSON object in the text that carries an `error` field (a token endpoint's answer), with the
 * status written near it, if any. At most 20 candidates are tried, each parse bounded by its own braces.
 */
export function findErrorResponse(text: string): { status?: number; body: Record<string, unknown> } | undefined {
  let from = 0;
  for (let tries = 0; tries < 20; tries++) {
    const at = text.indexOf('"error"', from);
    if (at === -1) return undefined;
    from = at + 7;
    const open = text.lastIndexOf('{', at);
    if (open === -1) continue;
    let depth = 0;
    let end = -1;
    for (let i = open; i < text.length && i < open + 20_000; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end === -1) continue;
    try {
      const body = JSON.parse(text.slice(open, end + 1)) as unknown;
      if (typeof body !== 'object' || body === null || typeof (body as { error?: unknown }).error !== 'string')
        continue;
      return { body: body as Record<string, unknown>, ...statusBefore(text.slice(Math.max(0, open - 300), open)) };
    } catch {
      // not JSON: try the next
    }
  }
  return undefined;
}
