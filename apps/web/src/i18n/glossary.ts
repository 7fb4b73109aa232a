/**
 * @module The WFM words, said the same way every time in each language: a message whose English uses a term must
 * use the language's word for it, in one of its forms (singular, plural; i18n.test.ts checks). Only the
 * nouns count: "scheduled" is not "schedule". Words as Genesys Cloud's own translated UI uses them where
 * known; to be confirmed by WFM users of each language.
 */
import type { Locale } from './locales.js';

export const TERMS = ['adherence', 'conformance', 'exception', 'explanation', 'shrinkage', 'schedule'] as const;
export type Term = (typeof TERMS)[number];

/** Messages whose English uses a term's word in another sense ("Schedule coaching": a verb), not checked for it. */
export const OTHER_SENSE: Readonly<Record<string, Term>> = {
  'coaching.schedule': 'schedule',
  'coaching.scheduleEllipsis': 'schedule',
};

export const GLOSSARY: Record<Exclude<Locale, 'en'>, Record<Term, readonly string[]>> = {
  es: {
    adherence: ['adherencia'],
    conformance: ['conformidad'],
    exception: ['excepción', 'excepciones'],
    explanation: ['explicación', 'explicaciones'],
    shrinkage: ['reducción'],
    schedule: ['horario', 'horarios'],
  },
  'pt-BR': {
    adherence: ['aderência'],
    conformance: ['conformidade'],
    exception: ['exceção', 'exceções'],
    explanation: ['explicação', 'explicações'],
    shrinkage: ['redução'],
    schedule: ['escala', 'escalas'],
  },
  fr: {
    adherence: ['adhérence'],
    conformance: ['conformité'],
    exception: ['exception'],
    explanation: ['explication'],
    shrinkage: ['réduction'],
    schedule: ['planning'],
  },
  de: {
    adherence: ['adhärenz'],
    conformance: ['konformität'],
    exception: ['ausnahme'],
    explanation: ['erklärung'],
    shrinkage: ['schwund'],
    schedule: ['dienstplan', 'dienstpläne'],
  },
  ja: {
    adherence: ['遵守'],
    conformance: ['準拠'],
    exception: ['例外'],
    explanation: ['説明'],
    shrinkage: ['シュリンケージ'],
    schedule: ['スケジュール'],
  },
};
