/** @module Small text helpers the checks share: safe URL parsing and decoding, SHA-256, edit distance. */
import { base64urlEncode } from '../../base64url.js';

/** How two URIs that should be equal differ, in the way people get them wrong. */
export type UriDifference = 'trailing_slash' | 'letter_case' | 'percent_encoding' | 'scheme' | 'host' | 'other';

export function uriDifference(a: string, b: string): UriDifference {
  if (a.replace(/\/+$/, '') === b.replace(/\/+$/, '')) return 'trailing_slash';
  if (a.toLowerCase() === b.toLowerCase()) return 'letter_case';
  if (safeDecode(a) === safeDecode(b)) return 'percent_encoding';
  const sa = safeUrl(a);
  const sb = safeUrl(b);
  if (sa && sb && sa.protocol !== sb.protocol) return 'scheme';
  if (sa && sb && sa.host !== sb.host) return 'host';
  return 'other';
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

export async function sha256Base64url(text: string): Promise<string> {
  return base64urlEncode(await sha256(text));
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
