/**
 * @module Bulk review (issue 20, item 2): the explanations waiting for review whose time starts in a window (say,
 * the half hour of a mass deviation) approved or declined in one action, after a confirmation that says how many,
 * since nothing here undoes it. Each is read first (one reviewed elsewhere meanwhile is left as it is), then given
 * Genesys's own review (PATCH …/adherence/explanations/{id}); a few at a time,
 * so a large batch stays inside the org's rate limit; what failed is said, and can be tried again.
 */
import { useMemo, useState } from 'react';
import { getExplanation, reviewExplanation, type AdherenceExplanation, type GenesysClient } from '@adhere/genesys';
import { fromDateTimeInput, toDateTimeInput } from '../datetime-input.js';
import { problemWords } from '../access/denied.js';
import { isolate, t } from '../i18n/i18n.js';

/** Reviews sent at once: a batch of hundreds goes through without tripping the org's rate limit. */
const AT_ONCE = 3;

type Decision = 'Approved' | 'Denied';

export function BulkReview({
  client,
  explanations,
  timeZone,
  rangeStart,
  rangeEnd,
  names,
  formatTime,
}: {
  client: GenesysClient;
  explanations: readonly AdherenceExplanation[];
  timeZone: string;
  rangeStart: number;
  rangeEnd: number;
  names: ReadonlyMap<string, string>;
  formatTime: (t: number) => string;
}) {
  const [from, setFrom] = useState(() => toDateTimeInput(rangeStart, timeZone));
  const [to, setTo] = useState(() => toDateTimeInput(rangeEnd, timeZone));
  const [asking, setAsking] = useState<Decision>();
  const [progress, setProgress] = useState<{
    done: number;
    total: number;
    failed: string[];
    /** Reviewed by someone else since the list was shown: left as they were. */
    skipped: number;
    decision: Decision;
  }>();
  const [busy, setBusy] = useState(false);
  const start = fromDateTimeInput(from, timeZone);
  const end = fromDateTimeInput(to, timeZone);
  const problem =
    start === undefined || end === undefined
      ? t('hist.bulk.giveBoth')
      : end <= start
        ? t('hist.bulk.endsBefore')
        : undefined;
  const waiting = useMemo(
    () =>
      problem
        ? []
        : explanations
            .filter((e) => {
              const s = Date.parse(e.startDate);
              return e.status === 'Pending' && s >= start! && s < end!;
            })
            .sort((a, b) => Date.parse(a.startDate) - Date.parse(b.startDate)),
    [explanations, start, end, problem],
  );

  const run = async (decision: Decision, list: readonly AdherenceExplanation[]) => {
    setAsking(undefined);
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    let skipped = 0;
    setProgress({ done, total: list.length, failed, skipped, decision });
    const queue = [...list];
    await Promise.all(
      Array.from({ length: Math.min(AT_ONCE, queue.length) }, async () => {
        for (let e = queue.shift(); e; e = queue.shift()) {
          try {
            // Read as it stands first: one reviewed elsewhere since the list was shown is left as it is, never
            // overturned by a bulk action (the agent's day offers overruling one at a time).
            if ((await getExplanation(client, e.agent.id, e.id)).status !== 'Pending') skipped++;
            else await reviewExplanation(client, e.agent.id, e.id, decision);
          } catch (err) {
            failed.push(
              t('hist.bulk.failedLine', {
                name: isolate(names.get(e.agent.id) ?? t('alerts.anAgent')),
                at: formatTime(Date.parse(e.startDate)),
                problem: problemWords(err),
              }),
            );
          }
          done++;
          setProgress({ done, total: list.length, failed: [...failed], skipped, decision });
        }
      }),
    );
    setBusy(false);
  };

  return (
    <section className="bulk-review" aria-labelledby="bulk-review-title" data-testid="bulk-review">
      <h3 id="bulk-review-title">{t('hist.bulk.title')}</h3>
      <p className="hint">{t('hist.bulk.hint', { zone: timeZone })}</p>
      <div className="toolbar">
        <label>
          {t('hist.bulk.from')}{' '}
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={!!problem}
          />
        </label>
        <label>
          {t('hist.bulk.until')}{' '}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!problem} />
        </label>
      </div>
      <p role="status" data-testid="bulk-count">
        {problem ?? (waiting.length === 0 ? t('hist.bulk.none') : t('hist.bulk.waiting', { count: waiting.length }))}
      </p>
      {waiting.length > 0 && !busy ? (
        asking ? (
          <div className="toolbar" role="group" aria-label={t('hist.bulk.confirm')}>
            <span data-testid="bulk-confirm">{t('hist.bulk.ask', { decision: asking, count: waiting.length })}</span>
            <button type="button" onClick={() => void run(asking, waiting)}>
              {t('hist.bulk.yes', { decision: asking, count: waiting.length })}
            </button>
            <button type="button" onClick={() => setAsking(undefined)}>
              {t('hist.bulk.back')}
            </button>
          </div>
        ) : (
          <div className="toolbar">
            <button type="button" onClick={() => setAsking('Approved')}>
              {t('hist.bulk.approveAll', { count: waiting.length })}
            </button>
            <button type="button" onClick={() => setAsking('Denied')}>
              {t('hist.bulk.declineAll', { count: waiting.length })}
            </button>
          </div>
        )
      ) : null}
      {progress ? (
        <p role="status" data-testid="bulk-progress">
          {progressWords(progress)}
        </p>
      ) : null}
      {progress && progress.failed.length > 0 ? (
        <ul className="hint" data-testid="bulk-failed">
          {progress.failed.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** "Approving: 3 of 10 done…", then "Approved 9 of 10. 1 was reviewed by someone else meanwhile and left as it was." */
function progressWords(p: { done: number; total: number; failed: string[]; skipped: number; decision: Decision }) {
  if (p.done < p.total) return t('hist.bulk.running', { decision: p.decision, done: p.done, total: p.total });
  const reviewed = p.total - p.failed.length - p.skipped;
  return [
    t('hist.bulk.done', { decision: p.decision, reviewed, total: p.total }),
    p.skipped ? t('hist.bulk.skipped', { count: p.skipped }) : '',
    p.failed.length ? t('hist.bulk.failed', { count: p.failed.length }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}
