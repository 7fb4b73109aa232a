// Issue 21, item 3: the board's table on a narrow or zoomed screen. Columns give way by priority (never "…"), and
// rows are placed by their measured heights rather than an assumed 34 px.
import { describe, expect, it } from 'vitest';
import { fitColumns, rowOffsets } from '../src/board/table-layout.js';

const col = (key: string, minRem: number, priority: number) => ({ key, minRem, grow: 1, priority });
const COLS = [col('name', 9, 0), col('state', 12, 1), col('next', 8, 4), col('today', 5, 2), col('presence', 7, 3)];

describe('columns that fit', () => {
  it('all of them when there is room, with no details column', () => {
    const fit = fitColumns(COLS, 41 * 16, 16, 2.75);
    expect([...fit.shown]).toEqual(['name', 'state', 'next', 'today', 'presence']);
    expect(fit.template(COLS)).not.toMatch(/2\.75rem$/);
  });

  it('narrow: the most important first, a narrower one further down still taken, room kept for details', () => {
    // 30 rem: name 9 + state 12 + today 5 = 26, + details 2.75 = 28.75; presence (7) and next (8) do not fit.
    const fit = fitColumns(COLS, 30 * 16, 16, 2.75);
    expect([...fit.shown].sort()).toEqual(['name', 'state', 'today']);
    expect(fit.template(COLS.filter((c) => fit.shown.has(c.key)))).toBe(
      'minmax(9rem, 1fr) minmax(12rem, 1fr) minmax(5rem, 1fr) 2.75rem',
    );
    // 200% zoom is a rem of 32 px in the same room: fewer columns.
    expect([...fitColumns(COLS, 30 * 16, 32, 2.75).shown]).toEqual(['name']);
  });

  it('the most important column shows even when nothing fits; an unmeasured table shows all', () => {
    expect([...fitColumns(COLS, 100, 16, 2.75).shown]).toEqual(['name']);
    expect(fitColumns(COLS, 0, 16, 2.75).shown.size).toBe(5);
  });
});

describe('row positions', () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);

  it('before any row is measured: the guess for all', () => {
    const l = rowOffsets(keys, new Map(), 34);
    expect([l.typical, l.total, l.offsetOf(10), l.indexAt(341)]).toEqual([34, 680_000, 340, 10]);
  });

  it('rows as tall as their text: a taller row pushes the ones below it, by key wherever the order puts it', () => {
    const heights = new Map([
      ['k0', 40],
      ['k1', 40],
      ['k2', 120], // opened details, or wrapped
      ['k3', 40],
    ]);
    const l = rowOffsets(keys, heights, 34);
    expect(l.typical).toBe(40);
    expect([l.offsetOf(2), l.offsetOf(3), l.offsetOf(4)]).toEqual([80, 200, 240]);
    expect(l.total).toBe(20_000 * 40 + 80);
    expect([l.indexAt(0), l.indexAt(199), l.indexAt(200), l.indexAt(1e9)]).toEqual([0, 2, 3, 19_999]);
    // The same row moved to the top of the order keeps its height.
    const moved = ['k2', ...keys.filter((k) => k !== 'k2')];
    expect(rowOffsets(moved, heights, 34).offsetOf(1)).toBe(120);
  });

  it('no rows: nothing to place', () => {
    const l = rowOffsets([], new Map(), 34);
    expect([l.total, l.indexAt(50)]).toEqual([0, 0]);
  });
});
