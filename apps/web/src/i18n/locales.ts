/**
 * @module The languages Adhere speaks, and which one to use: the person's choice in Settings, else Genesys
 * Cloud's (embedded, `{{gcLangTag}}`), else the browser's. A tag that is unknown, malformed or absurdly long falls
 * back to English, and the reason is kept so the page can say it.
 */
export const LOCALES = ['en', 'es', 'pt-BR', 'fr', 'de', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own name, for the chooser. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
  ja: '日本語',
};

/** Scripts written right to left (none of today's languages; `dir` is set from here all the same). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** BCP 47 tags are short; anything longer is not one (and is not echoed whole). */
const MAX_TAG = 35;

/** Why a tag asked for was not used: not a language tag at all, or a language Adhere does not speak. */
export interface LocaleProblem {
  kind: 'malformed' | 'unsupported';
  /** The tag as asked, cut to 40 characters (a 10,000-character value is not echoed whole). */
  tag: string;
}

export interface LocalePick {
  locale: Locale;
  /** Set when Adhere fell back to English because of what was asked. */
  problem: LocaleProblem | undefined;
}

const shown = (tag: string) => (tag.length > 40 ? `${tag.slice(0, 40)}…` : tag);

/** The best of `LOCALES` for one requested tag, or why none fits. */
export function matchLocale(tag: string): { locale: Locale | undefined; problem: LocaleProblem | undefined } {
  const malformed = { locale: undefined, problem: { kind: 'malformed' as const, tag: shown(tag) } };
  if (tag.length > MAX_TAG) return malformed;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0]!;
  } catch {
    return malformed;
  }
  const exact = LOCALES.find((l) => l.toLowerCase() === canonical.toLowerCase());
  if (exact) return { locale: exact, problem: undefined };
  const language = new Intl.Locale(canonical).language;
  // Portuguese is Brazilian Portuguese here (the one Genesys Cloud ships); any other variant takes its language.
  const byLanguage = LOCALES.find((l) => l.split('-')[0] === language);
  if (byLanguage) return { locale: byLanguage, problem: undefined };
  return { locale: undefined, problem: { kind: 'unsupported', tag: shown(canonical) } };
}

/** The first of `requested` Adhere speaks; English with the first reason otherwise. */
export function pickLocale(requested: readonly (string | undefined)[]): LocalePick {
  let problem: LocaleProblem | undefined;
  for (const tag of requested) {
    if (tag === undefined || tag === '') continue;
    const m = matchLocale(tag);
    if (m.locale) return { locale: m.locale, problem: undefined };
    problem ??= m.problem;
  }
  return { locale: 'en', problem };
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0]!) ? 'rtl' : 'ltr';
}
