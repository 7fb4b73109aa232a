import type { ExchangeRecord } from './exchange-record.js';

/** Splits a shell command line as a POSIX shell would for quoting (single, double, backslash, line continuations). */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const s = command.replace(/\\\r?\n/g, ' ');
  while (i < s.length) {
    const c = s[i]!;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      word += s.slice(i + 1, end === -1 ? s.length : end);
      i = end === -1 ? s.length : end + 1;
      inWord = true;
    } else if (c === '$' && s[i + 1] === "'") {
      // $'…' ANSI-C quoting, which browsers' "Copy as cURL" uses for bodies with special characters.
      let j = i + 2;
      while (j < s.length && s[j] !== "'") {
        if (s[j] === '\\' && j + 1 < s.length) {
          const n = s[j + 1]!;
          word += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
          j += 2;
        } else word += s[j++];
      }
      i = j + 1;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && j + 1 < s.length && '"\\$`'.includes(s[j + 1]!)) j++;
        word += s[j++];
      }
      i = j + 1;
      inWord = true;
    } else if (c === '\\' && i + 1 < s.length) {
      word += s[i + 1];
      i += 2;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Reads a `curl …` command (as browsers' "Copy as cURL" or a hand-written one) into a token request. */
export function curlToTokenRequest(command: string): NonNullable<ExchangeRecord['tokenRequest']> | undefined {
  const words = shellWords(command);
  const start = words.findIndex((w) => w === 'curl' || w.endsWith('/curl'));
  if (start === -1) return undefined;
  let url: string | undefined;
  let method: string | undefined;
  const headers: Array<[string, string]> = [];
  const data: string[] = [];
  let contentTypeSet = false;
  for (let i = start + 1; i < words.length; i++) {
    const w = words[i]!;
    const next = () => words[++i] ?? '';
    if (w === '-X' || w === '--request') method = next();
    else if (w === '-H' || w === '--header') {
      const h = next();
      const colon = h.indexOf(':');
      if (colon > 0) {
        const name = h.slice(0, colon).trim();
        if (name.toLowerCase() === 'content-type') contentTypeSet = true;
        headers.push([name, h.slice(colon + 1).trim()]);
      }
    } else if (['-d', '--data', '--data-raw', '--data-binary', '--data-ascii'].includes(w)) data.push(next());
    else if (w === '--data-urlencode') {
      const v = next();
      const eq = v.indexOf('=');
      data.push(eq === -1 ? encodeURIComponent(v) : `${v.slice(0, eq)}=${encodeURIComponent(v.slice(eq + 1))}`);
    } else if (w === '-u' || w === '--user') {
      headers.push(['Authorization', `Basic ${btoa(next())}`]);
    } else if (w === '--url') url = next();
    else if (w.startsWith('-')) {
      // Flags with a value we do not need; skip the value so it is not taken for the URL.
      if (
        [
          '-o',
          '--output',
          '-A',
          '--user-agent',
          '-e',
          '--referer',
          '-b',
          '--cookie',
          '-m',
          '--max-time',
          '--connect-timeout',
          '-x',
          '--proxy',
        ].includes(w)
      )
        i++;
    } else if (url === undefined && /^https?:\/\//i.test(w)) url = w;
  }
  if (url === undefined) return undefined;
  // curl -d sends application/x-www-form-urlencoded unless told otherwise.
  if (data.length > 0 && !contentTypeSet) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
  const req: NonNullable<ExchangeRecord['tokenRequest']> = {
    url,
    method: method ?? (data.length > 0 ? 'POST' : 'GET'),
    headers,
  };
  if (data.length > 0) req.body = data.join('&');
  return req;
}
