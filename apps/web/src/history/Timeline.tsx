/** @module One agent's actual activity over the range, with adherence exceptions marked beneath. */
import type { HistoricalUserResult } from '@adhere/genesys';

const CATEGORY_CLASS: Record<string, string> = {
  OnQueueWork: 'cat-queue',
  Break: 'cat-break',
  Meal: 'cat-meal',
  Meeting: 'cat-meeting',
  Training: 'cat-training',
  OffQueueWork: 'cat-offqueue',
  Unavailable: 'cat-unavailable',
  TimeOff: 'cat-timeoff',
};

/** Actual activities over the range, with adherence exceptions marked beneath. */
export function Timeline({ result, name }: { result: HistoricalUserResult; name: string }) {
  const total = Math.max(
    1,
    ...result.actuals.map((a) => a.endOffsetSeconds),
    ...result.days.map((d) => d.dayStartOffsetSeconds + 86_400),
  );
  const x = (s: number) => (s / total) * 1000;
  return (
    <figure className="timeline">
      <figcaption>Timeline of {name}: actual activity (top) and exceptions (red, below)</figcaption>
      <svg
        viewBox="0 0 1000 60"
        width="100%"
        height="60"
        role="img"
        aria-label={`${result.exceptions.length} exceptions`}
      >
        {result.actuals
          .filter((a) => a.actualActivityCategory !== 'Unavailable')
          .map((a, i) => (
            <rect
              key={i}
              x={x(a.startOffsetSeconds)}
              y={4}
              width={Math.max(0.5, x(a.endOffsetSeconds) - x(a.startOffsetSeconds))}
              height={24}
              className={CATEGORY_CLASS[a.actualActivityCategory] ?? 'cat-other'}
            >
              <title>{a.actualActivityCategory}</title>
            </rect>
          ))}
        {result.exceptions.map((e, i) => (
          <rect
            key={`e${i}`}
            x={x(e.startOffsetSeconds)}
            y={34}
            width={Math.max(1, x(e.endOffsetSeconds) - x(e.startOffsetSeconds))}
            height={20}
            className="exception"
          >
            <title>{`Scheduled ${e.scheduledActivityCategory}, actual ${e.actualActivityCategory}`}</title>
          </rect>
        ))}
      </svg>
      <ul className="legend">
        {Object.entries(CATEGORY_CLASS).map(([c, cls]) => (
          <li key={c}>
            <span className={`swatch ${cls}`} aria-hidden="true" />
            {c}
          </li>
        ))}
        <li>
          <span className="swatch exception" aria-hidden="true" />
          Exception
        </li>
      </ul>
    </figure>
  );
}
