import { memo, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  width: string;
  render: (row: T) => ReactNode;
  sortable?: boolean;
}

interface RowProps<T> {
  row: T;
  index: number;
  rowKey: string;
  columns: Column<T>[];
  template: string;
  rowHeight: number;
  epoch: readonly unknown[];
}

/**
 * One row. Re-rendered only when its record, its place or the table's `epoch` changes: at 600 changes a
 * second a frame changes a handful of the 40 rows on screen, and re-rendering all 40 × 13 cells every frame
 * cost the frame. `columns` is not compared: what its renderers read beside the row is in `epoch`.
 */
const VRow = memo(
  function VRow<T>({ row, index, rowKey, columns, template, rowHeight }: RowProps<T>) {
    return (
      <div
        data-key={rowKey}
        role="row"
        aria-rowindex={index + 2}
        className="vtable-row"
        style={{ gridTemplateColumns: template, transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
      >
        {columns.map((c) => (
          <div key={c.key} role="cell" data-column={c.key}>
            {c.render(row)}
          </div>
        ))}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.epoch.length === b.epoch.length &&
    a.epoch.every((v, i) => Object.is(v, b.epoch[i])) &&
    a.template === b.template &&
    a.rowHeight === b.rowHeight &&
    a.columns.length === b.columns.length,
) as <T>(props: RowProps<T>) => ReactNode;

interface Props<T> {
  /**
   * What the column renderers read other than the row itself (the clock, names, settings), compared value
   * by value: rows whose record and place are unchanged are not re-rendered until one of these changes.
   */
  epoch?: readonly unknown[];
  /** How many rows there are; only those in view are asked for (`rowAt`), so 20,000 cost nothing a frame. */
  count: number;
  /** The row at an index, or undefined when it has gone since the order was made (a blank line until the next). */
  rowAt: (index: number) => T | undefined;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHeight?: number;
  label: string;
  sortKey?: string;
  descending?: boolean;
  onSort?: (key: string) => void;
}

const OVERSCAN = 8;
const NO_EPOCH: readonly unknown[] = [];

/** A windowed table: only the rows in view (plus a few) are in the DOM, whatever the row count. */
export function VirtualTable<T>({
  epoch,
  count,
  rowAt,
  columns,
  rowKey,
  rowHeight = 34,
  label,
  sortKey,
  descending,
  onSort,
}: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const template = columns.map((c) => c.width).join(' ');
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current!;
    const step = { ArrowDown: rowHeight, ArrowUp: -rowHeight, PageDown: el.clientHeight, PageUp: -el.clientHeight }[
      e.key
    ];
    if (step !== undefined) {
      el.scrollTop += step;
      e.preventDefault();
    } else if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
  };
  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div role="rowgroup">
        <div className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sortKey === c.key ? (descending ? 'descending' : 'ascending') : 'none'}
            >
              {c.sortable && onSort ? (
                <button type="button" onClick={() => onSort(c.key)}>
                  {c.label} {sortKey === c.key ? (descending ? '▼' : '▲') : ''}
                </button>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      {/* The scrolling body is the rowgroup itself, so the table owns rows only through rowgroups (ARIA). */}
      <div
        ref={scroller}
        className="vtable-body"
        role="rowgroup"
        tabIndex={0}
        aria-label={`${label}: scroll with arrow keys`}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKey}
      >
        <div style={{ height: count * rowHeight, position: 'relative' }} role="presentation">
          {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
            const row = rowAt(first + i);
            if (row === undefined) return null;
            const key = rowKey(row);
            return (
              <VRow
                key={key}
                row={row}
                index={first + i}
                rowKey={key}
                columns={columns}
                template={template}
                rowHeight={rowHeight}
                epoch={epoch ?? NO_EPOCH}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
