/**
 * @module Whether a translation is sound against the English source: every key, no other, each message valid ICU
 * with the same arguments. Run by the tests and by the build (vite.config.ts), so a broken placeholder fails both.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue } from './messages/en.js';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The argument names a message uses (select and plural options searched too). */
export function argumentsOf(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  const walk = (ast: Ast) => {
    type Element = { type: number; value?: unknown; options?: Record<string, { value: Ast }>; children?: Ast };
    for (const el of ast as Element[]) {
      // Types 1–6: argument, number, date, time, select, plural (the parser's TYPE enum); 8, a tag (<b>…</b>),
      // named as "<b>" so a translation that drops or renames the markup is caught like a lost argument.
      if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') names.add(el.value);
      if (el.type === 8 && typeof el.value === 'string') names.add(`<${el.value}>`);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return names;
}

/** Each problem of `catalogue` against `source`, in words; empty when sound. */
export function catalogueProblems(
  locale: string,
  catalogue: Readonly<Record<string, string>>,
  source: Catalogue,
): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(source)) {
    const message = catalogue[key];
    if (message === undefined) {
      problems.push(`${locale}: ${key} is missing`);
      continue;
    }
    let args: Set<string>;
    try {
      args = argumentsOf(message, locale);
    } catch (e) {
      problems.push(`${locale}: ${key} is not a valid ICU message (${(e as Error).message})`);
      continue;
    }
    const want = argumentsOf(source[key as keyof Catalogue], 'en');
    const missing = [...want].filter((a) => !args.has(a));
    const extra = [...args].filter((a) => !want.has(a));
    const said = [
      missing.length ? `lacks {${missing.join('}, {')}}` : '',
      extra.length ? `has unknown {${extra.join('}, {')}}` : '',
    ].filter(Boolean);
    if (said.length) problems.push(`${locale}: ${key} ${said.join(' and ')}`);
  }
  for (const key of Object.keys(catalogue)) if (!(key in source)) problems.push(`${locale}: ${key} is not in English`);
  return problems;
}
