/** @module What each colour of the day rows means: beside every timeline (the agent's day, history's). */
import { t } from '../i18n/i18n.js';
import { activityWords } from '../words.js';
import { CATEGORY_CLASS } from './DayRows.js';

export function DayLegend({ extra = [] }: { extra?: Array<[className: string, words: string]> }) {
  return (
    <ul className="legend" aria-label={t('day.colours')}>
      {Object.entries(CATEGORY_CLASS).map(([c, cls]) => (
        <li key={c}>
          <span className={`swatch ${cls}`} aria-hidden="true" />
          {activityWords(c)}
        </li>
      ))}
      <li>
        <span className="swatch exception" aria-hidden="true" />
        {t('day.exception')}
      </li>
      {extra.map(([cls, words]) => (
        <li key={cls}>
          <span className={`swatch ${cls}`} aria-hidden="true" />
          {words}
        </li>
      ))}
    </ul>
  );
}
