import { createRandom, hash32 } from './simulation/random.js';

/** Faults the API origin injects, each at a set rate, so clients are tested against real misbehaviour. */
export interface FaultOptions {
  /** Share of API requests answered 429 with Retry-After (0–1). */
  rate429: number;
  /** Retry-After seconds sent with an injected 429. */
  retryAfterSeconds: number;
  /** Share of API requests answered 503. */
  rate5xx: number;
  /** Extra latency added to every API request, in ms. */
  latencyMs: number;
}

export const NO_FAULTS: FaultOptions = { rate429: 0, retryAfterSeconds: 1, rate5xx: 0, latencyMs: 0 };

export class FaultInjector {
  options: FaultOptions;
  private readonly random: () => number;
  injected = { '429': 0, '5xx': 0 };

  constructor(seed: number, options: Partial<FaultOptions> = {}) {
    this.options = { ...NO_FAULTS, ...options };
    this.random = createRandom(hash32(seed, 0xfa17));
  }

  set(options: Partial<FaultOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /** What to do with the next request. */
  draw(): 'ok' | '429' | '5xx' {
    const r = this.random();
    if (r < this.options.rate429) return (this.injected['429']++, '429');
    if (r < this.options.rate429 + this.options.rate5xx) return (this.injected['5xx']++, '5xx');
    return 'ok';
  }
}
