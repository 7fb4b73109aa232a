import { expect, it } from 'vitest';
import { soak } from '@adhere/testing/soak';

// The one-hour version of `npm run soak`: 20,000 agents under 429s, 5xx, socket drops every 5 simulated
// minutes and an early channel expiry; the live core's view must equal the emulator's truth at the end.
it('one simulated hour of 20,000 agents under faults: the live view equals the truth for every agent', async () => {
  const r = await soak({ agents: 20_000, hours: 1 });
  expect(r.changes).toBeGreaterThan(10_000);
  expect(r.resyncs).toBeGreaterThanOrEqual(12); // the first snapshot and one per socket drop at least
  expect(r.mismatches).toBe(0);
}, 300_000);
