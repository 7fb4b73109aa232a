/**
 * @module "Today so far" on My day (issue 20, item 4): the agent's own adherence (raw and adjusted), where the
 * day is going (projection and budget against the unit's target), and each exception with what became of its
 * explanation, or a button to explain it. Read from Genesys's agent route when the page opens and every five
 * minutes (a job each time: Genesys counts, the page does not guess between reads); explanations are the page's,
 * live, so an approval moves the adjusted figure at once.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  localMinuteOfDay,
  myHistoricalAdherence,
  type AdherenceExplanation,
  type AgentSchedule,
  type GenesysClient,
  type MyHistoricalResult,
} from '@adhere/genesys';
import { tabNotifications } from '../notifications.js';
import { problemWords } from '../access/denied.js';
import { adjustedSays } from '../history/adjusted.js';
import { clockTime, explanationWords, hoursMinutes, minutesWords, percentWords, routingWords } from '../words.js';
import { t, tx } from '../i18n/i18n.js';
import { transitionName } from '../history/patterns.js';
import { myFigures, type MyException } from './my-figures.js';

/** How often Genesys's count is read again while the page is open. */
const REREAD_MS = 5 * 60_000;

/** "Late back from Break"; for time on queue as scheduled, what the routing status was. */
function whatWords(x: MyException): string {
  const what = transitionName(x.scheduledCategory ?? 'Unscheduled', x.actualCategory ?? 'Unavailable');
  return x.scheduledCategory === x.actualCategory && x.routingStatus
    ? t('me.whatRouting', { what, routing: routingWords(x.routingStatus) })
    : what;
}

export function MyFigures({
  client,
  zone,
  day,
  schedule,
  explanations,
  onExplain,
}: {
  client: GenesysClient;
  zone: string;
  day: { start: number; end: number };
  schedule: AgentSchedule | undefined;
  explanations: readonly AdherenceExplanation[];
  /** Called with an exception the agent chose to explain. */
  onExplain: ((x: MyException) => void) | undefined;
}) {
  const [result, setResult] = useState<MyHistoricalResult | string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), REREAD_MS);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    const ac = new AbortController();
    myHistoricalAdherence(client, {
      startDate: new Date(day.start).toISOString(),
      timeZone: zone,
      expand: ['exceptionInfo'],
      signal: ac.signal,
      notifications: tabNotifications(client),
    }).then(
      (r) => !ac.signal.aborted && setResult(r),
      (e: unknown) => !ac.signal.aborted && setResult(t('me.figuresMissing', { problem: problemWords(e) })),
    );
    return () => ac.abort();
  }, [client, zone, day.start, tick]);
  const figures = useMemo(
    () => (result && typeof result !== 'string' ? myFigures(result, explanations, schedule, day) : undefined),
    [result, explanations, schedule, day],
  );
  const at = (t: number) => clockTime(localMinuteOfDay(zone, t));

  if (result === undefined) return <p role="status">{t('me.readingFigures')}</p>;
  if (typeof result === 'string') return <p className="hint">{result}</p>;
  if (!figures) return <p className="hint">{t('me.noFigures')}</p>;
  const { projection: p, targetPercent: target } = figures;
  return (
    <>
      <p data-testid="my-figures">
        {figures.raw === undefined
          ? t('me.nothingSoFar')
          : tx(
              'me.figures',
              {
                raw: percentWords(figures.raw, 2),
                adjusted: percentWords(figures.adjusted!, 2),
                target: percentWords(target, 0),
              },
              {
                low: (c) => <strong className={figures.raw! < target ? 'below-target' : undefined}>{c}</strong>,
                b: (c) => <strong>{c}</strong>,
              },
            )}
        <span className="hint"> {t('me.asOf', { at: at(figures.asOf) })}</span>
      </p>
      <p data-testid="my-projection">
        {p.projectedPercent === undefined ? (
          t('me.noProjection')
        ) : (
          <>
            {tx<React.ReactNode>(
              'me.projected',
              { percent: percentWords(p.projectedPercent) },
              { b: (c) => <strong>{c}</strong> },
            )}{' '}
            ·{' '}
            {p.budgetMs < 0 ? (
              <strong className="below-target">
                {t('me.missedBy', { target: percentWords(target, 0), time: minutesWords(-p.budgetMs) })}
              </strong>
            ) : (
              tx<React.ReactNode>(
                'me.left',
                { time: minutesWords(p.budgetMs), target: percentWords(target, 0) },
                { b: (c) => <strong>{c}</strong> },
              )
            )}
          </>
        )}
      </p>
      <p className="hint">
        {adjustedSays()} {t('me.projectionSays')}
      </p>
      <h3>{t('me.exceptionsTitle')}</h3>
      {figures.exceptions.length === 0 ? (
        <p className="hint">{t('me.noneSoFar')}</p>
      ) : (
        <ul className="my-exceptions" data-testid="my-exceptions">
          {figures.exceptions.map((x) => (
            <li key={x.start}>
              {at(x.start)}–{at(x.end)} ({hoursMinutes(Math.round((x.end - x.start) / 1000))}): {whatWords(x)} —{' '}
              {x.explanation ? (
                <strong>{explanationWords(x.explanation.status)}</strong>
              ) : onExplain ? (
                <button type="button" onClick={() => onExplain(x)}>
                  {t('me.explainThis')}
                </button>
              ) : (
                t('me.notExplained')
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
