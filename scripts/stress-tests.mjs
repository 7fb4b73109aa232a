// npm run test:stress: the whole suite N times in a row (default 10) while a CPU hog keeps every core busy.
// A test that depends on timing fails here; one failure fails the script. Not part of npm test (it takes
// N times as long); run it after changing anything timed.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const runs = Number(process.argv[2] ?? 10);
const hogs = Array.from(
  { length: availableParallelism() },
  () => new Worker('for (;;) Math.sqrt(Math.random());', { eval: true }),
);
console.log(`test:stress: ${runs} runs with ${hogs.length} busy-looping threads beside them`);
const results = [];
for (let i = 1; i <= runs; i++) {
  const started = Date.now();
  const run = spawnSync(process.execPath, ['scripts/run-tests.mjs'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const summary = /^tests: .*$/m.exec(run.stdout)?.[0] ?? 'tests: no summary';
  results.push(run.status === 0);
  console.log(
    `run ${i}/${runs}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s — ${summary}`,
  );
  if (run.status !== 0)
    for (const line of run.stdout
      .split('\n')
      .filter((l) => /FAIL|×|AssertionError|Error:/.test(l))
      .slice(0, 20))
      console.log(`  ${line}`);
}
for (const h of hogs) void h.terminate();
const passed = results.filter(Boolean).length;
console.log(`test:stress: ${passed} passed, ${runs - passed} failed`);
process.exit(passed === runs ? 0 : 1);
