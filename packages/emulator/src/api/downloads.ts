import { randomBytes } from 'node:crypto';
import type { WallClock } from '../wall-clock.js';

/** Pre-signed download URLs, like Genesys's download service: no bearer token, the URL is the credential. */
export class DownloadStore {
  private readonly items = new Map<string, { produce: () => string; expiresAt: number }>();
  /** Time spent writing files on request, in ms: benchmarks count it as the server's, not the download's. */
  produceMs = 0;
  constructor(
    private readonly baseUrl: () => string,
    private readonly clock: WallClock,
    private readonly lifetimeMs = 15 * 60_000,
  ) {}

  /** `produce` runs when the URL is fetched, so big results are not held as text until asked for. */
  add(produce: () => string): string {
    const now = this.clock.now();
    for (const [k, v] of this.items) if (v.expiresAt < now) this.items.delete(k);
    const id = randomBytes(18).toString('base64url');
    this.items.set(id, { produce, expiresAt: now + this.lifetimeMs });
    return `${this.baseUrl()}/downloads/${id}`;
  }

  take(id: string): string | undefined {
    const item = this.items.get(id);
    if (!item || item.expiresAt < this.clock.now()) return undefined;
    const started = performance.now();
    try {
      return item.produce();
    } finally {
      this.produceMs += performance.now() - started;
    }
  }
}
