/**
 * @module Recurring exceptions per agent, each with the dates and minutes that show it, and from each a coaching
 * session booked with that evidence (issue 20, item 5); a pattern whose agent has coaching booked says so.
 */
import { useEffect, useState, type ReactNode } from 'react';
import {
  coachingAppointmentsOf,
  type CoachingAppointment,
  type FeatureCheck,
  type GenesysClient,
} from '@adhere/genesys';
import { problemWords } from '../access/denied.js';
import { CoachingSection } from '../board/CoachingSection.js';
import { t, tx } from '../i18n/i18n.js';
import { clockTime, hoursMinutes, weekdayWords } from '../words.js';
import { transitionName, type Pattern } from './patterns.js';

/** The pattern and its evidence in words, for the coaching appointment's description. */
export function patternEvidence(name: string, p: Pattern, when: string, formatDate: (t: number) => string): string {
  return [
    t('hist.evidence', { name, what: transitionName(p.scheduled, p.actual), when, weeks: p.weeks }),
    t('hist.eachTime'),
    ...p.occurrences.map((o) => `- ${formatDate(o.start)}: ${hoursMinutes(o.seconds)}`),
  ].join('\n');
}

export function PatternList({
  patterns,
  names,
  formatDate,
  covered,
  client,
  timeZone,
  coaching,
}: {
  patterns: Pattern[];
  names: ReadonlyMap<string, string>;
  formatDate: (epochMs: number) => string;
  /** Whether the report holds exceptions for the four weeks a pattern needs. */
  covered: boolean;
  client: GenesysClient;
  timeZone: string;
  coaching: FeatureCheck | undefined;
}) {
  // What is booked for the agents with a pattern: one request for all of them (Genesys takes 100 a call).
  const users = [...new Set(patterns.map((p) => p.userId))];
  const key = users.join(',');
  const canBook = coaching !== undefined && coaching.available !== false;
  const [booked, setBooked] = useState<CoachingAppointment[] | string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!canBook || key === '') return;
    const ac = new AbortController();
    coachingAppointmentsOf(client, key.split(','), { signal: ac.signal }).then(
      setBooked,
      (e: Error) => !ac.signal.aborted && setBooked(t('coaching.bookedMissing', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client, key, canBook, version]);
  const bookedFor = (userId: string) =>
    typeof booked === 'string' ? booked : booked?.filter((a) => a.attendees?.some((u) => u.id === userId));
  const now = Date.now();
  return (
    <section aria-labelledby="patterns-title">
      <h2 id="patterns-title">{t('hist.view.patterns')}</h2>
      <p className="hint">{t('hist.patternsHint')}</p>
      {!covered ? (
        <p role="note">{t('hist.patternsNeed')}</p>
      ) : patterns.length === 0 ? (
        <p>{t('hist.noPatterns')}</p>
      ) : (
        <ul className="patterns" data-testid="patterns">
          {patterns.map((p) => {
            const name = names.get(p.userId) ?? p.userId;
            const when =
              p.kind === 'weekday'
                ? t('hist.onWeekday', { day: p.weekday!, weekday: weekdayWords(p.weekday!) })
                : t('hist.aroundTime', { time: clockTime(p.minuteOfDay!) });
            return (
              <li
                key={`${p.userId}-${p.scheduled}-${p.actual}-${p.kind}-${p.weekday ?? p.minuteOfDay}`}
                data-user={p.userId}
                data-kind={p.kind}
                data-what={p.what}
              >
                {tx<ReactNode>(
                  'hist.patternLine',
                  // Named as it is drawn, so it follows the page's language (p.what is the language it was found in).
                  { what: transitionName(p.scheduled, p.actual), when, weeks: p.weeks },
                  {
                    name: () => (
                      <strong key="name">
                        <bdi>{name}</bdi>
                      </strong>
                    ),
                  },
                )}
                <details>
                  <summary>{t('hist.evidenceTimes', { count: p.occurrences.length })}</summary>
                  <ul>
                    {p.occurrences.map((o) => (
                      <li key={o.start}>
                        {formatDate(o.start)}: {hoursMinutes(o.seconds)}
                      </li>
                    ))}
                  </ul>
                </details>
                <CoachingSection
                  client={client}
                  userId={p.userId}
                  name={name}
                  timeZone={timeZone}
                  now={now}
                  check={coaching}
                  headed={false}
                  evidence={() => patternEvidence(name, p, when, formatDate)}
                  booked={bookedFor(p.userId)}
                  onBooked={() => setVersion((v) => v + 1)}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
