// @adhere/genesys benchmarks: browser bundle size beside the official SDK, and historical processing rate.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { startEmulator, type Emulator } from '@adhere/emulator';
import { tokenFor } from '@adhere/emulator/testing';
import WebSocket from 'ws';
import {
  addDays,
  createGenesysClient,
  createNotificationHub,
  historicalAdherence,
  localDate,
  parseHistoricalFile,
  parseHistoricalText,
  planHistoricalChunks,
  queryBusinessUnitExplanations,
  type WebSocketFactory,
} from '@adhere/genesys';

/** Runs one bulk historical query on the emulator and saves its result files under `dir`. */
async function bulkFiles(e: Emulator, body: unknown, dir: string): Promise<string[]> {
  const token = await tokenFor(e);
  const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const job = (await (
    await fetch(`${e.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify(body),
    })
  ).json()) as { job: { id: string } };
  let urls: string[] | undefined;
  while (!urls) {
    const st = (await (
      await fetch(`${e.apiUrl}/api/v2/workforcemanagement/adherence/historical/bulk/jobs/${job.job.id}`, { headers: h })
    ).json()) as { job: { status: string }; downloadUrls?: string[] };
    if (st.job.status === 'Complete') urls = st.downloadUrls ?? [];
    else await new Promise((r) => setTimeout(r, 50));
  }
  const files: string[] = [];
  for (const [i, url] of urls.entries()) {
    const f = join(dir, `part-${i}.json`);
    writeFileSync(f, await (await fetch(url)).text());
    files.push(f);
  }
  return files;
}

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
    const items = e.centre.topology.managementUnits.map((m) => ({
      managementUnitId: m.id,
      startDate: new Date(start).toISOString(),
      endDate: new Date(end).toISOString(),
    }));
    const t0 = performance.now();
    const files = await bulkFiles(e, { timeZone: 'Europe/London', items }, dir);
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

/**
 * Our historical parse against whole-file JSON.parse on the same files, same thread, alternated, best of 5: one
 * management unit of 1,500 agents × 7 days with exceptions and actuals (one part of a 31-day report).
 */
export async function benchStreamingParse(): Promise<void> {
  console.log(
    '\n== @adhere/genesys: historical parse vs whole-file JSON.parse, 1,500 agents × 7 days with exceptions ==',
  );
  const now = Date.UTC(2026, 10, 26, 12, 0);
  const e = await startEmulator({
    agents: 1500,
    agentsPerManagementUnit: 1500,
    clock: 'manual',
    startTime: now,
    historicalDelayMs: 0,
  });
  const dir = mkdtempSync(join(tmpdir(), 'adhere-parse-'));
  try {
    const startDate = '2026-11-16T00:00:00.000Z';
    const files = await bulkFiles(
      e,
      {
        timeZone: 'Europe/London',
        items: [
          {
            managementUnitId: e.centre.topology.managementUnits[0]!.id,
            startDate,
            endDate: '2026-11-23T00:00:00.000Z',
            includeExceptions: true,
            includeActuals: true,
          },
        ],
      },
      dir,
    );
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    let bestClient = Infinity;
    let bestChunked = Infinity;
    let bestWhole = Infinity;
    let users = 0;
    for (let round = 0; round < 5; round++) {
      // As the client reads them: each file's text whole, then the parser (typed results).
      let t = performance.now();
      users = 0;
      for (const f of files)
        for (const u of parseHistoricalText(readFileSync(f, 'utf8'), startDate)) if (u.userId) users++;
      bestClient = Math.min(bestClient, performance.now() - t);
      // The same parser fed 256 KB chunks as they would stream in.
      t = performance.now();
      for (const f of files)
        for await (const u of parseHistoricalFile(
          createReadStream(f, { encoding: 'utf8', highWaterMark: 256 * 1024 }) as AsyncIterable<string>,
          startDate,
        ))
          void u;
      bestChunked = Math.min(bestChunked, performance.now() - t);
      t = performance.now();
      let whole = 0;
      for (const f of files)
        whole += (JSON.parse(readFileSync(f, 'utf8')) as { userResults: unknown[] }).userResults.length;
      if (whole !== users) throw new Error(`the two parses disagree: ${users} vs ${whole} users`);
      bestWhole = Math.min(bestWhole, performance.now() - t);
    }
    console.log(
      `  ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${users} users; best of 5, each with reading the file`,
    );
    console.log(
      `  our parser, one file at a time as the client reads them (typed results): ${(bestClient / 1000).toFixed(2)} s`,
    );
    console.log(`  our parser fed 256 KB chunks as they stream in: ${(bestChunked / 1000).toFixed(2)} s`);
    console.log(`  whole-file JSON.parse (untyped): ${(bestWhole / 1000).toFixed(2)} s`);
    console.log(
      `  ratio ours (as the client reads) / JSON.parse: ${(bestClient / bestWhole).toFixed(2)} (target ≤ 1.00; was 1.08 cut by first key, 2.6 streamed)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await e.close();
  }
}

/**
 * A 13-month report as the app runs it: 57 one-week parts with exceptions, one after another, for a unit of 1,500
 * agents, then the explanations of every part; on the tab's one notification hub, under Genesys's default rate
 * limit (300 requests per token a minute) with the app's own budget (280). Counts what a real org would see.
 */
export async function benchReport(): Promise<void> {
  console.log('\n== @adhere/genesys: a 13-month report, 1,500 agents, exceptions, as the app runs it ==');
  const now = Date.UTC(2026, 10, 26, 12, 0);
  // Jobs take 300 ms here (the emulator's default is 1.5 s): the count of requests, not the wait, is measured.
  const e = await startEmulator({
    agents: 1500,
    agentsPerManagementUnit: 1500,
    clock: 'manual',
    startTime: now,
    historicalDelayMs: 300,
  });
  try {
    const token = await tokenFor(e);
    const calls: string[] = [];
    const client = createGenesysClient({
      apiBaseUrl: e.apiUrl,
      getAccessToken: () => token,
      requestsPerMinute: 280,
      fetch: (input, init) => {
        calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    });
    const hub = createNotificationHub(client, { WebSocket: WebSocket as unknown as WebSocketFactory });
    const mu = e.centre.topology.managementUnits[0]!;
    const zone = mu.timeZone;
    const to = localDate(zone, now);
    const chunks = planHistoricalChunks(zone, addDays(to, -395), to, true);
    const started = performance.now();
    let users = 0;
    for (const c of chunks) {
      const results = await historicalAdherence(client, {
        managementUnitId: mu.id,
        startDate: c.startDate,
        endDate: c.endDate,
        timeZone: zone,
        includeExceptions: true,
        includeActuals: true,
        notifications: hub,
        pollIntervalMs: 500,
      });
      users = Math.max(users, results.length);
    }
    const explanations = (
      await Promise.all(
        chunks.map((c) =>
          queryBusinessUnitExplanations(
            client,
            mu.businessUnitId,
            { startDate: c.startDate, endDate: c.endDate, managementUnitIds: [mu.id] },
            { notifications: hub },
          ),
        ),
      )
    ).flat().length;
    const wall = (performance.now() - started) / 1000;
    hub.close();
    const api = calls.filter((c) => c.includes(' /api/'));
    const count = (what: string) => calls.filter((c) => c === what).length;
    console.log(
      `  ${chunks.length} parts, ${users} agents, ${explanations} explanations, wall time ${wall.toFixed(1)} s`,
    );
    console.log(
      `  notification channels opened: ${count('POST /api/v2/notifications/channels')} (goal 0 beyond the tab's one; was ${chunks.length}, one per part)`,
    );
    console.log(`  users/me calls: ${count('GET /api/v2/users/me')} (goal ≤ 1; was ${chunks.length})`);
    console.log(
      `  requests: ${api.length} to the API (${calls.filter((c) => c.includes('/bulk/jobs/')).length} job polls) ` +
        `+ ${calls.length - api.length} downloads; 429s received: ${e.context.rateLimit.limited} (goal 0)`,
    );
  } finally {
    await e.close();
  }
}
