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
import { countWords } from '../words.js';

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
      ? 'Give both times as a date and a time.'
      : end <= start
        ? 'The window ends before it starts.'
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
              `${names.get(e.agent.id) ?? 'An agent'} at ${formatTime(Date.parse(e.startDate))}: ${problemWords(err)}`,
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
      <h3 id="bulk-review-title">Review waiting explanations together</h3>
      <p className="hint">
        Every explanation waiting for review whose time starts in the window, approved or declined at once (for instance
        all of a mass deviation). Times in {timeZone}.
      </p>
      <div className="toolbar">
        <label>
          Starting from{' '}
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-invalid={!!problem}
          />
        </label>
        <label>
          until{' '}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!problem} />
        </label>
      </div>
      <p role="status" data-testid="bulk-count">
        {problem ??
          (waiting.length === 0
            ? 'No explanation is waiting for review in this window.'
            : `${countWords(waiting.length, 'explanation')} waiting for review in this window.`)}
      </p>
      {waiting.length > 0 && !busy ? (
        asking ? (
          <div className="toolbar" role="group" aria-label="Confirm">
            <span data-testid="bulk-confirm">
              {asking === 'Approved' ? 'Approve' : 'Decline'} these {countWords(waiting.length, 'explanation')}? Each
              agent is told, and this cannot be undone here.
            </span>
            <button type="button" onClick={() => void run(asking, waiting)}>
              Yes, {asking === 'Approved' ? 'approve' : 'decline'} {waiting.length}
            </button>
            <button type="button" onClick={() => setAsking(undefined)}>
              Back
            </button>
          </div>
        ) : (
          <div className="toolbar">
            <button type="button" onClick={() => setAsking('Approved')}>
              Approve all {waiting.length}…
            </button>
            <button type="button" onClick={() => setAsking('Denied')}>
              Decline all {waiting.length}…
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
  if (p.done < p.total)
    return `${p.decision === 'Approved' ? 'Approving' : 'Declining'}: ${p.done} of ${p.total} done…`;
  const reviewed = p.total - p.failed.length - p.skipped;
  const skipped =
    p.skipped === 0
      ? ''
      : p.skipped === 1
        ? ' 1 was reviewed by someone else meanwhile and left as it was.'
        : ` ${p.skipped} were reviewed by someone else meanwhile and left as they were.`;
  const failed = p.failed.length ? ` ${p.failed.length} could not be reviewed:` : '';
  return `${p.decision === 'Approved' ? 'Approved' : 'Declined'} ${reviewed} of ${p.total}.${skipped}${failed}`;
}
