// Issue 22, item 9: a long report says how long it still needs, from the pace of the parts done so far.
import { describe, expect, it } from 'vitest';
import { timeLeftMs, timeLeftWords } from '../src/history/time-left.js';

describe('time left for a report', () => {
  it('is not guessed before a first part has finished', () => {
    expect(timeLeftMs({ finishedMs: [], remaining: 57, runningSince: 0 }, 10_000)).toBeUndefined();
    expect(timeLeftWords(undefined)).toBe('working out the time left…');
  });

  it('is the average part times the parts left, less what the running part has done', () => {
    const t = { finishedMs: [2_000, 4_000], remaining: 10, runningSince: 100_000 };
    expect(timeLeftMs(t, 100_000)).toBe(30_000);
    expect(timeLeftMs(t, 101_000)).toBe(29_000);
    // A running part past the average counts as the average: the estimate never goes below the parts after it.
    expect(timeLeftMs(t, 200_000)).toBe(27_000);
    expect(timeLeftMs({ ...t, runningSince: undefined }, 0)).toBe(30_000);
  });

  it('in words', () => {
    expect(timeLeftWords(59_000)).toBe('under a minute left');
    expect(timeLeftWords(61_000)).toBe('about 2\u00a0min left');
    expect(timeLeftWords(150_000)).toBe('about 3\u00a0min left');
    expect(timeLeftWords(75 * 60_000)).toBe('about 1\u00a0h 15\u00a0min left');
  });
});
