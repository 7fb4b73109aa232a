// npm run soak: a simulated day of 20,000 agents under faults, watched by the live core (see testing/soak.ts).
// Not part of npm test (it runs for many minutes); a one-hour version runs in the suite.
import { pathToFileURL } from 'node:url';
import { bundleForNode, out, root } from '../bench/bundle-node.mjs';

await bundleForNode([`${root}testing/soak.ts`]);
const { soak } = await import(pathToFileURL(`${out}/soak.js`).href);
const hours = Number(process.argv[2] ?? 24);
const agents = Number(process.argv[3] ?? 20_000);
console.log(`soak: ${agents} agents, ${hours} simulated hours, 429s 5 %, 5xx 2 %, a socket drop every 5 minutes`);
const r = await soak({ agents, hours, log: console.log });
const [first, last] = [r.heapMb[Math.min(1, r.heapMb.length - 1)] ?? 0, r.heapMb.at(-1) ?? 0];
console.log(
  `soak: ${r.changes} changes, ${r.resyncs} snapshots, ${r.mismatches} agents differ from the truth, ` +
    `heap ${first.toFixed(0)} → ${last.toFixed(0)} MB, ${r.seconds.toFixed(0)} s`,
);
const flat = last <= first * 1.25 + 20;
console.log(flat ? 'soak: heap flat' : 'soak: HEAP GREW');
process.exit(r.mismatches === 0 && flat ? 0 : 1);
