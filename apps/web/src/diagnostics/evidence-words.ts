/**
 * @module What a finding saw, in the page's language. The evidence is the request's own text (parameters, headers,
 * URLs), which stays as it was, and a few words of the library's notation around it ("(missing)", "<redacted>",
 * "(43 chars)", "configured: …; used: …"): those are said here. The notation is closed (finding-words.test.ts
 * runs every finding through this and finds no English word left in another language).
 */
import type { Finding } from '@adhere/oauth';
import { t } from '../i18n/i18n.js';

/** A match and its groups. */
type Rewrite = (m: string[]) => string;

/** Each piece of notation, and how it is said (the evidence's data in it kept as it was). */
const NOTATION: ReadonlyArray<[RegExp, Rewrite]> = [
  [/\(missing\)/g, () => `(${t('seen.missing')})`],
  [/\(none\)/g, () => `(${t('seen.none')})`],
  [/<redacted, user "([^"]*)">/g, (m) => `<${t('seen.redactedUser', { user: m[1]! })}>`],
  [/<redacted>/g, () => `<${t('seen.redacted')}>`],
  [/<from ([^>]*)>/g, (m) => `<${t('seen.from', { name: m[1]! })}>`],
  [/<(\d+) chars>/g, (m) => `<${t('seen.chars', { count: Number(m[1]) })}>`],
  [/\((\d+) chars\)/g, (m) => `(${t('seen.chars', { count: Number(m[1]) })})`],
  [/, ends with "="$/g, () => `, ${t('seen.endsWith', { text: '"="' })}`],
  [/, has ((?:"[^"]+" ?)+)$/g, (m) => `, ${t('seen.has', { text: m[1]!.trim() })}`],
  [/^characters: (.*)$/g, (m) => t('seen.characters', { text: m[1]! })],
  [/^code_challenge has 64 hex chars$/g, () => t('seen.hexChallenge')],
  [/^configured: (.*); used: (.*)$/g, (m) => t('seen.configuredUsed', { configured: m[1]!, used: m[2]! })],
  // The library writes the size as English does ("70,000").
  [/^([\d,]+) bytes$/g, (m) => t('seen.bytes', { count: Number(m[1]!.replace(/,/g, '')) })],
];

export function evidenceWords(f: Pick<Finding, 'code' | 'evidence' | 'values'>): string {
  // Its evidence is a sentence about the input, not a part of it: said whole, by how much was read.
  if (f.code === 'token_request_missing') return t('seen.noTokenRequest', { found: Number(f.values?.found ?? 0) });
  let text = f.evidence;
  for (const [pattern, rewrite] of NOTATION)
    text = text.replace(pattern, (...args: unknown[]) => rewrite(args.slice(0, -2) as string[]));
  return text;
}

/** The notation's patterns, for the test that every one of them is met. */
export const EVIDENCE_NOTATION: readonly RegExp[] = NOTATION.map(([p]) => p);
