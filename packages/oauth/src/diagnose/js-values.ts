/**
 * @module Reads JavaScript source just far enough to know what a token request would send: strings, string
 * concatenation and templates, object literals, `new URLSearchParams({...})`, `JSON.stringify({...})`,
 * `btoa(...)`, and `const` names bound to those. Never executed; whatever comes from elsewhere (a variable,
 * a call) is an Unknown naming its source text, not a guess. Linear in the input.
 */

export type JsValue =
  | { kind: 'string'; value: string }
  | { kind: 'unknown'; text: string; parts: JsValue[] }
  | { kind: 'object'; entries: Map<string, JsValue> }
  | { kind: 'array'; items: JsValue[] }
  | { kind: 'call'; callee: string; args: JsValue[]; text: string }
  | { kind: 'new'; callee: string; args: JsValue[] };

export interface Token {
  type: 'string' | 'template' | 'name' | 'number' | 'punct';
  value: string;
  /** For templates: the literal chunks and the source of each `${…}`. */
  chunks?: string[];
  exprs?: string[];
  start: number;
}

const PUNCT = [
  '...',
  '=>',
  '===',
  '!==',
  '==',
  '!=',
  '&&',
  '||',
  '??',
  '?.',
  '+=',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ';',
  '.',
  '=',
  '+',
  '-',
  '*',
  '/',
  '?',
  '!',
  '<',
  '>',
  '&',
  '|',
  '%',
  '^',
  '~',
  '@',
  '#',
  '\\',
];

/** JS tokens, comments dropped. Regex literals are not told apart from division: what they hold is not read. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0') {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end === -1 ? src.length : end;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? src.length : end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\' && j + 1 < src.length) {
          value += unescapeChar(src[j + 1]!);
          j += 2;
        } else value += src[j++];
      }
      out.push({ type: 'string', value, start: i });
      i = j + 1;
    } else if (c === '`') {
      const chunks: string[] = [];
      const exprs: string[] = [];
      let chunk = '';
      let j = i + 1;
      while (j < src.length && src[j] !== '`') {
        if (src[j] === '\\' && j + 1 < src.length) {
          chunk += unescapeChar(src[j + 1]!);
          j += 2;
        } else if (src[j] === '$' && src[j + 1] === '{') {
          let depth = 1;
          let k = j + 2;
          while (k < src.length && depth > 0) {
            if (src[k] === '{') depth++;
            else if (src[k] === '}') depth--;
            k++;
          }
          chunks.push(chunk);
          chunk = '';
          exprs.push(src.slice(j + 2, k - 1));
          j = k;
        } else chunk += src[j++];
      }
      chunks.push(chunk);
      out.push({ type: 'template', value: chunks.join(''), chunks, exprs, start: i });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[\w$]/.test(src[j]!)) j++;
      out.push({ type: 'name', value: src.slice(i, j), start: i });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[\w.]/.test(src[j]!)) j++;
      out.push({ type: 'number', value: src.slice(i, j), start: i });
      i = j;
    } else {
      const p = PUNCT.find((q) => src.startsWith(q, i)) ?? c;
      out.push({ type: 'punct', value: p, start: i });
      i += p.length;
    }
  }
  return out;
}

function unescapeChar(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
}

/**
 * How deep expressions are read inside each other (a token request's arguments are rarely 5 deep); deeper
 * ones are skipped whole, which keeps every read O(tokens × MAX_NESTING).
 */
const MAX_NESTING = 16;

/** An expression reader over tokens, with the `const` bindings seen anywhere in the source. */
export class JsReader {
  readonly consts = new Map<string, number>();
  /** Each const is read once, however often it is referred to: reading stays linear. */
  private readonly resolved = new Map<string, JsValue>();

  /** For each opening bracket, the index of its closing one (tokens.length when unclosed): skipping is O(1). */
  private readonly closeOf: Int32Array;

  constructor(
    readonly src: string,
    readonly tokens: Token[],
  ) {
    this.closeOf = new Int32Array(tokens.length).fill(tokens.length);
    const open: number[] = [];
    const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
    tokens.forEach((t, i) => {
      if (t.type !== 'punct') return;
      if (t.value === '(' || t.value === '{' || t.value === '[') open.push(i);
      else if (pairs[t.value]) {
        // Pop to the matching opener; openers left unclosed inside keep "unclosed".
        while (open.length > 0) {
          const o = open.pop()!;
          if (tokens[o]!.value === pairs[t.value]) {
            this.closeOf[o] = i;
            break;
          }
        }
      }
    });
    for (let i = 0; i + 2 < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'name' && (t.value === 'const' || t.value === 'let' || t.value === 'var')) {
        const name = tokens[i + 1]!;
        if (name.type === 'name' && tokens[i + 2]!.value === '=' && !this.consts.has(name.value))
          this.consts.set(name.value, i + 3);
      }
    }
  }

  /** Expressions being read inside each other now: deep nesting is skipped, not recursed into. */
  private nesting = 0;

  /** The value of the expression starting at token `at`, and the index after it. `depth` bounds const chasing. */
  expression(at: number, depth = 0): { value: JsValue; next: number } {
    if (this.nesting > MAX_NESTING)
      return { value: { kind: 'unknown', text: 'a deeply nested expression', parts: [] }, next: this.skip(at) };
    this.nesting++;
    try {
      return this.sum(at, depth);
    } finally {
      this.nesting--;
    }
  }

  private sum(at: number, depth: number): { value: JsValue; next: number } {
    const parts: JsValue[] = [];
    let i = at;
    for (;;) {
      const { value, next } = this.primary(i, depth);
      parts.push(value);
      i = next;
      if (this.tokens[i]?.value !== '+') break;
      i++;
    }
    if (parts.length === 1) return { value: parts[0]!, next: i };
    const text = this.text(at, i);
    if (parts.every((p) => p.kind === 'string'))
      return { value: { kind: 'string', value: parts.map((p) => (p as { value: string }).value).join('') }, next: i };
    return { value: { kind: 'unknown', text, parts }, next: i };
  }

  /** Source text of tokens [from, to), at most 200 characters. */
  text(from: number, to: number): string {
    const a = this.tokens[from];
    const b = this.tokens[to - 1];
    if (!a || !b) return '';
    const end = b.start + Math.max(1, b.value.length + (b.type === 'string' || b.type === 'template' ? 2 : 0));
    // For display only: a long span is cut, so quoting code never costs more than a line.
    return end - a.start > 200
      ? `${this.src.slice(a.start, a.start + 200).trim()}…`
      : this.src.slice(a.start, end).trim();
  }

  private primary(at: number, depth: number): { value: JsValue; next: number } {
    const t = this.tokens[at];
    if (!t) return { value: { kind: 'unknown', text: '', parts: [] }, next: at };
    if (t.type === 'string') return this.postfix({ kind: 'string', value: t.value }, at + 1, at, depth);
    if (t.type === 'template') {
      const exprs = t.exprs ?? [];
      if (exprs.length === 0) return this.postfix({ kind: 'string', value: t.value }, at + 1, at, depth);
      const parts: JsValue[] = [];
      t.chunks!.forEach((chunk, k) => {
        if (chunk) parts.push({ kind: 'string', value: chunk });
        if (k < exprs.length) {
          parts.push(
            this.resolveName(exprs[k]!.trim(), depth) ?? { kind: 'unknown', text: exprs[k]!.trim(), parts: [] },
          );
        }
      });
      return this.postfix(
        { kind: 'unknown', text: this.src.slice(t.start, t.start + 1) + '…`', parts },
        at + 1,
        at,
        depth,
      );
    }
    if (t.type === 'number') return this.postfix({ kind: 'unknown', text: t.value, parts: [] }, at + 1, at, depth);
    if (t.value === '(') {
      const inner = this.expression(at + 1, depth);
      const close = this.tokens[inner.next]?.value === ')' ? inner.next + 1 : inner.next;
      return this.postfix(inner.value, close, at, depth);
    }
    if (t.value === '{') return this.object(at, depth);
    if (t.value === '[') {
      const items: JsValue[] = [];
      let i = at + 1;
      while (i < this.tokens.length && this.tokens[i]!.value !== ']') {
        const item = this.expression(i, depth);
        items.push(item.value);
        i = this.tokens[item.next]?.value === ',' ? item.next + 1 : item.next === i ? i + 1 : item.next;
      }
      return this.postfix({ kind: 'array', items }, i + 1, at, depth);
    }
    if (t.type === 'name' && t.value === 'new') {
      const callee = this.tokens[at + 1]?.value ?? '';
      if (this.tokens[at + 2]?.value === '(') {
        const { args, next } = this.args(at + 3, depth);
        return this.postfix({ kind: 'new', callee, args }, next, at, depth);
      }
      return { value: { kind: 'unknown', text: `new ${callee}`, parts: [] }, next: at + 2 };
    }
    if (t.type === 'name') {
      // a.b.c, then a call or not
      let i = at + 1;
      let name = t.value;
      while ((this.tokens[i]?.value === '.' || this.tokens[i]?.value === '?.') && this.tokens[i + 1]?.type === 'name') {
        name += `.${this.tokens[i + 1]!.value}`;
        i += 2;
      }
      if (this.tokens[i]?.value === '(') {
        const { args, next } = this.args(i + 1, depth);
        return this.postfix({ kind: 'call', callee: name, args, text: this.text(at, next) }, next, at, depth);
      }
      const bound = this.resolveName(name, depth);
      return this.postfix(bound ?? { kind: 'unknown', text: name, parts: [] }, i, at, depth);
    }
    return { value: { kind: 'unknown', text: t.value, parts: [] }, next: at + 1 };
  }

  /** `.method(...)` chained after a value (e.g. `btoa(x).replace(...)`): the result is a call on it. */
  private postfix(value: JsValue, at: number, start: number, depth: number): { value: JsValue; next: number } {
    let v = value;
    let i = at;
    while (this.tokens[i]?.value === '.' && this.tokens[i + 1]?.type === 'name' && this.tokens[i + 2]?.value === '(') {
      const method = this.tokens[i + 1]!.value;
      const { args, next } = this.args(i + 3, depth);
      v = { kind: 'call', callee: `.${method}`, args: [v, ...args], text: this.text(start, next) };
      i = next;
    }
    return { value: v, next: i };
  }

  private resolveName(name: string, depth: number): JsValue | undefined {
    const cached = this.resolved.get(name);
    if (cached) return cached;
    const at = this.consts.get(name);
    if (at === undefined || depth > 8) return undefined;
    // Placeholder first: a const that refers to itself ends here instead of recursing.
    this.resolved.set(name, { kind: 'unknown', text: name, parts: [] });
    const { value } = this.expression(at, depth + 1);
    // A name bound to something we cannot read stays that name, so findings quote the code.
    const result: JsValue =
      value.kind === 'unknown' && value.parts.length === 0 ? { kind: 'unknown', text: name, parts: [] } : value;
    this.resolved.set(name, result);
    return result;
  }

  args(at: number, depth: number): { args: JsValue[]; next: number } {
    const args: JsValue[] = [];
    let i = at;
    let guard = 0;
    while (i < this.tokens.length && this.tokens[i]!.value !== ')' && guard++ < 10_000) {
      const arg = this.expression(i, depth);
      args.push(arg.value);
      i = arg.next === i ? this.skip(i) : arg.next;
      if (this.tokens[i]?.value === ',') i++;
      else if (this.tokens[i]?.value !== ')') i = this.skip(i);
    }
    return { args, next: i + 1 };
  }

  private object(at: number, depth: number): { value: JsValue; next: number } {
    const entries = new Map<string, JsValue>();
    let i = at + 1;
    let guard = 0;
    while (i < this.tokens.length && this.tokens[i]!.value !== '}' && guard++ < 10_000) {
      const key = this.tokens[i]!;
      if (
        (key.type === 'name' || key.type === 'string' || key.type === 'number') &&
        this.tokens[i + 1]?.value === ':'
      ) {
        const v = this.expression(i + 2, depth);
        entries.set(key.value, v.value);
        i = v.next;
      } else if (key.type === 'name' && (this.tokens[i + 1]?.value === ',' || this.tokens[i + 1]?.value === '}')) {
        // shorthand { code_verifier }
        entries.set(key.value, this.resolveName(key.value, depth) ?? { kind: 'unknown', text: key.value, parts: [] });
        i++;
      } else i = this.skip(i);
      if (this.tokens[i]?.value === ',') i++;
    }
    return { value: { kind: 'object', entries }, next: i + 1 };
  }

  /** Moves past one token, or a whole bracketed group, so unreadable syntax is stepped over, not looped on. */
  skip(i: number): number {
    const v = this.tokens[i]?.value;
    if (v !== '(' && v !== '{' && v !== '[') return i + 1;
    return Math.min(this.tokens.length, this.closeOf[i]! + 1);
  }
}

/** Every identifier in a value (what a Basic header or a body field was built from). */
export function namesIn(v: JsValue): string[] {
  if (v.kind === 'unknown') return [...(/^[\w$.]+$/.test(v.text) ? [v.text] : []), ...v.parts.flatMap(namesIn)];
  if (v.kind === 'call') return v.args.flatMap(namesIn);
  if (v.kind === 'new') return v.args.flatMap(namesIn);
  if (v.kind === 'object') return [...v.entries.values()].flatMap(namesIn);
  if (v.kind === 'array') return v.items.flatMap(namesIn);
  return [];
}

/** The leading literal text of a value (`'Basic ' + btoa(…)` → "Basic "). */
export function literalPrefix(v: JsValue): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'unknown' && v.parts[0]?.kind === 'string') return v.parts[0].value;
  return '';
}

/** Whether the value calls `fn` anywhere (e.g. btoa), and whether any call on it is `.replace`. */
export function callsIn(v: JsValue): string[] {
  if (v.kind === 'call') return [v.callee, ...v.args.flatMap(callsIn)];
  if (v.kind === 'unknown') return v.parts.flatMap(callsIn);
  if (v.kind === 'new') return v.args.flatMap(callsIn);
  if (v.kind === 'object') return [...v.entries.values()].flatMap(callsIn);
  if (v.kind === 'array') return v.items.flatMap(callsIn);
  return [];
}
