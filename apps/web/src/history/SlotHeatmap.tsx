/** @module When in the week exceptions happen: exception minutes per weekday and 30-minute slot, in the unit's zone. */
import { t } from '../i18n/i18n.js';
import { clockTime, weekdayWords } from '../words.js';

export function SlotHeatmap({ grid, timeZone }: { grid: number[][]; timeZone: string }) {
  const max = Math.max(1, ...grid.flat());
  // Monday first, as a working week reads.
  const order = [1, 2, 3, 4, 5, 6, 0];
  return (
    <section aria-labelledby="slots-title">
      <h2 id="slots-title">{t('hist.view.week')}</h2>
      <p className="hint">{t('hist.slotsHint', { zone: timeZone })}</p>
      <p className="heat-scale" data-testid="heat-scale">
        <span>{t('hist.scale')}</span>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <span key={f} className="heat-step">
            <span className="heat-swatch" style={{ ['--heat' as string]: String(f) }} aria-hidden="true" />
            {t('duration.m', { m: Math.round((f * max) / 60) })}
          </span>
        ))}
      </p>
      <div className="results-scroll wide" tabIndex={0} aria-label={t('hist.slotsLabel')}>
        <table className="heatmap" data-testid="heatmap">
          <thead>
            <tr>
              <th scope="col">{t('hist.th.day')}</th>
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
                <th scope="row">{weekdayWords(w)}</th>
                {grid[w]!.map((sec, s) => (
                  <td
                    key={s}
                    title={t('hist.slotTitle', {
                      day: weekdayWords(w),
                      time: clockTime(s * 30),
                      minutes: t('duration.m', { m: Math.round(sec / 60) }),
                    })}
                    style={{ ['--heat' as string]: String(sec / max) }}
                    data-minutes={Math.round(sec / 60)}
                  >
                    <span className="visually-hidden">{t('duration.m', { m: Math.round(sec / 60) })}</span>
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
