// The wallboard's rows per page, measured after each render: the count must settle whatever the rows' heights,
// and every row shown must fit above the bottom edge.
import { describe, expect, it } from 'vitest';
import { pageAt, perPageFor } from '../src/board/wall-paging.js';

/** Renders page 0 of `heights` with `n` rows per page, top at `top`, and measures it as the browser would. */
function layoutOf(heights: number[], n: number, top: number, bottom: number) {
  let y = top;
  const rows = heights.slice(0, n).map((height) => ({ height, bottom: (y += height) }));
  return { bottom, listTop: top, rows };
}

/** Measure, render, measure… until the count holds; how many renders that took, or Infinity. */
function settle(heights: number[], top: number, bottom: number) {
  let n = 10;
  let tallest = 0;
  for (let render = 1; render <= 100; render++) {
    const next = perPageFor(n, layoutOf(heights, n, top, bottom), tallest);
    tallest = next.tallest;
    if (next.perPage === n) return { renders: render, perPage: n };
    n = next.perPage;
  }
  return { renders: Infinity, perPage: n };
}

describe('wallboard rows per page', () => {
  it('settles when the row after the page is taller than those on it (the 02:30 hang)', () => {
    // Measured on the hung wallboard: seven one-line rows fit; the eighth, a wrapped name, does not.
    const heights = [42, 42, 42, 42, 42, 42, 42, 74, 42, 42, 42];
    const { renders, perPage } = settle(heights, 539, 892);
    expect(renders).toBeLessThan(10);
    expect(perPage).toBe(7);
  });

  it('settles for any mix of heights, and what it settles on fits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 500; trial++) {
      const heights = Array.from({ length: 60 }, () => (random() < 0.2 ? 74 + Math.round(random() * 40) : 42));
      const top = 100 + Math.round(random() * 500);
      const bottom = top + 200 + Math.round(random() * 700);
      const { renders, perPage } = settle(heights, top, bottom);
      expect(renders).toBeLessThan(100);
      const shown = layoutOf(heights, perPage, top, bottom).rows;
      // Three rows are always shown, even on a screen too short for them.
      if (perPage > 3) expect(shown[shown.length - 1]!.bottom).toBeLessThanOrEqual(bottom);
    }
  });

  it('with no rows yet, counts from the list’s top at the default row height', () => {
    expect(perPageFor(10, { bottom: 900, listTop: 340, rows: [] }, 0).perPage).toBe(10);
    expect(perPageFor(10, { bottom: 200, listTop: 150, rows: [] }, 0).perPage).toBe(3);
  });

  it('turns pages on the clock', () => {
    expect(pageAt(0, 0, 25, 10)).toEqual({ page: 0, pages: 3 });
    expect(pageAt(15_000, 0, 25, 10)).toEqual({ page: 1, pages: 3 });
    expect(pageAt(45_000, 0, 25, 10)).toEqual({ page: 0, pages: 3 });
  });
});
