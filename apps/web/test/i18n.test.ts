// Issue 21, item 2: the message catalogues — complete in every language, the same arguments as English, valid ICU
// (the build runs the same check), the glossary's words for the WFM terms — and the choice of language, with bad
// tags falling back to English and saying why.
import { describe, expect, it } from 'vitest';
import { catalogueProblems } from '../src/i18n/catalogue-check.js';
import { GLOSSARY, OTHER_SENSE, TERMS } from '../src/i18n/glossary.js';
import { switchLocale, t } from '../src/i18n/i18n.js';
import { pickLocale } from '../src/i18n/locales.js';
import { activityInSentence, activityWords, hoursMinutes, percentWords } from '../src/words.js';
import { en } from '../src/i18n/messages/en.js';
import { es } from '../src/i18n/messages/es.js';
import { ptBR } from '../src/i18n/messages/pt-BR.js';
import { fr } from '../src/i18n/messages/fr.js';
import { de } from '../src/i18n/messages/de.js';
import { ja } from '../src/i18n/messages/ja.js';

const TRANSLATIONS = { es, 'pt-BR': ptBR, fr, de, ja } as const;

describe('the catalogues', () => {
  it.each(Object.entries(TRANSLATIONS))(
    '%s has every key, no other, each valid with English’s arguments',
    (locale, c) => {
      expect(catalogueProblems(locale, c, en)).toEqual([]);
    },
  );

  it('names a missing key, a broken placeholder, an unknown argument and invalid ICU', () => {
    const { 'nav.history': _, ...lacking } = de;
    expect(catalogueProblems('de', lacking, en)).toEqual(['de: nav.history is missing']);
    expect(catalogueProblems('de', { ...de, 'nav.notAvailable': 'Es fehlt {fehlend}' }, en)).toEqual([
      'de: nav.notAvailable lacks {missing} and has unknown {fehlend}',
    ]);
    expect(catalogueProblems('de', { ...de, 'board.agents': '{count, plural, one {# Agent}' }, en)[0]).toMatch(
      /^de: board\.agents is not a valid ICU message/,
    );
    expect(catalogueProblems('de', { ...de, extra: 'x' }, en)).toEqual(['de: extra is not in English']);
    // Markup is part of the message: a translation that drops the figure's <b> would show it unmarked.
    expect(catalogueProblems('de', { ...de, 'wall.today': '{percent} Adhärenz heute (Ziel {target})' }, en)).toEqual([
      'de: wall.today lacks {<b>}',
    ]);
  });

  it.each(Object.entries(GLOSSARY))('%s says each WFM term with its glossary’s word', (locale, words) => {
    let checked = 0;
    for (const [key, message] of Object.entries(en))
      for (const term of TERMS)
        // Argument names ({exceptions}) are not words of the message.
        if (
          OTHER_SENSE[key] !== term &&
          new RegExp(`\\b${term}s?\\b`, 'i').test(message.replace(/\{\s*\w+\s*[,}]/g, ''))
        ) {
          checked++;
          const translated = TRANSLATIONS[locale as keyof typeof TRANSLATIONS][key as keyof typeof en].toLowerCase();
          expect(
            words[term].some((w) => translated.includes(w)),
            `${locale} ${key}: “${translated}” should say ${words[term].join(' or ')}`,
          ).toBe(true);
        }
    expect(checked).toBeGreaterThan(0);
  });

  it('formats plurals by each language’s rules', async () => {
    await switchLocale('de');
    expect([t('board.agents', { count: 1 }), t('board.agents', { count: 1500 })]).toEqual(['1 Agent', '1.500 Agenten']);
    await switchLocale('ja');
    expect(t('board.agents', { count: 1 })).toBe('1 人のエージェント');
    await switchLocale('en');
    expect(t('board.agents', { count: 20000 })).toBe('20,000 agents');
  });
});

describe('numbers in the page’s language', () => {
  it('percentages round as the figure itself does, placed by each language’s pattern', async () => {
    await switchLocale('en');
    for (const v of [92.45, 0.05, 99.95, 100, 7.25]) expect(percentWords(v)).toBe(`${v.toFixed(1)}%`);
    expect(percentWords(90, 0)).toBe('90%');
    await switchLocale('de');
    expect(percentWords(92.45)).toBe('92,5\u00a0%');
    expect(hoursMinutes(5 * 3600 + 2 * 60)).toBe('5\u00a0Std. 02\u00a0Min.');
    await switchLocale('ja');
    expect(percentWords(92.45)).toBe('92.5%');
    expect(hoursMinutes(190)).toBe('3分10秒');
    await switchLocale('fr');
    expect(percentWords(92.45)).toBe('92,5\u00a0%');
    await switchLocale('en');
  });

  it('numbers in plain arguments are written in the language; plurals and selects keep theirs', async () => {
    await switchLocale('en');
    expect(t('hist.genesysCounts', { count: 99423 })).toMatch(/^\(Genesys counts 99,423 by day/);
    expect(t('hist.exceptionsMatch', { shown: 1200, count: 99320 })).toBe('1,200 of 99,320 exceptions match');
    await switchLocale('de');
    expect(t('hist.genesysCounts', { count: 99423 })).toMatch(/^\(Genesys zählt 99\.423 pro Tag/);
    expect(t('hist.onWeekday', { day: 1, weekday: 'Montag' })).toBe('montags');
    await switchLocale('en');
  });

  it('an activity inside a sentence is written as the language writes it there; as a label, capitalised', async () => {
    const what = () =>
      t('wall.what', { scheduled: activityInSentence('OnQueueWork'), actual: activityInSentence('Unavailable') });
    await switchLocale('en');
    expect(what()).toBe('scheduled on queue, actually unavailable');
    expect(activityWords('OnQueueWork')).toBe('On queue');
    await switchLocale('de');
    expect(what()).toBe('geplant in der Warteschlange, tatsächlich nicht verfügbar');
    expect(activityInSentence('Meal')).toBe('Mahlzeit'); // a German noun keeps its capital
    // A category Genesys adds later is shown as Genesys spells it.
    expect(activityInSentence('Huddle')).toBe('Huddle');
    await switchLocale('en');
  });
});

describe('choosing the language', () => {
  it('takes the first language Adhere speaks, by region or by language alone', () => {
    expect(pickLocale(['de-AT', 'en'])).toEqual({ locale: 'de', problem: undefined });
    expect(pickLocale(['pt-pt'])).toEqual({ locale: 'pt-BR', problem: undefined });
    expect(pickLocale(['pt-br'])).toEqual({ locale: 'pt-BR', problem: undefined });
    expect(pickLocale(['ko', 'ja-JP'])).toEqual({ locale: 'ja', problem: undefined });
    expect(pickLocale([])).toEqual({ locale: 'en', problem: undefined });
  });

  it('falls back to English and says why: unknown, malformed, 10,000 characters', () => {
    expect(pickLocale(['ko'])).toEqual({ locale: 'en', problem: { kind: 'unsupported', tag: 'ko' } });
    expect(pickLocale(['en_US!'])).toEqual({ locale: 'en', problem: { kind: 'malformed', tag: 'en_US!' } });
    const long = pickLocale(['de'.repeat(5000)]);
    expect(long.locale).toBe('en');
    expect(long.problem!.kind).toBe('malformed');
    expect(long.problem!.tag.length).toBeLessThanOrEqual(41);
  });
});
