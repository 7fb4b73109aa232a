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

await benchOAuth();
const { benchEmulator } = await import(pathToFileURL(`${out}/emulator.js`).href);
await benchEmulator();
const genesysSize = await bundleSize('./entries/genesys-ours.ts');
const { benchGenesys, benchStreamingParse } = await import(pathToFileURL(`${out}/genesys.js`).href);
await benchGenesys(genesysSize.gzip, `${out}/historical-worker.js`);
await benchStreamingParse();
const { benchWeb } = await import(pathToFileURL(`${out}/web.js`).href);
await benchWeb();
