// Issue 22 (what to build 6) and issue 20, item 6: the board's columns chosen and kept; saved views kept and read
// back checked.
import { beforeEach, describe, expect, it } from 'vitest';
import { moveColumn, readColumnOrder, readColumnWidths, visibleColumns, writeColumns } from '../src/board/columns.js';

const KNOWN = ['name', 'adherenceState', 'situation', 'impact'];
const cols = KNOWN.map((key) => ({ key }));

describe('columns', () => {
  it('reads the address’s order, dropping unknown keys and repeats, the name always first', () => {
    expect(readColumnOrder('impact,bogus,situation,impact', KNOWN)).toEqual(['name', 'impact', 'situation']);
    expect(readColumnOrder('situation,name', KNOWN)).toEqual(['name', 'situation']);
    expect(readColumnOrder(null, KNOWN)).toBeUndefined();
    expect(readColumnOrder('<script>', KNOWN)).toEqual(['name']);
  });

  it('widths ride in the same address as the order: key:rem, only in range, dropped (not clamped) otherwise', () => {
    expect(readColumnOrder('situation:12,impact', KNOWN)).toEqual(['name', 'situation', 'impact']);
    expect([
      ...readColumnWidths('name:12,situation:9.5,impact:3,bogus:10,adherenceState:1e3,situation:x', KNOWN),
    ]).toEqual([
      ['name', 12],
      ['situation', 9.5],
    ]);
    expect(readColumnWidths(null, KNOWN).size).toBe(0);
    expect(writeColumns(['name', 'situation', 'impact'], new Map([['situation', 14]]))).toBe(
      'name,situation:14,impact',
    );
  });

  it('shows the chosen columns in order, all by default, never one with nothing to show', () => {
    const unavailable = new Map([['situation', 'why']]);
    expect(visibleColumns(cols, ['name', 'impact', 'situation'], unavailable).map((c) => c.key)).toEqual([
      'name',
      'impact',
    ]);
    expect(visibleColumns(cols, undefined, new Map()).map((c) => c.key)).toEqual(KNOWN);
  });

  it('moves a column left or right, never past the name', () => {
    expect(moveColumn(['name', 'a', 'b'], 'b', -1)).toEqual(['name', 'b', 'a']);
    expect(moveColumn(['name', 'a', 'b'], 'a', -1)).toEqual(['name', 'a', 'b']);
    expect(moveColumn(['name', 'a', 'b'], 'b', 1)).toEqual(['name', 'a', 'b']);
  });
});

describe('saved views', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
  });

  it('keeps the board’s parameters under a name, never an open agent’s day; the same name replaces', async () => {
    const { loadViews, saveView, deleteView } = await import('../src/preferences/saved-views.js');
    saveView(' Morning ', new URLSearchParams('mu=a&cols=name,impact&agent=x&token=secret'));
    expect(loadViews()).toEqual([{ name: 'Morning', query: 'mu=a&cols=name%2Cimpact' }]);
    saveView('Morning', new URLSearchParams('mu=b'));
    expect(loadViews()).toEqual([{ name: 'Morning', query: 'mu=b' }]);
    expect(deleteView('Morning')).toEqual([]);
  });

  it('drops what is not a view when read back, and keeps at most 20', async () => {
    const { loadViews, saveView } = await import('../src/preferences/saved-views.js');
    store.set('adhere:views', JSON.stringify([{ name: 'ok', query: 'mu=a' }, { name: 3 }, 'x', null]));
    expect(loadViews()).toEqual([{ name: 'ok', query: 'mu=a' }]);
    store.set('adhere:views', '{not json');
    expect(loadViews()).toEqual([]);
    for (let i = 0; i < 25; i++) saveView(`v${i}`, new URLSearchParams('mu=a'));
    expect(loadViews()).toHaveLength(20);
    expect(loadViews()[0]!.name).toBe('v24');
  });
});
