import fc from 'fast-check';
import { it, expect } from 'vitest';
import { streamArrayProperty } from '../src/json-array-stream.js';
async function* chunked(s: string, sizes: number[]) {
  let i = 0,
    k = 0;
  while (i < s.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]!);
    yield s.slice(i, i + n);
    i += n;
  }
}
it('yields every element of the named array, whatever the chunking, and collects top-level scalars', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.jsonValue(), { maxLength: 20 }),
      fc.string(),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1 }),
      fc.dictionary(
        fc.string().filter((k) => k !== 'items'),
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
      ),
      async (items, s, sizes, extra) => {
        const doc = JSON.stringify({ ...extra, items, after: s });
        const rest: Record<string, unknown> = {};
        const got = [];
        for await (const e of streamArrayProperty(chunked(doc, sizes), 'items', rest)) got.push(e);
        expect(got).toEqual(JSON.parse(JSON.stringify(items)));
        expect(rest.after).toBe(s);
      },
    ),
    { numRuns: 500 },
  );
});

it('objects that share a first key (the fast path) give the same elements, nested look-alikes and spacing included', async () => {
  const element = fc.record({
    userId: fc.string(),
    n: fc.integer(),
    nested: fc.oneof(
      fc.constant(null),
      fc.array(fc.record({ userId: fc.string(), x: fc.jsonValue() }), { maxLength: 3 }),
      fc.string().map((s) => `{"userId":${s}`),
    ),
  });
  await fc.assert(
    fc.asyncProperty(
      fc.array(element, { maxLength: 15 }),
      fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1 }),
      fc.boolean(),
      async (items, sizes, pretty) => {
        const doc = JSON.stringify({ startDate: 'x', userResults: items, tail: 1 }, null, pretty ? 1 : undefined);
        const rest: Record<string, unknown> = {};
        const got = [];
        for await (const e of streamArrayProperty(chunked(doc, sizes), 'userResults', rest)) got.push(e);
        expect(got).toEqual(JSON.parse(JSON.stringify(items)));
        expect(rest).toEqual({ startDate: 'x', tail: 1 });
      },
    ),
    { numRuns: 400 },
  );
});
