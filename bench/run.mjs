// npm run bench: every benchmark, each printing its numbers beside the peer measured in the same run.
// TypeScript benches are bundled with esbuild first (Node 20 cannot run .ts itself).
import { pathToFileURL } from 'node:url';
import { benchOAuth } from './oauth.mjs';
import { bundleSize } from './bundle-size.mjs';
import { bundleForNode, out, root } from './bundle-node.mjs';

await bundleForNode([
  `${root}bench/emulator.ts`,
  `${root}bench/genesys.ts`,
  `${root}bench/historical-worker.ts`,
  `${root}bench/web.ts`,
]);

// `npm run bench -- board latency` runs only the benches whose names contain one of the words given
// (oauth, emulator, genesys, parse, report, web-size, callback, latency, embedded, board, timeline, rollup, history); with none, all of them.
const words = process.argv.slice(2);
const wanted = (name) => words.length === 0 || words.some((w) => name.includes(w));

if (wanted('oauth')) await benchOAuth();
const { benchEmulator } = await import(pathToFileURL(`${out}/emulator.js`).href);
if (wanted('emulator')) await benchEmulator();
const { benchGenesys, benchStreamingParse, benchReport } = await import(pathToFileURL(`${out}/genesys.js`).href);
if (wanted('genesys'))
  await benchGenesys((await bundleSize('./entries/genesys-ours.ts')).gzip, `${out}/historical-worker.js`);
if (wanted('parse')) await benchStreamingParse();
if (wanted('report')) await benchReport();
const { benchWeb } = await import(pathToFileURL(`${out}/web.js`).href);
await benchWeb(wanted);
