/**
 * Yields the elements of a top-level array property (e.g. "userResults"; give several names to accept
 * whichever the document has) of a JSON document as it
 * streams in, so a 90 MB download is parsed user by user instead of held and parsed whole. Top-level
 * scalar properties (startDate, managementUnitId, …) are collected into `rest`; other values are skipped.
 */
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;

export async function* streamArrayProperty<T>(
  chunks: AsyncIterable<string>,
  property: string | string[],
  rest: Record<string, unknown> = {},
): AsyncGenerator<T> {
  const wanted = new Set(Array.isArray(property) ? property : [property]);
  let buf = '';
  let i = 0;
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastString: string | undefined;
  let key: string | undefined; // the top-level key whose value comes next
  let afterColon = false;
  let scalarStart = -1;
  let inTarget = false;
  let elementStart = -1;
  let scalarElement = false;

  for await (const chunk of chunks) {
    buf += chunk;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (inString) {
        // Jump to the next quote; it closes the string unless an odd run of backslashes escapes it.
        const q = buf.indexOf('"', i);
        if (q === -1) {
          i = buf.length - 1;
          continue;
        }
        let slashes = 0;
        for (let b = q - 1; b > stringStart && buf.charCodeAt(b) === BACKSLASH; b--) slashes++;
        i = q;
        if (slashes % 2 === 1) continue;
        inString = false;
        if (depth === 1 && !afterColon) lastString = JSON.parse(buf.slice(stringStart, i + 1)) as string;
        continue;
      }
      const space = c === 32 || c === 10 || c === 13 || c === 9;
      if (inTarget && depth === 2) {
        if (elementStart === -1 && !space && c !== COMMA && c !== CLOSE_ARRAY) {
          elementStart = i;
          scalarElement = c !== OPEN_OBJECT && c !== OPEN_ARRAY;
        } else if (scalarElement && elementStart !== -1 && (c === COMMA || c === CLOSE_ARRAY || space)) {
          yield JSON.parse(buf.slice(elementStart, i)) as T;
          elementStart = -1;
          scalarElement = false;
        }
      }
      if (depth === 1 && afterColon && scalarStart === -1 && !space) {
        afterColon = false;
        if (c === OPEN_ARRAY && key !== undefined && wanted.has(key)) {
          inTarget = true;
          depth++;
          continue;
        }
        if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) scalarStart = i;
      }
      if (c === QUOTE) {
        inString = true;
        stringStart = i;
      } else if (c === COLON && depth === 1) {
        key = lastString;
        afterColon = true;
      } else if ((c === COMMA || c === CLOSE_OBJECT) && depth === 1 && scalarStart !== -1) {
        if (key !== undefined) rest[key] = JSON.parse(buf.slice(scalarStart, i));
        scalarStart = -1;
        if (c === CLOSE_OBJECT) depth--;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (inTarget && depth === 2 && elementStart !== -1 && !scalarElement) {
          yield JSON.parse(buf.slice(elementStart, i + 1)) as T;
          elementStart = -1;
        } else if (inTarget && depth === 1) inTarget = false;
      }
    }
    // Drop what is consumed, keeping whatever is still open (an element, a scalar or a string).
    const open = [elementStart, scalarStart, inString ? stringStart : -1].filter((n) => n >= 0);
    const keep = open.length ? Math.min(...open) : i;
    buf = buf.slice(keep);
    i -= keep;
    if (elementStart !== -1) elementStart -= keep;
    if (scalarStart !== -1) scalarStart -= keep;
    if (stringStart !== -1) stringStart -= keep;
  }
}

/** A fetch Response body as text chunks. */
export async function* textChunks(res: Response): AsyncGenerator<string> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield decoder.decode(value, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}
