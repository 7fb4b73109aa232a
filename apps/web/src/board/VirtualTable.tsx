import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../i18n/i18n.js';
import { fitColumns, rowOffsets } from './table-layout.js';
import { MAX_COLUMN_REM, MIN_COLUMN_REM } from './columns.js';

export interface Column<T> {
  key: string;
  label: string;
  /** The narrowest the column may be (rem) with its usual content on at most two lines. */
  minRem: number;
  /** Its share of the room left over once every shown column has its minimum. */
  grow: number;
  /**
   * Which columns give way first when the table is narrow (a laptop, a phone, a zoomed page): the highest numbers.
   * A column that gives way moves into each row's details, never into "…" (issue 21, item 3).
   */
  priority: number;
  render: (row: T) => ReactNode;
  sortable?: boolean;
}

interface RowProps<T> {
  row: T;
  index: number;
  rowKey: string;
  shown: Column<T>[];
  moved: Column<T>[];
  template: string;
  top: number;
  expanded: boolean;
  onToggle: (key: string) => void;
  label: (row: T) => string;
  epoch: readonly unknown[];
}

/**
 * One row. Re-rendered only when its record, its place or the table's `epoch` changes: at 600 changes a
 * second a frame changes a handful of the 40 rows on screen, and re-rendering all 40 × 13 cells every frame
 * cost the frame. `columns` is not compared: what its renderers read beside the row is in `epoch`.
 */
const VRow = memo(
  function VRow<T>({ row, index, rowKey, shown, moved, template, top, expanded, onToggle, label }: RowProps<T>) {
    const detailsId = `row-more-${rowKey}`;
    return (
      <div
        data-key={rowKey}
        role="row"
        aria-rowindex={index + 2}
        className="vtable-row"
        style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      >
        {shown.map((c) => (
          <div key={c.key} role="cell" data-column={c.key}>
            {c.render(row)}
          </div>
        ))}
        {moved.length > 0 ? (
          <>
            <div role="cell" className="row-toggle">
              <button
                type="button"
                aria-expanded={expanded}
                aria-controls={detailsId}
                aria-label={t(expanded ? 'table.hideMore' : 'table.showMore', {
                  count: moved.length,
                  name: label(row),
                })}
                title={moved.map((c) => c.label).join(', ')}
                onClick={() => onToggle(rowKey)}
              >
                {expanded ? '▾' : '▸'}
              </button>
            </div>
            {/* Always rendered (hidden when closed): a narrow table shows the same cells, only elsewhere. */}
            <div id={detailsId} className="row-more" role="cell" hidden={!expanded}>
              {moved.map((c) => (
                <div key={c.key} className="row-more-item">
                  <span className="row-more-label">{c.label}</span> <span data-column={c.key}>{c.render(row)}</span>
                </div>
              ))}
            </div>
          </>
        ) : null}
      </div>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.top === b.top &&
    a.expanded === b.expanded &&
    a.epoch.length === b.epoch.length &&
    a.epoch.every((v, i) => Object.is(v, b.epoch[i])) &&
    a.template === b.template &&
    a.shown.length === b.shown.length &&
    a.moved.length === b.moved.length,
) as <T>(props: RowProps<T>) => ReactNode;

interface Props<T> {
  /**
   * What the column renderers read other than the row itself (the clock, names, settings), compared value
   * by value: rows whose record and place are unchanged are not re-rendered until one of these changes.
   */
  epoch?: readonly unknown[];
  /** The rows' keys in order; only those in view are looked up (`rowOf`), so 20,000 cost nothing a frame. */
  keys: readonly string[];
  /** The row of a key, or undefined when it has gone since the order was made (a blank line until the next). */
  rowOf: (key: string) => T | undefined;
  columns: Column<T>[];
  /** Who a row is, for the details button's name ("Show 4 more for Maria Garcia"). */
  rowLabel: (row: T) => string;
  /** A first guess at a row's height (px) until rows are measured. */
  rowHeight?: number;
  label: string;
  sortKey?: string;
  descending?: boolean;
  onSort?: (key: string) => void;
  /** A column resized (rem): by dragging its header's edge, or with the arrow keys on it. */
  onResize?: (key: string, rem: number) => void;
}

const OVERSCAN = 8;
const NO_EPOCH: readonly unknown[] = [];
/** The details button's column. */
const TOGGLE_REM = 2.75;

/**
 * A windowed table: only the rows in view (plus a few) are in the DOM, whatever the row count. Rows are as tall
 * as their text (measured, not assumed: a wrapped cell, a zoomed page or an opened row is taller), and columns
 * that do not fit the table's width give way by priority into each row's details.
 */
export function VirtualTable<T>({
  epoch,
  keys,
  rowOf,
  columns,
  rowLabel,
  rowHeight = 34,
  label,
  sortKey,
  descending,
  onSort,
  onResize,
}: Props<T>) {
  const table = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [box, setBox] = useState({ width: 0, remPx: 16 });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  // Measured heights by row key (a row keeps its height when the order moves it), and a version to re-lay out.
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);

  useEffect(() => {
    const el = scroller.current;
    const t = table.current;
    if (!el || !t) return;
    const ro = new ResizeObserver(() => {
      setHeight(el.clientHeight);
      const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setBox((b) => (b.width === t.clientWidth && b.remPx === remPx ? b : { width: t.clientWidth, remPx }));
    });
    ro.observe(el);
    ro.observe(t);
    return () => ro.disconnect();
  }, []);

  // One observer for every rendered row: it answers only when a row's size changes (wrapping, zoom, details).
  const observed = useRef(new Set<Element>());
  useLayoutEffect(() => {
    const ro = new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const key = (entry.target as HTMLElement).dataset.key;
        // The size the observer measured: no layout is read here.
        const h = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
        if (key === undefined || h === 0) continue;
        if (Math.abs((heights.current.get(key) ?? -1) - h) > 0.5) {
          heights.current.set(key, h);
          changed = true;
        }
      }
      if (changed) setMeasured((m) => m + 1);
    });
    observer.current = ro;
    const seen = observed.current;
    return () => {
      ro.disconnect();
      seen.clear();
    };
  }, []);

  const fit = useMemo(
    () => fitColumns(columns, box.width, box.remPx, TOGGLE_REM),
    // The columns' identity changes every render; which and how wide is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns.map((c) => `${c.key}:${c.minRem}:${c.priority}`).join(), box.width, box.remPx],
  );
  const shown = useMemo(() => columns.filter((c) => fit.shown.has(c.key)), [columns, fit]);
  const moved = useMemo(() => columns.filter((c) => !fit.shown.has(c.key)), [columns, fit]);
  const template = fit.template(shown);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => rowOffsets(keys, heights.current, rowHeight), [keys, measured, rowHeight]);
  const first = Math.max(0, layout.indexAt(scrollTop) - OVERSCAN);
  const last = Math.min(keys.length, layout.indexAt(scrollTop + height) + 1 + OVERSCAN);

  // Rows that came into view are observed, those that left are let go; rows that stay are left alone (observing
  // again would make the observer answer for every row every frame, at 600 changes a second).
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const ro = observer.current;
    if (!ro || !body.current) return;
    const now = new Set<Element>(body.current.querySelectorAll('.vtable-row'));
    for (const el of observed.current)
      if (!now.has(el)) {
        ro.unobserve(el);
        observed.current.delete(el);
      }
    for (const el of now)
      if (!observed.current.has(el)) {
        ro.observe(el);
        observed.current.add(el);
      }
  });

  const toggle = useMemo(
    () => (key: string) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = scroller.current!;
    const step = {
      ArrowDown: layout.typical,
      ArrowUp: -layout.typical,
      PageDown: el.clientHeight,
      PageUp: -el.clientHeight,
    }[e.key];
    if (step !== undefined) {
      el.scrollTop += step;
      e.preventDefault();
    } else if (e.key === 'Home') el.scrollTop = 0;
    else if (e.key === 'End') el.scrollTop = el.scrollHeight;
  };
  return (
    <div ref={table} className="vtable" role="table" aria-label={label} aria-rowcount={keys.length + 1}>
      <div role="rowgroup">
        <div className="vtable-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {shown.map((c) => (
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
              {onResize ? <ResizeHandle column={c} remPx={box.remPx} onResize={onResize} /> : null}
            </div>
          ))}
          {moved.length > 0 ? (
            <div
              role="columnheader"
              className="row-toggle"
              title={t('table.inDetails', { columns: moved.map((c) => c.label).join(', ') })}
            >
              <span className="visually-hidden">
                {t('table.details', { columns: moved.map((c) => c.label).join(', ') })}
              </span>
              <span aria-hidden="true">+{moved.length}</span>
            </div>
          ) : null}
        </div>
      </div>
      {/* The scrolling body is the rowgroup itself, so the table owns rows only through rowgroups (ARIA). */}
      <div
        ref={scroller}
        className="vtable-body"
        role="rowgroup"
        tabIndex={0}
        aria-label={t('table.scroll', { label })}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKey}
      >
        <div ref={body} style={{ height: layout.total, position: 'relative' }} role="presentation">
          {Array.from({ length: Math.max(0, last - first) }, (_, i) => {
            const key = keys[first + i]!;
            const row = rowOf(key);
            if (row === undefined) return null;
            return (
              <VRow
                key={key}
                row={row}
                index={first + i}
                rowKey={key}
                shown={shown}
                moved={moved}
                template={template}
                top={layout.offsetOf(first + i)}
                expanded={expanded.has(key)}
                onToggle={toggle}
                label={rowLabel}
                epoch={epoch ?? NO_EPOCH}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/**
 * A column's right edge: drag it, or focus it and use the arrow keys (a rem a press, Shift for four), as the WAI-ARIA
 * window splitter pattern has it. The width is the column's floor; the table still gives way by priority.
 */
function ResizeHandle<T>({
  column,
  remPx,
  onResize,
}: {
  column: Column<T>;
  remPx: number;
  onResize: (key: string, rem: number) => void;
}) {
  const [dragging, setDragging] = useState<{ x: number; rem: number; now: number }>();
  const clamp = (rem: number) => Math.round(Math.min(MAX_COLUMN_REM, Math.max(MIN_COLUMN_REM, rem)) * 2) / 2;
  const current = dragging?.now ?? column.minRem;
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={t('table.width', { column: column.label })}
      aria-valuemin={MIN_COLUMN_REM}
      aria-valuemax={MAX_COLUMN_REM}
      aria-valuenow={current}
      aria-valuetext={t('table.widthValue', { rem: current })}
      tabIndex={0}
      className="col-resize"
      onKeyDown={(e) => {
        const step = (e.shiftKey ? 4 : 1) * ({ ArrowRight: 1, ArrowLeft: -1 }[e.key] ?? 0);
        if (step === 0) return;
        e.preventDefault();
        e.stopPropagation();
        onResize(column.key, clamp(column.minRem + step));
      }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        setDragging({ x: e.clientX, rem: column.minRem, now: column.minRem });
      }}
      onPointerMove={(e) => {
        if (dragging) setDragging({ ...dragging, now: clamp(dragging.rem + (e.clientX - dragging.x) / remPx) });
      }}
      onPointerUp={() => {
        if (dragging && dragging.now !== column.minRem) onResize(column.key, dragging.now);
        setDragging(undefined);
      }}
    />
  );
}
