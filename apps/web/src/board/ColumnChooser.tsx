/**
 * @module The board's column chooser: show, hide and reorder columns with the keyboard or the mouse; a column with
 * nothing to show for this user (a permission the role lacks) is listed with the reason instead of a checkbox.
 */
import { t } from '../i18n/i18n.js';
import { moveColumn } from './columns.js';

export function ColumnChooser({
  columns,
  shown,
  unavailable,
  onChange,
}: {
  columns: ReadonlyArray<{ key: string; label: string }>;
  /** The keys shown, in order (the name column first). */
  shown: readonly string[];
  /** Columns with nothing to show for this user, and why. */
  unavailable: ReadonlyMap<string, string>;
  onChange: (shown: string[]) => void;
}) {
  const label = (key: string) => columns.find((c) => c.key === key)?.label ?? key;
  const hidden = columns.filter((c) => !shown.includes(c.key) && !unavailable.has(c.key));
  return (
    <details className="column-chooser">
      <summary>{t('columns.title')}</summary>
      <ul aria-label={t('columns.shown')}>
        {shown
          .filter((k) => !unavailable.has(k))
          .map((k, i, list) => (
            <li key={k} data-column-choice={k}>
              <label>
                <input
                  type="checkbox"
                  checked
                  disabled={k === 'name'}
                  onChange={() => onChange(shown.filter((x) => x !== k))}
                />{' '}
                {label(k)}
              </label>
              {k === 'name' ? null : (
                <>
                  <button
                    type="button"
                    aria-label={t('columns.moveLeft', { column: label(k) })}
                    disabled={i <= 1}
                    onClick={() => onChange(moveColumn(shown, k, -1))}
                  >
                    ←
                  </button>
                  <button
                    type="button"
                    aria-label={t('columns.moveRight', { column: label(k) })}
                    disabled={i === list.length - 1}
                    onClick={() => onChange(moveColumn(shown, k, 1))}
                  >
                    →
                  </button>
                </>
              )}
            </li>
          ))}
      </ul>
      {hidden.length ? (
        <ul aria-label={t('columns.hidden')}>
          {hidden.map((c) => (
            <li key={c.key} data-column-choice={c.key}>
              <label>
                <input type="checkbox" checked={false} onChange={() => onChange([...shown, c.key])} /> {c.label}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {unavailable.size ? (
        <ul aria-label={t('columns.unavailable')} className="hint">
          {[...unavailable].map(([key, why]) => (
            <li key={key} data-column-unavailable={key}>
              {t('columns.why', { column: label(key), why })}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
