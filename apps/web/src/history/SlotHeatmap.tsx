/** @module When in the week exceptions happen: exception minutes per weekday and 30-minute slot, in the unit's zone. */
import { clockTime, WEEKDAYS } from '../words.js';

export function SlotHeatmap({ grid, timeZone }: { grid: number[][]; timeZone: string }) {
  const max = Math.max(1, ...grid.flat());
  // Monday first, as a working week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  return (
    <section aria-labelledby="slots-title">
      <h2 id="slots-title">When in the week</h2>
      <p className="hint">
        Minutes of exceptions in each half hour ({timeZone}), summed over the range: darker is worse.
      </p>
      <p className="heat-scale" data-testid="heat-scale">
        <span>Scale:</span>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <span key={f} className="heat-step">
            <span className="heat-swatch" style={{ ['--heat' as string]: String(f) }} aria-hidden="true" />
            {Math.round((f * max) / 60)} min
          </span>
        ))}
      </p>
      <div className="results-scroll wide" tabIndex={0} aria-label="Exception minutes per half hour">
        <table className="heatmap" data-testid="heatmap">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {Array.from({ length: 48 }, (_, s) => (
                <th scope="col" key={s} className={s % 4 === 0 ? undefined : 'minor'}>
                  <span className={s % 4 === 0 ? undefined : 'visually-hidden'}>{clockTime(s * 30)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((w) => (
              <tr key={w}>
                <th scope="row">{WEEKDAYS[w]}</th>
                {grid[w]!.map((sec, s) => (
                  <td
                    key={s}
                    title={`${WEEKDAYS[w]} ${clockTime(s * 30)}: ${Math.round(sec / 60)} min`}
                    style={{ ['--heat' as string]: String(sec / max) }}
                    data-minutes={Math.round(sec / 60)}
                  >
                    <span className="visually-hidden">{Math.round(sec / 60)} min</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
