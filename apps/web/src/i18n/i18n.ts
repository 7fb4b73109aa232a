/**
 * @module The page's language: the catalogue in use, `t()` to say a message in it, and the `lang`/`dir` of
 * <html>. English is built in; the other catalogues load on demand (a chunk each), so the first load stays small.
 * Messages are ICU MessageFormat through FormatJS's intl-messageformat: plural and select rules from the
 * platform's Intl.PluralRules, in about 10 KB, rather than a formatter of our own.
 */
import { useSyncExternalStore } from 'react';
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalogue, type MessageKey } from './messages/en.js';
import { directionOf, type Locale } from './locales.js';

const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Catalogue>> = {
  es: () => import('./messages/es.js').then((m) => m.es),
  'pt-BR': () => import('./messages/pt-BR.js').then((m) => m.ptBR),
  fr: () => import('./messages/fr.js').then((m) => m.fr),
  de: () => import('./messages/de.js').then((m) => m.de),
  ja: () => import('./messages/ja.js').then((m) => m.ja),
};

let locale: Locale = 'en';
let messages: Catalogue = en;
let formats = new Map<MessageKey, Compiled>();

/** A message compiled for the page's language, with the names of its plain arguments (`{count}`, not plurals). */
interface Compiled {
  format: IntlMessageFormat;
  plain: ReadonlySet<string>;
}
const listeners = new Set<() => void>();

export function currentLocale(): Locale {
  return locale;
}

/** Loads the language's catalogue (English at once), then makes it the page's, <html lang dir> included. */
export async function switchLocale(next: Locale): Promise<void> {
  const catalogue = next === 'en' ? en : await LOADERS[next]();
  locale = next;
  messages = catalogue;
  formats = new Map();
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
    document.documentElement.dir = directionOf(next);
  }
  for (const l of listeners) l();
}

/** A message in the page's language; a key the catalogue lacks (never, once tested) says the English. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const c = formatOf(key);
  return String(c.format.format(values && numbersSaid(c, values)));
}

/** The key's compiled message in the page's language, compiled once per language. */
function formatOf(key: MessageKey): Compiled {
  let c = formats.get(key);
  if (!c) {
    const format = new IntlMessageFormat(messages[key] ?? en[key], locale);
    c = { format, plain: plainArguments(format.getAst()) };
    formats.set(key, c);
  }
  return c;
}

/**
 * Numbers given for plain arguments, written in the page's language ("99,423", "99.423", "99 423"):
 * intl-messageformat writes a plain `{count}` as the bare digits; a plural's `#` it formats itself.
 */
function numbersSaid(c: Compiled, values: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const name of c.plain) {
    const v = values[name];
    if (typeof v !== 'number') continue;
    out ??= { ...values };
    out[name] = wholeNumber(v);
  }
  return out ?? values;
}

/** A number in the page's language: "20,000", "20.000", "20 000". */
export function wholeNumber(n: number): string {
  return numberFormat('whole').format(n);
}

/**
 * The page language's number format of this name, made once per language: Number.toLocaleString builds a new one
 * on every call (a third of a millisecond each), and the board and All units write counts each second.
 */
export function numberFormat(name: string, options: () => Intl.NumberFormatOptions = () => ({})): Intl.NumberFormat {
  const key = `${locale} ${name}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options())));
  return f;
}
const numberFormats = new Map<string, Intl.NumberFormat>();

type Elements = ReturnType<IntlMessageFormat['getAst']>;
// The parser's element kinds (@formatjs/icu-messageformat-parser's TYPE, which intl-messageformat does not
// re-export): a plain argument is 1; plurals and selects carry `options`, tags `children`.
const ARGUMENT = 1;

/** The names a message uses as plain arguments, at any depth (inside a plural's branch or a tag too). */
function plainArguments(ast: Elements): Set<string> {
  const names = new Set<string>();
  const selectors = new Set<string>();
  const walk = (elements: Elements) => {
    for (const el of elements) {
      if ((el.type as number) === ARGUMENT) names.add((el as { value: string }).value);
      else if ('options' in el) {
        selectors.add(el.value);
        for (const option of Object.values(el.options) as Array<{ value: Elements }>) walk(option.value);
      } else if ('children' in el) walk(el.children);
    }
  };
  walk(ast);
  // A name that also chooses a plural or select branch keeps its number.
  for (const s of selectors) names.delete(s);
  return names;
}

/**
 * A message with parts marked up (`<b>92.5%</b> adherence today`): each tag's function draws its words, so the
 * figure stays an element of its own wherever the language puts it in the sentence.
 */
export function tx<T>(
  key: MessageKey,
  values: Record<string, string | number>,
  tags: Record<string, (chunks: Array<string | T>) => T>,
): Array<string | T> {
  const c = formatOf(key);
  const f = c.format;
  const out = f.format<T>({ ...numbersSaid(c, values), ...tags } as Parameters<typeof f.format<T>>[0]);
  return Array.isArray(out) ? out : [out];
}

/**
 * A message to say later, in the language of that moment: for words found before the page's language is known
 * (the Genesys Cloud frame's values are read first, to choose it).
 */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** The message in the page's language now. */
export function said(m: Message): string {
  return t(m.key, m.values);
}

/** Re-renders the component when the language changes; returns the locale. */
export function useLocale(): Locale {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => locale,
  );
}

/**
 * A table of words that follows the page's language: each read says its message in the language of that moment,
 * so a module-level table (a column's header, a state's label) needs no re-creating when the language changes.
 */
export function wordTable<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[])
    Object.defineProperty(table, name, { enumerable: true, get: () => t(keys[name]) });
  return table;
}

/**
 * Org text (a name a person typed) set inside a message: isolated with Unicode's first-strong isolate, so an
 * Arabic or Hebrew name does not reorder the words around it — <bdi>'s twin for plain strings (titles, labels).
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
