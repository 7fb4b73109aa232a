/** @module Faults the API origin injects, each at a set rate, so clients are tested against real misbehaviour. */
import type { MiddlewareHandler } from 'hono';
import { ApiProblem } from './api/error-body.js';
import { EmulatorError } from './errors.js';
import { createRandom, hash32 } from './simulation/random.js';

export interface FaultOptions {
  /** Share of API requests answered 429 with Retry-After (0–1). */
  rate429: number;
  /** Wait an injected 429 asks for; sent as whole seconds in Retry-After, as Genesys does. */
  retryAfterMs: number;
  /** Share of API requests answered 503. */
  rate5xx: number;
  /** Extra latency added to every API request. */
  latencyMs: number;
}

export const NO_FAULTS: FaultOptions = { rate429: 0, retryAfterMs: 1000, rate5xx: 0, latencyMs: 0 };

/** Allowed range of each fault option: a value outside it is refused, never merged. */
const RANGES: Record<keyof FaultOptions, [number, number]> = {
  rate429: [0, 1],
  rate5xx: [0, 1],
  retryAfterMs: [0, 3_600_000],
  latencyMs: [0, 60_000],
};

/**
 * Checks a partial FaultOptions from outside (the control route, options): only known keys, finite numbers
 * in range. Throws EmulatorError `invalid_option` naming the first bad key.
 */
export function checkFaultOptions(input: Record<string, unknown>): Partial<FaultOptions> {
  const out: Partial<FaultOptions> = {};
  for (const [key, value] of Object.entries(input)) {
    const range = RANGES[key as keyof FaultOptions];
    if (!range)
      throw new EmulatorError(
        'invalid_option',
        `unknown fault option ${JSON.stringify(key)}; known: ${Object.keys(RANGES).join(', ')}`,
      );
    if (typeof value !== 'number' || !Number.isFinite(value) || value < range[0] || value > range[1]) {
      throw new EmulatorError('invalid_option', `fault option ${key} must be a number from ${range[0]} to ${range[1]}`);
    }
    out[key as keyof FaultOptions] = value;
  }
  if ((out.rate429 ?? 0) + (out.rate5xx ?? 0) > 1)
    throw new EmulatorError('invalid_option', 'rate429 + rate5xx must not exceed 1');
  return out;
}

export class FaultInjector {
  options: FaultOptions;
  private readonly random: () => number;
  injected = { '429': 0, '5xx': 0 };

  constructor(seed: number, options: Partial<FaultOptions> = {}) {
    this.options = { ...NO_FAULTS, ...checkFaultOptions(options) };
    this.random = createRandom(hash32(seed, 0xfa17));
  }

  set(options: Partial<FaultOptions>): void {
    this.options = { ...this.options, ...checkFaultOptions(options) };
  }

  /** What to do with the next request. */
  draw(): 'ok' | '429' | '5xx' {
    const r = this.random();
    if (r < this.options.rate429) return (this.injected['429']++, '429');
    if (r < this.options.rate429 + this.options.rate5xx) return (this.injected['5xx']++, '5xx');
    return 'ok';
  }

  /** The API origin's fault layer: latency, then a drawn 429 or 503. */
  middleware(): MiddlewareHandler {
    return async (_c, next) => {
      const f = this.options;
      // Real time on purpose: latency stands for the network, not for the emulator's (possibly manual) clock.
      if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
      const draw = this.draw();
      if (draw === '429') {
        const s = String(Math.ceil(f.retryAfterMs / 1000));
        throw new ApiProblem(
          429,
          'too.many.requests.retry.after',
          `Rate limit exceeded the maximum. Retry the request in [${s}] seconds`,
          {
            params: { '0': s },
            headers: { 'Retry-After': s },
          },
        );
      }
      if (draw === '5xx') throw new ApiProblem(503, 'service.unavailable', 'Service Unavailable');
      await next();
    };
  }
}
