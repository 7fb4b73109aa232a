/** @module Recurring exceptions per agent, each with the dates and minutes that show it. */
import { clockTime, hoursMinutes, WEEKDAYS } from '../words.js';
import type { Pattern } from './patterns.js';

export function PatternList({
  patterns,
  names,
  formatDate,
  covered,
}: {
  patterns: Pattern[];
  names: ReadonlyMap<string, string>;
  formatDate: (epochMs: number) => string;
  /** Whether the report holds exceptions for the four weeks a pattern needs. */
  covered: boolean;
}) {
  return (
    <section aria-labelledby="patterns-title">
      <h2 id="patterns-title">Patterns</h2>
      <p className="hint">
        The same lateness of 10 minutes to 2 hours, by the same agent, on the same weekday or at the same time of day,
        in at least 3 of the last 4 weeks of the report.
      </p>
      {!covered ? (
        <p role="note">Patterns need exceptions for at least the last 3 weeks: run a longer range with exceptions.</p>
      ) : patterns.length === 0 ? (
        <p>No recurring exceptions.</p>
      ) : (
        <ul className="patterns" data-testid="patterns">
          {patterns.map((p) => (
            <li
              key={`${p.userId}-${p.scheduled}-${p.actual}-${p.kind}-${p.weekday ?? p.minuteOfDay}`}
              data-user={p.userId}
              data-kind={p.kind}
              data-what={p.what}
            >
              <strong>{names.get(p.userId) ?? p.userId}</strong>: {p.what}{' '}
              {p.kind === 'weekday'
                ? `on ${WEEKDAYS[p.weekday!]}s`
                : `around ${clockTime(p.minuteOfDay!)} on working days`}{' '}
              — {p.weeks} of the last 4 weeks
              <details>
                <summary>Evidence: {p.occurrences.length} times</summary>
                <ul>
                  {p.occurrences.map((o) => (
                    <li key={o.start}>
                      {formatDate(o.start)}: {hoursMinutes(o.seconds)}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
