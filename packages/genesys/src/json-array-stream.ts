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
  // The fast path: once the first element shows how elements begin (`{"userId":`, as a compact serializer
  // writes them), the next element's start is found with indexOf and each element is handed to JSON.parse
  // whole, so the scanner below never walks through element bodies. In raw JSON that prefix cannot occur
  // inside a string (its quotes would be escaped), and a split inside an element leaves brackets open, so
  // JSON.parse refuses it: then the fast path is dropped and the scanner reads the rest.
  let prefix: string | undefined;
  let learned = false;
  let ended = false;

  function* scan(): Generator<T> {
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (prefix && inTarget && depth === 2 && !inString && c === OPEN_OBJECT && buf.startsWith(prefix, i)) {
        elementStart = -1;
        const next = buf.indexOf(prefix, i + prefix.length);
        if (next === -1 && !ended) {
          // The element may run on into the next chunk: keep it and wait.
          elementStart = i;
          return;
        }
        if (next !== -1) {
          let end = next - 1;
          while (end > i && isSpace(buf.charCodeAt(end))) end--;
          let parsed: { value: T } | undefined;
          if (buf.charCodeAt(end) === COMMA) {
            try {
              parsed = { value: JSON.parse(buf.slice(i, end)) as T };
            } catch {
              parsed = undefined;
            }
          }
          if (parsed) {
            yield parsed.value;
            i = next - 1;
            continue;
          }
          prefix = undefined;
        }
        // The last element (nothing after it to find), or the fast path was dropped: the scanner reads it.
      }
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
      const space = isSpace(c);
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
          const text = buf.slice(elementStart, i + 1);
          yield JSON.parse(text) as T;
          elementStart = -1;
          if (!learned) {
            learned = true;
            prefix = firstKeyPrefix(text);
          }
        } else if (inTarget && depth === 1) inTarget = false;
      }
    }
  }

  for await (const chunk of chunks) {
    buf += chunk;
    yield* scan();
    // Drop what is consumed, keeping whatever is still open (an element, a scalar or a string).
    const open = [elementStart, scalarStart, inString ? stringStart : -1].filter((n) => n >= 0);
    const keep = open.length ? Math.min(...open) : i;
    buf = buf.slice(keep);
    i -= keep;
    if (elementStart !== -1) elementStart -= keep;
    if (scalarStart !== -1) scalarStart -= keep;
    if (stringStart !== -1) stringStart -= keep;
  }
  // The stream is over: an element the fast path was waiting on is the last one.
  ended = true;
  if (i < buf.length) yield* scan();
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** `{"key":` when a compact object element starts with a plain key (no escapes), else undefined. */
function firstKeyPrefix(element: string): string | undefined {
  if (element.charCodeAt(1) !== QUOTE) return undefined;
  const close = element.indexOf('"', 2);
  if (close === -1 || element.charCodeAt(close + 1) !== COLON || element.lastIndexOf('\\', close) > 0) return undefined;
  return element.slice(0, close + 2);
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
