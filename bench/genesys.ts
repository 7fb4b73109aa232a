// @adhere/genesys benchmarks: browser bundle size beside the official SDK, and historical processing rate.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { startEmulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';

export async function benchGenesys(oursGzip: number, workerFile: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const sdkDir = dirname(require.resolve('purecloud-platform-client-v2/package.json'));
  // The SDK cannot be bundled for a browser from source (it requires fs, os, winston…); browser apps load
  // its prebuilt bundle, which carries every API whatever the app calls.
  const sdkMin = readFileSync(join(sdkDir, 'dist/web-cjs/purecloud-platform-client-v2.min.js'));
  const sdkGzip = gzipSync(sdkMin, { level: 9 }).length;
  console.log('\n== @adhere/genesys: browser bundle for list MUs + real-time adherence + subscribe (gzip -9) ==');
  console.log(`  @adhere/genesys (esbuild, this run)                ${oursGzip} B gzip`);
  console.log(`  purecloud-platform-client-v2 (shipped browser min) ${sdkGzip} B gzip (${sdkMin.length} B raw)`);
  console.log(`  ratio ours/SDK: ${(oursGzip / sdkGzip).toFixed(3)} (${(sdkGzip / oursGzip).toFixed(0)}× smaller)`);

  console.log(
    '\n== @adhere/genesys: historical adherence processing, 5,000 agents × 31 days, parsed in a worker thread ==',
  );
  const agents = 5000;
  const start = Date.UTC(2026, 9, 1);
  const end = start + 31 * 86_400_000;
  const e = await startEmulator({ agents, clock: 'manual', startTime: end + 86_400_000, historicalDelayMs: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'adhere-hist-'));
  try {
    const token = await tokenFor(e);
    const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const items = e.centre.topology.managementUnits.map((m) => ({
      managementUnitId: m.id,
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
    }));
    const t0 = performance.now();
    const job = (await (
      await fetch(`${e.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk`, {
        method: 'POST',
        headers: h,
        body: JSON.stringify({ timeZone: 'Europe/London', items }),
      })
    ).json()) as { job: { id: string } };
    let urls: string[] = [];
    for (;;) {
      const s = (await (
        await fetch(`${e.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${job.job.id}`, {
          headers: h,
        })
      ).json()) as { job: { status: string }; downloadUrls?: string[] };
      if (s.job.status === 'Complete') {
        urls = s.downloadUrls ?? [];
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const files: string[] = [];
    for (const [i, url] of urls.entries()) {
      const f = join(dir, `part-${i}.json`);
      writeFileSync(f, await (await fetch(url)).text());
      files.push(f);
    }
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    console.log(
      `  emulator produced ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const result = await new Promise<{ users: number; userDays: number; ms: number }>((resolve, reject) => {
      const w = new Worker(workerFile, { workerData: { files, queryStart: new Date(start).toISOString() } });
      w.once('message', resolve);
      w.once('error', reject);
    });
    console.log(
      `  parsed ${result.users} users × ${(result.userDays / result.users).toFixed(1)} days = ` +
        `${result.userDays} user-days in ${(result.ms / 1000).toFixed(2)} s`,
    );
    console.log(
      `  → ${Math.round(result.userDays / (result.ms / 1000)).toLocaleString('en')} user-days/s, ` +
        `${(bytes / 1e6 / (result.ms / 1000)).toFixed(1)} MB/s (streaming, off the main thread)`,
    );
    const jsonStart = performance.now();
    let baseline = 0;
    for (const f of files)
      baseline += (JSON.parse(readFileSync(f, 'utf8')) as { userResults: unknown[] }).userResults.length;
    console.log(
      `  baseline on the main thread: JSON.parse of whole files, ${baseline} users in ` +
        `${((performance.now() - jsonStart) / 1000).toFixed(2)} s (holds every file in memory)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await e.close();
  }
}
