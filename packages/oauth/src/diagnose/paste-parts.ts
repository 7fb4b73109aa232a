/**
 * @module One pass over pasted text that cuts it into the parts people paste together: JSON blocks (the error
 * response, a HAR, a record), one curl command, one PowerShell command, raw HTTP, the authorize URL, and the rest
 * (code and prose). Each reader then reads only its part, so a paste that starts with the error JSON and goes on
 * with a HAR, curl or code is read as all of them, and no reader walks the whole text looking for its form.
 */
import { parseJsonObject } from './exchange-record.js';

export interface PasteParts {
  /** Objects that stand as JSON blocks from a line's start, in order, each with the text written just before it. */
  json: Array<{ value: Record<string, unknown>; before: string }>;
  /** The first `…/oauth/authorize?…` URL outside the JSON blocks. */
  authorizeUrl?: string;
  /** The first curl command with its continuation lines; `cmd` when written for cmd.exe (^ escapes). */
  curl?: { text: string; cmd: boolean };
  /** The first `Invoke-WebRequest`/`Invoke-RestMethod`, up to the next blank line. */
  powershell?: string;
  /** Raw HTTP requests and responses (Fiddler, Burp), each with its headers and body. */
  http: string;
  /** Everything else: code and prose. */
  rest: string;
}

const CURL = /^(?:\$\s+)?curl\s/;
const CONTINUED = /[\\^`]\s*$/;
const POWERSHELL = /Invoke-(WebRequest|RestMethod)\b/i;
export const HTTP_START = /^(HTTP\/[\d.]+\s+\d{3}|(GET|POST|PUT|PATCH|DELETE)\s+\S+\s+HTTP\/)/;

export function splitPaste(text: string): PasteParts {
  const parts: PasteParts = { json: [], http: '', rest: '' };
  const rest: string[] = [];
  const http: string[] = [];
  // Once a brace block runs to the end of the text unclosed, no later line is tried as JSON: each try is then
  // linear in what it skips, and the pass stays linear however many lines start with "{".
  let jsonTried = true;
  let at = 0;
  const lineEnd = (from: number) => {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? text.length : nl;
  };
  while (at < text.length) {
    const end = lineEnd(at);
    const line = text.slice(at, end).replace(/\r$/, '');
    const lead = line.trimStart();
    const next = end + 1;
    if (jsonTried && (lead.startsWith('{') || lead.startsWith('['))) {
      const open = at + line.length - lead.length;
      const { close, json } = blockEnd(text, open);
      if (close === -1) jsonTried = false;
      else {
        const block = text.slice(open, close + 1);
        const value = json && lead.startsWith('{') ? parseJsonObject(block) : undefined;
        if (value) parts.json.push({ value, before: rest.slice(-3).join('\n') });
        else rest.push(block);
        const after = text.slice(close + 1, lineEnd(close + 1));
        if (after.trim() !== '') rest.push(after);
        at = lineEnd(close + 1) + 1;
        continue;
      }
    }
    if (!parts.authorizeUrl && line.includes('/oauth/authorize?')) {
      const url = findAuthorizeUrl(line);
      if (url) parts.authorizeUrl = url;
    }
    if (!parts.curl && CURL.test(lead)) {
      const lines = [lead];
      let to = next;
      while (CONTINUED.test(lines[lines.length - 1]!) && to < text.length) {
        const e = lineEnd(to);
        lines.push(text.slice(to, e));
        to = e + 1;
      }
      parts.curl = { text: lines.join('\n'), cmd: /\bcurl\s+\^"/.test(lead) };
      at = to;
      continue;
    }
    const ps = parts.powershell === undefined ? POWERSHELL.exec(line) : null;
    if (ps) {
      const lines = [line.slice(ps.index)];
      let to = next;
      for (; to < text.length;) {
        const e = lineEnd(to);
        const l = text.slice(to, e);
        if (l.trim() === '') break;
        lines.push(l);
        to = e + 1;
      }
      parts.powershell = lines.join('\n');
      at = to;
      continue;
    }
    if (HTTP_START.test(lead)) {
      // Its headers to the first blank line, then its body to the next blank line or the next message.
      http.push(lead);
      let to = next;
      let blank = 0;
      let body = 0;
      for (; to < text.length;) {
        const e = lineEnd(to);
        const l = text.slice(to, e).replace(/\r$/, '');
        if (HTTP_START.test(l)) break;
        if (l.trim() === '') {
          if (blank === 1 && body > 0) break;
          if (blank === 0) blank = 1;
        } else if (blank === 1) body++;
        http.push(l);
        to = e + 1;
      }
      http.push('');
      at = to;
      continue;
    }
    rest.push(line);
    at = next;
  }
  parts.http = http.join('\n');
  parts.rest = rest.join('\n');
  return parts;
}

/**
 * Where the JSON-like block opened at `open` closes (strings skipped), or -1 when it never does. A newline inside
 * a string cannot be JSON (code with a quote in a comment, say): the block ends at that line, as not JSON, so the
 * lines it covered are not tried again.
 */
function blockEnd(text: string, open: number): { close: number; json: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      else if (c === 10) return { close: i - 1, json: false };
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && --depth === 0) return { close: i, json: true };
  }
  return { close: -1, json: false };
}

/**
 * The first `http(s)://…/oauth/authorize?…` in free text, looked for word by word: a regex scanning from
 * every "http" to the path backtracks quadratically on text like "http://" repeated.
 */
export function findAuthorizeUrl(text: string): string | undefined {
  for (const word of text.split(/[\s'"]+/)) {
    const at = word.indexOf('/oauth/authorize?');
    if (at === -1) continue;
    const scheme = word.lastIndexOf('http', at);
    if (scheme !== -1 && /^https?:\/\/[^/]+$/.test(word.slice(scheme, at))) return word.slice(scheme);
  }
  return undefined;
}
