// Parses historical-adherence result files off the main thread and reports users × days per second.
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseHistoricalFile } from '@adhere/genesys';

const { files, queryStart } = workerData as { files: string[]; queryStart: string };
const started = performance.now();
let users = 0;
let userDays = 0;
for (const file of files) {
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 }) as AsyncIterable<string>;
  for await (const u of parseHistoricalFile(chunks, queryStart)) {
    users++;
    userDays += u.days.length;
  }
}
parentPort!.postMessage({ users, userDays, ms: performance.now() - started });
