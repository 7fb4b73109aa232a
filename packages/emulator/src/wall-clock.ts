/**
 * @module The emulator's wall clock: token, code and channel lifetimes, heartbeats and socket warnings all
 * read it, so tests move it by hand instead of sleeping (`ManualClock` in `@adhere/emulator/testing`).
 * The simulated contact centre keeps its own clock (`clock: 'manual'`, `speed`): OAuth lifetimes must not
 * run 60 times faster because the simulation does.
 */

export interface WallClock {
  now(): number;
  /** Runs `fn` once after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

/** Real time: Date.now and unref'd timers (a running emulator alone must not keep a test process alive). */
export const REAL_CLOCK: WallClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

/** Runs `fn` every `ms` on `clock`; returns a stop function. */
export function every(clock: WallClock, ms: number, fn: () => void): () => void {
  let cancel = () => {};
  let stopped = false;
  const arm = () => {
    cancel = clock.setTimer(() => {
      if (stopped) return;
      arm();
      fn();
    }, ms);
  };
  arm();
  return () => {
    stopped = true;
    cancel();
  };
}

/** A clock that moves only when told: timers due by the new time run in time order. */
export class ManualClock implements WallClock {
  private current: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const id = this.seq++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn });
    return () => void this.timers.delete(id);
  }

  /** Moves time forward by `ms`, running every timer that falls due (including ones those timers set). */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.current = Math.max(this.current, next[1].at);
      next[1].fn();
    }
    this.current = end;
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.timers.size;
  }
}
