// The SPA in headless Chromium: initial JS size, callback → filled board, and a 20,000-agent board
// taking 500 changes/s for 30 s (longest main-thread task, p95 frame time, JS heap).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Request } from 'playwright-core';
import { appClient, tokenFor } from '@adhere/emulator/testing';
import { addDays, localDate } from '@adhere/genesys';
import { startEmulator, type Emulator, type EmulatorOptions } from '@adhere/emulator';
import { serveApp } from '../apps/web/scripts/serve.mjs';
import { URL_TEMPLATE_QUERY } from '../apps/web/src/embedding/genesys-host.js';
import { launchPipeBrowser, type PipeBrowser, type PipePage } from './cdp-pipe.js';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];
const appDir = fileURLToPath(new URL('../apps/web/', import.meta.url));

async function stackFor(agents: number, speed: number, options: EmulatorOptions = {}, embeddable = false) {
  const config: Record<string, string | boolean> = {};
  const server = await serveApp({ port: 0, distDir: `${appDir}dist`, config });
  const app = `http://localhost:${(server.address() as AddressInfo).port}`;
  const emulator: Emulator = await startEmulator({
    agents,
    speed,
    ...options,
    clients: [appClient('adhere-bench', app)],
  });
  Object.assign(config, {
    clientId: 'adhere-bench',
    redirectUri: `${app}/callback`,
    loginBaseUrl: emulator.loginUrl,
    apiBaseUrl: emulator.apiUrl,
    ...(embeddable ? { embeddable: true, appsBaseUrl: emulator.appsUrl } : {}),
  });
  emulator.setClientAppUrl(`${app}/${URL_TEMPLATE_QUERY}`);
  return { app, emulator, close: async () => (await emulator.close(), await new Promise((r) => server.close(r))) };
}

/**
 * One snapshot and one batch of names asked of the emulator before the measured run: a real Genesys is warm,
 * and the emulator's first answers pay for its own start (JIT, time-zone data), not the client's work.
 */
async function warm(emulator: Emulator): Promise<void> {
  const headers = { Authorization: `Bearer ${await tokenFor(emulator)}` };
  const mu = emulator.centre.topology.managementUnits[0]!.id;
  const ids = emulator.centre.topology.agents.slice(0, 100).map((a) => a.id);
  for (let i = 0; i < 3; i++) {
    await (
      await fetch(`${emulator.apiUrl}/api/v2/workforcemanagement/managementunits/${mu}/adherence`, { headers })
    ).text();
    await (await fetch(`${emulator.apiUrl}/api/v2/users?id=${ids.join(',')}`, { headers })).text();
  }
}

/**
 * Runs `measure`; with ADHERE_BENCH_PROFILE=prefix in the environment, under the page's CPU profiler, written to
 * `prefix-name.cpuprofile` (for finding what held the frames; open it in Chromium's devtools).
 */
async function profiled<T>(page: Page, name: string, measure: () => Promise<T>): Promise<T> {
  const prefix = process.env.ADHERE_BENCH_PROFILE;
  if (!prefix) return measure();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await measure();
  writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  await cdp.detach();
  return result;
}

/** Frame times (rAF to rAF), long tasks and JS heap over `ms` in `page`. */
async function measureFrames(page: Page, ms: number) {
  return page.evaluate(async (ms) => {
    const longTasks: number[] = [];
    const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
    po.observe({ type: 'longtask', buffered: false });
    // What ran in the frames that held the main thread (long animation frames, with their scripts).
    type Script = { invoker: string; invokerType: string; duration: number; sourceFunctionName: string };
    const blocked: Array<{ duration: number; blocking: number; scripts: string[] }> = [];
    const loaf = new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        const f = e as PerformanceEntry & { blockingDuration: number; scripts: Script[] };
        if (f.blockingDuration > 0)
          blocked.push({
            duration: f.duration,
            blocking: f.blockingDuration,
            scripts: f.scripts.map(
              (x) => `${x.invokerType} ${x.invoker.slice(0, 40)} ${x.sourceFunctionName} ${x.duration.toFixed(0)} ms`,
            ),
          });
      }),
    );
    loaf.observe({ type: 'long-animation-frame', buffered: false });
    const frames: number[] = [];
    let last = performance.now();
    const end = last + ms;
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        if (t < end) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    po.disconnect();
    loaf.disconnect();
    frames.sort((a, b) => a - b);
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return {
      frames: frames.length,
      p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
      // Frames that missed their vsync (60 Hz: 16.7 ms; 20 ms leaves room for the clock's jitter).
      late: frames.filter((f) => f > 20).length,
      max: frames.at(-1) ?? 0,
      longest: Math.max(0, ...longTasks),
      longTasks: longTasks.length,
      /** Frames where a task together with the rendering it ran held the main thread over 50 ms. */
      blockedFrames: blocked.length,
      blocked: blocked.sort((a, b) => b.blocking - a.blocking).slice(0, 3),
      heap: mem?.usedJSHeapSize ?? 0,
    };
  }, ms);
}

/**
 * Installed in every document before its scripts: on the callback page, `window.__adhereFill` resolves when
 * the board is filled (1,000 agents counted, rows on screen, every name in), timed by the page's own clock.
 * Then, 3 s later, it reads the page's own Resource Timing: the API requests made from the token exchange on.
 */
const FILL_WATCH = (apiUrl: string, agents: number) => `
if (location.pathname === '/callback') {
  window.__adhereFill = new Promise((resolve) => {
    const filled = () =>
      document.querySelector('[data-testid="agent-count"]')?.getAttribute('data-count') === '${agents}' &&
      document.querySelector('.vtable-row') !== null &&
      ![...document.querySelectorAll('.vtable-row [role="cell"]:first-child')].some((c) => c.textContent === '…');
    const mo = new MutationObserver(() => {
      if (!filled()) return;
      mo.disconnect();
      resolve(performance.now());
    });
    mo.observe(document, { subtree: true, childList: true, characterData: true });
  }).then(async (at) => {
    await new Promise((r) => setTimeout(r, 3000));
    const nav = performance.getEntriesByType('navigation')[0];
    const all = performance.getEntriesByType('resource');
    const token = all.find((e) => e.name.includes('/oauth/token'));
    const api = all
      .filter((e) => e.name.startsWith(${JSON.stringify(apiUrl)}) && token && e.startTime >= token.startTime)
      .map((e) => ({ start: e.startTime, end: e.responseEnd }));
    return { fromNavigation: at, fromLoad: at - nav.loadEventEnd, api };
  });
}`;

interface Fill {
  /** From the callback page's navigation start and from its load event, by the page's clock. */
  fromNavigation: number;
  fromLoad: number;
  /** API requests up to the fill. */
  requests: number;
  /** Sequential round trips among them: the longest chain of requests each started after the one before ended. */
  depth: number;
  /** API requests from the code exchange to 3 s after the fill. */
  whole: number;
}

function fillFrom(r: { fromNavigation: number; fromLoad: number; api: Array<{ start: number; end: number }> }): Fill {
  const load = r.api.filter((c) => c.start <= r.fromNavigation);
  return {
    fromNavigation: r.fromNavigation,
    fromLoad: r.fromLoad,
    requests: load.length,
    depth: roundTrips(load),
    whole: r.api.length,
  };
}

/**
 * Sequential round trips among requests: the longest chain of requests each started after the one before it
 * ended. An upper bound on what waited for what (a chain may link requests that did not depend on each other).
 */
function roundTrips(spans: ReadonlyArray<{ start: number; end: number }>): number {
  const depth = new Map<(typeof spans)[number], number>();
  for (const c of [...spans].sort((a, b) => a.start - b.start))
    depth.set(c, 1 + Math.max(0, ...spans.filter((p) => p.end <= c.start).map((p) => depth.get(p) ?? 0)));
  return Math.max(0, ...depth.values());
}

/** Waits until `expression` is true in the page; it may navigate meanwhile (a failed evaluation is retried). */
async function until(page: PipePage, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (await page.evaluate<boolean>(`!!(${expression})`).catch(() => false)) return;
    if (Date.now() > deadline) {
      const at = await page.evaluate<string>('location.href').catch((e: Error) => e.message);
      throw new Error(`timed out waiting for ${what} (the page is at ${at})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Signs in as the supervisor in a page no devtools network agent watches, and times the board's fill. */
async function fillWithoutDevtools(
  browser: PipeBrowser,
  s: { app: string; emulator: Emulator },
  path: string,
  agents: number,
): Promise<Fill> {
  const page = await browser.newPage(1366, 800);
  try {
    // Page events come but nothing listens; without the domain on, the script below is not installed.
    await page.send('Page.enable');
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: FILL_WATCH(s.emulator.apiUrl, agents) });
    await page.send('Page.navigate', { url: `${s.app}${path}` });
    const signIn = `document.querySelector('section.signed-out button.primary')`;
    await until(page, signIn, "the app's Sign in button");
    await page.evaluate(`${signIn}.click()`);
    await until(page, `document.getElementById('password')`, 'the login page');
    await page.evaluate(
      `document.getElementById('email').value = 'supervisor@adhere.local';
       document.getElementById('password').value = 'supervisor';
       document.querySelector('form').requestSubmit();`,
    );
    await until(page, `window.__adhereFill`, 'the callback page');
    return fillFrom(
      await page.evaluate<{ fromNavigation: number; fromLoad: number; api: Array<{ start: number; end: number }> }>(
        'window.__adhereFill',
      ),
    );
  } finally {
    await page.close();
  }
}

async function signInTo(page: Page, app: string, path: string): Promise<number> {
  await page.goto(`${app}${path}`);
  // By structure, not words: the app and the login page speak the browser's language.
  await page.locator('section.signed-out button.primary').click();
  await page.locator('#email').fill('supervisor@adhere.local');
  await page.locator('#password').fill('supervisor');
  const [nav] = await Promise.all([
    page.waitForURL(`${app}/callback**`),
    page.locator('form[action="/oauth/login"] button[type="submit"]').click(),
  ]);
  void nav;
  return performance.now();
}

export async function benchWeb(wanted: (name: string) => boolean = () => true): Promise<void> {
  const assets = `${appDir}dist/assets`;
  // Initial JS: what index.html loads (its module script and preloads); the rest loads with the page that needs it.
  const html = readFileSync(`${appDir}dist/index.html`, 'utf8');
  const initial = new Set([...html.matchAll(/\/assets\/([\w.-]+\.js)/g)].map((m) => m[1]!));
  const gz = (f: string) => gzipSync(readFileSync(`${assets}/${f}`), { level: 9 }).length;
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const jsGzip = [...initial].reduce((n, f) => n + gz(f), 0);
  const lazyGzip = js.filter((f) => !initial.has(f)).map((f) => `${f.replace(/-[\w]+\.js$/, '')} ${gz(f)} B`);
  console.log('\n== apps/web in headless Chromium ==');
  if (wanted('web-size'))
    console.log(
      `  initial JS: ${jsGzip} B gzip (${(jsGzip / 1024).toFixed(1)} KB; target ≤ 100 KB; the official SDK alone: ~136 KB; 80.8 KB before the sign-in Doctor's findings were in the English catalogue)`,
    );
  if (wanted('web-size')) console.log(`  loaded with their page: ${lazyGzip.join(', ')}`);
  // Each language's catalogue is a chunk of its own, loaded only for that language (English is in the first load).
  const catalogue = /^(es|pt-BR|fr|de|ja)-[\w]+\.js$/;
  if (wanted('web-size'))
    console.log(
      `  language catalogues: ${js
        .filter((f) => catalogue.test(f))
        .map((f) => `${f.replace(/-[\w]+\.js$/, '')} ${gz(f)} B`)
        .join(', ')}`,
    );

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  try {
    // Callback → filled board, 2,000 agents (both management units).
    if (wanted('callback')) {
      const s = await stackFor(2000, 1);
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        const mus = s.emulator.centre.topology.managementUnits.map((m) => m.id).join(',');
        const t0 = await signInTo(page, s.app, `/?mu=${mus}`);
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="agent-count"]')?.getAttribute('data-count') === '2000' &&
            document.querySelector('.vtable-row [role="cell"]')?.textContent !== '…',
          undefined,
          { timeout: 30_000, polling: 16 },
        );
        console.log(
          `  callback → board filled with 2,000 agents (names included): ${(performance.now() - t0).toFixed(0)} ms`,
        );
        await page.close();
      } finally {
        await s.close();
      }
    }
    // Callback → board with names for 1,000 agents, the API 100 ms away: time, requests, sequential round trips.
    // Five runs each way, alternated, the medians printed (two cores carry the browser, the emulator and this
    // driver: one run alone varies by ±150 ms). Timed twice: in a browser no devtools watches (as a user's),
    // and under Playwright, whose network instrumentation copies the 1.4 MB snapshot on the page's main thread.
    if (wanted('latency')) {
      const s = await stackFor(1000, 1, { agentsPerManagementUnit: 1000, faults: { latencyMs: 100 } });
      const plain = await launchPipeBrowser('/usr/bin/chromium', FLAGS);
      try {
        await warm(s.emulator);
        const mu = s.emulator.centre.topology.managementUnits[0]!.id;
        const users: Fill[] = [];
        const watched: Fill[] = [];
        for (let run = 0; run < 5; run++) {
          users.push(await fillWithoutDevtools(plain, s, `/?mu=${mu}`, 1000));
          const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
          await page.addInitScript(FILL_WATCH(s.emulator.apiUrl, 1000));
          await signInTo(page, s.app, `/?mu=${mu}`);
          // Waited for in the page on DOM changes and timed by its own clock: this driver hears of the page
          // late when the emulator (in this process) is busy.
          // Looked for every 100 ms, not every frame: the page being timed should do as little extra as can be.
          await page.waitForFunction(() => '__adhereFill' in window, undefined, { polling: 100 });
          watched.push(fillFrom(await page.evaluate('window.__adhereFill')));
          await page.close();
        }
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(0);
        const runs = (fs: Fill[]) => fs.map((f) => f.fromLoad.toFixed(0)).join(', ');
        console.log(
          `  callback → board filled with names, 1,000 agents, API latency 100 ms (target ≤ 600 ms; was 1,548 under Playwright):\n` +
            `    as in a user's browser: median ${median(users.map((f) => f.fromLoad))} ms from the callback page's load ` +
            `(runs ${runs(users)}), ${median(users.map((f) => f.fromNavigation))} ms from its navigation start\n` +
            `    under Playwright (devtools copies every response): median ${median(watched.map((f) => f.fromLoad))} ms ` +
            `from the load (runs ${runs(watched)}), ${median(watched.map((f) => f.fromNavigation))} ms from navigation start\n` +
            `    ${Math.max(...[...users, ...watched].map((f) => f.depth))} sequential API round trips after the token ` +
            `exchange (target ≤ 5; was 15), ${median(users.map((f) => f.requests))} API requests until filled, ` +
            `${median(users.map((f) => f.whole))} from the exchange to 3 s after the fill (Genesys allows about 300 a minute per token)`,
        );
      } finally {
        await plain.close();
        await s.close();
      }
    }
    // Inside Genesys Cloud (issue 21): the emulator's Genesys Cloud page frames the app; sign-in runs in a popup
    // and the frame makes the exchange. From the popup's callback (its navigation to /callback, when the code
    // comes back) to the frame's board filled with names, 1,000 agents, the API 100 ms away; three runs, median.
    if (wanted('latency') || wanted('embedded')) {
      const s = await stackFor(1000, 1, { agentsPerManagementUnit: 1000, faults: { latencyMs: 100 } }, true);
      try {
        await warm(s.emulator);
        const times: number[] = [];
        const chains: string[] = [];
        for (let run = 0; run < 3; run++) {
          const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
          const page = await context.newPage();
          await page.goto(`${s.emulator.appsUrl}/`);
          const frame = page.frame({ url: (u) => u.origin === s.app })!;
          const popupOpened = page.waitForEvent('popup');
          await frame.getByRole('button', { name: 'Sign in' }).click();
          const popup = await popupOpened;
          await popup.getByLabel('Email').fill('supervisor@adhere.local');
          await popup.getByLabel('Password').fill('supervisor');
          // The frame notes the time (its own clock) the code arrives from the popup and when the board is filled.
          await frame.evaluate(() => {
            const w = window as unknown as { __back?: number; __filled?: number };
            window.addEventListener('message', () => (w.__back ??= performance.now()), { capture: true });
            const mo = new MutationObserver(() => {
              const filled =
                document.querySelector('[data-testid="agent-count"]')?.getAttribute('data-count') === '1000' &&
                document.querySelector('.vtable-row') !== null &&
                ![...document.querySelectorAll('.vtable-row [role="cell"]:first-child')].some(
                  (c) => c.textContent === '…',
                );
              if (!filled || w.__back === undefined) return;
              w.__filled = performance.now();
              mo.disconnect();
            });
            mo.observe(document, { subtree: true, childList: true, characterData: true });
          });
          await popup.getByRole('button', { name: 'Sign in' }).click();
          await frame.waitForFunction(() => '__filled' in window, undefined, { timeout: 30_000, polling: 100 });
          times.push(
            await frame.evaluate(() => {
              const w = window as unknown as { __back: number; __filled: number };
              return w.__filled - w.__back;
            }),
          );
          // Where the time went: each request from the code's arrival to the fill, as [start–end] ms after it.
          chains.push(
            await frame.evaluate(() => {
              const w = window as unknown as { __back: number; __filled: number };
              return performance
                .getEntriesByType('resource')
                .filter((e) => e.startTime >= w.__back - 1 && e.startTime <= w.__filled)
                .map((e) => {
                  const u = new URL(e.name);
                  const path = u.pathname.replace(/[0-9a-f-]{36}/g, '…').replace('/api/v2/workforcemanagement', '');
                  const r = e as PerformanceResourceTiming;
                  return `${path} ${(r.startTime - w.__back).toFixed(0)}–${(r.responseEnd - w.__back).toFixed(0)}`;
                })
                .join(', ');
            }),
          );
          await context.close();
        }
        const sorted = [...times].sort((a, b) => a - b);
        console.log(
          `  inside Genesys Cloud (the emulator's page, popup sign-in), 1,000 agents, API latency 100 ms, ` +
            `the integration's URL naming no unit (the board lists the units and opens on the first: two round trips ` +
            `standalone's \`?mu=\` address does not make; the frame keeps no preference to open on): ` +
            `code back from the popup → board filled with names, median ${sorted[1]!.toFixed(0)} ms ` +
            `(runs ${times.map((t) => t.toFixed(0)).join(', ')}; target ≤ 600 ms, as standalone from its callback's load; ` +
            `was 755 ms, 710 ms before the board's units were listed as the token arrived; 690 ms was measured beside a running build)\n` +
            `    the median run's requests, ms after the code came back: ${chains[times.indexOf(sorted[1]!)]}`,
        );
      } finally {
        await s.close();
      }
    }
    // 20,000 agents, ≥ 500 changes/s (from 14:00 UTC about 21.9 changes/s per 20,000 agents at speed 1; speed 24), 30 s.
    // The same in German at 1366×768 (issue 21): longer words, Intl numbers and durations, the catalogue's
    // formatting on every visible cell each second.
    for (const [name, locale, height] of [
      ['board', 'en-GB', 800],
      ['board-de', 'de-DE', 768],
    ] as const) {
      if (!wanted(name)) continue;
      // Starting at 14:00 UTC (the last one past), when London and New York both work: the change rate
      // depends on the time of day, and the bench should not.
      const afternoon = Math.floor((Date.now() - 14 * 3600_000) / 86_400_000) * 86_400_000 + 14 * 3600_000;
      const s = await stackFor(20_000, 24, { startTime: afternoon });
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height }, locale });
        const mus = s.emulator.centre.topology.managementUnits.map((m) => m.id).join(',');
        let lastNames = performance.now();
        page.on('requestfinished', (r) => {
          if (r.url().startsWith(`${s.emulator.apiUrl}/api/v2/users`)) lastNames = performance.now();
        });
        await signInTo(page, s.app, `/?mu=${mus}`);
        await page.waitForFunction(
          () => document.querySelector('[data-testid="agent-count"]')?.getAttribute('data-count') === '20000',
          undefined,
          { timeout: 60_000 },
        );
        await page.waitForFunction(() => document.querySelector('.connection-live') !== null, undefined, {
          timeout: 30_000,
        });
        // Steady state: today's figures have come (14 bulk queries, one per unit: part of the load, like the
        // names), any names the snapshot lacked too, then a second to settle.
        await page.waitForFunction(
          () => document.querySelector('[data-testid="today"]')?.hasAttribute('data-percent'),
          undefined,
          { timeout: 120_000 },
        );
        while (performance.now() - lastNames < 2000) await new Promise((r) => setTimeout(r, 250));
        await new Promise((r) => setTimeout(r, 1000));
        const changes0 = s.emulator.centre.changes;
        const frames0 = s.emulator.context.hub.delivered;
        const result = await profiled(page, 'board', () => measureFrames(page, 30_000));
        // The once-a-second refresh is a transition (rendered in slices): check it still lands under this load,
        // as the times on screen moving on over 5 s.
        const reorders = await page.evaluate(async () => {
          // The clock the board last rendered with (data-now): it moves on each second the refresh lands.
          const keys = () => document.querySelector('section.board')?.getAttribute('data-now') ?? '';
          let last = keys();
          let n = 0;
          for (let i = 0; i < 10; i++) {
            await new Promise((r) => setTimeout(r, 500));
            const k = keys();
            if (k !== last) n++;
            last = k;
          }
          return n;
        });
        const changes = s.emulator.centre.changes - changes0;
        const delivered = s.emulator.context.hub.delivered - frames0;
        const lang = await page.evaluate(() => document.documentElement.lang);
        console.log(
          `  20,000 agents, ${(changes / 30).toFixed(0)} changes/s for 30 s (${delivered} events delivered), act-now order, alerts, situation rules and every column on (issues 20 and 22), ` +
            `page in ${lang} at 1366×${height}${lang === 'de' ? ' (issue 21; English: the line above)' : ''}:`,
        );
        // The peer: an empty page in the same browser, same run: its frame times are the vsync's own jitter.
        const empty = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        await empty.setContent('<!doctype html><title>empty</title>');
        const idle = await measureFrames(empty, 10_000);
        await empty.close();
        // rAF times come in 0.1 ms steps and headless Chromium's frame clock is a timer: a frame on the next
        // vsync measures 16.6–16.8 ms. In whole vsyncs, a frame is on time (1) or missed one or more (2+).
        const vsyncs = (ms: number) => Math.max(1, Math.round(ms / (1000 / 60)));
        console.log(
          `    p95 frame time ${result.p95.toFixed(2)} ms as measured, ${vsyncs(result.p95)} vsync in whole 60 Hz vsyncs ` +
            `(target ≤ 16.7 ms, one vsync; an empty page here: ${idle.p95.toFixed(2)} ms, ${vsyncs(idle.p95)}; ` +
            `was 50–67 ms with 22–64 tasks over 50 ms at this session's start), worst frame ${result.max.toFixed(0)} ms, ${result.frames} frames, ` +
            `${result.late} late (over 20 ms: ${((100 * result.late) / Math.max(1, result.frames)).toFixed(1)}%; empty page ${idle.late})`,
        );
        console.log(
          `    longest main-thread task ${result.longest.toFixed(0)} ms (${result.longTasks} tasks over 50 ms; target none; was 99–131 ms); ` +
            `${result.blockedFrames} frames where a task and the rendering after it held the thread over 50 ms (Long Animation Frames)`,
        );
        for (const b of result.blocked)
          console.log(
            `      a ${b.duration.toFixed(0)} ms frame (blocking ${b.blocking.toFixed(0)} ms): ${b.scripts.join('; ') || 'no script'}`,
          );
        console.log(
          `    JS heap ${(result.heap / 1e6).toFixed(1)} MB; the board's clock moved on at ${reorders} of 10 half-second looks (it ticks each second)`,
        );
        await page.close();
      } finally {
        await s.close();
      }
    }
    // Today's timeline of 200 agents (issue 22, what to build 4): from the click to the first rows painted (today's
    // schedule and record read at 100 ms API latency, the rows drawn), then frame times while the list scrolls.
    // Genesys teams are any size; the emulator's are 20, so the 200 are one unit's agents, the board's whole selection.
    if (wanted('timeline')) {
      const afternoon = Math.floor((Date.now() - 14 * 3600_000) / 86_400_000) * 86_400_000 + 14 * 3600_000;
      const s = await stackFor(200, 1, {
        agentsPerManagementUnit: 200,
        startTime: afternoon,
        faults: { latencyMs: 100 },
        historicalDelayMs: 200,
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        await signInTo(page, s.app, '/');
        await page.waitForFunction(
          () => document.querySelector('[data-testid="agent-count"]')?.getAttribute('data-count') === '200',
          undefined,
          { timeout: 60_000 },
        );
        const painted = page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const mo = new MutationObserver(() => {
                if (!document.querySelector('li.team-row')) return;
                mo.disconnect();
                // Painted: the frame after the rows are in the document.
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
              });
              mo.observe(document, { subtree: true, childList: true });
            }),
        );
        const clicked = await page.evaluate(() => performance.now());
        await page.getByRole('button', { name: 'Today by interval and agent' }).click();
        const firstPaint = (await painted) - clicked;
        const rows = await page.locator('li.team-row').count();
        // Scrolling: 30 px a frame through the 200 rows and back, frames measured meanwhile.
        const scrolling = page.evaluate(async () => {
          const box = document.querySelector<HTMLElement>('[data-testid="team-rows"]')!;
          let down = true;
          const end = performance.now() + 5000;
          while (performance.now() < end) {
            await new Promise((r) => requestAnimationFrame(r));
            box.scrollTop += down ? 30 : -30;
            if (box.scrollTop + box.clientHeight >= box.scrollHeight - 1) down = false;
            if (box.scrollTop <= 0) down = true;
          }
        });
        const frames = await measureFrames(page, 5000);
        await scrolling;
        const empty = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        await empty.setContent('<!doctype html><title>empty</title>');
        const idle = await measureFrames(empty, 5000);
        await empty.close();
        console.log(
          `  Today's timeline of 200 agents at 100 ms API latency: first rows painted ${firstPaint.toFixed(0)} ms after the click ` +
            `(schedule and record of the day read, ${rows} rows in the page of 200: virtualised; new: no earlier figure)`,
        );
        console.log(
          `    scrolling 30 px a frame for 5 s: p95 frame ${frames.p95.toFixed(2)} ms (an empty page here: ${idle.p95.toFixed(2)} ms; ` +
            `target one 60 Hz frame), worst ${frames.max.toFixed(0)} ms, ${frames.late} of ${frames.frames} frames over 20 ms, ` +
            `longest task ${frames.longest.toFixed(0)} ms (${frames.longTasks} over 50 ms)`,
        );
        await page.close();
      } finally {
        await s.close();
      }
    }
    // All units (issue 20, item 3): 25,000 agents in units of 1,500 (Genesys's most per unit, so 17 units, not the
    // issue's 5), about 650 changes/s, the API 100 ms away. Cold: sign-in → every tile's week and month to date in
    // (closed days read from Genesys); warm: a reload, closed days from IndexedDB; then frames for 30 s.
    if (wanted('rollup')) {
      const afternoon = Math.floor((Date.now() - 14 * 3600_000) / 86_400_000) * 86_400_000 + 14 * 3600_000;
      const s = await stackFor(25_000, 24, {
        agentsPerManagementUnit: 1500,
        startTime: afternoon,
        faults: { latencyMs: 100 },
        historicalDelayMs: 200,
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        const units = s.emulator.centre.topology.managementUnits.length;
        let requests = 0;
        const paths = new Map<string, number>();
        page.on('request', (r) => {
          if (!r.url().startsWith(s.emulator.apiUrl)) return;
          requests++;
          const k = `${r.method()} ${new URL(r.url()).pathname.replace(/[0-9a-f-]{36}/g, '{id}')}`;
          paths.set(k, (paths.get(k) ?? 0) + 1);
          const span = { start: performance.now(), end: Infinity };
          spans.set(r, span);
        });
        // Each API request's time on the wire, by this driver's clock: for the sequential round trips of a load.
        const spans = new Map<Request, { start: number; end: number }>();
        const ended = (r: Request) => {
          const span = spans.get(r);
          if (span) span.end = performance.now();
        };
        page.on('requestfinished', ended);
        page.on('requestfailed', ended);
        const tripsSince = (t: number, until: number) =>
          roundTrips([...spans.values()].filter((x) => x.start >= t && x.end <= until));
        const filled = () =>
          page.waitForFunction(
            (n) => {
              const tiles = [...document.querySelectorAll('[data-testid="tile-periods"]')];
              return tiles.length === n && tiles.every((t) => t.textContent?.startsWith('Week to date'));
            },
            units,
            { timeout: 300_000, polling: 50 },
          );
        const closedDays = () =>
          page.evaluate(() => {
            const m = performance.getEntriesByName('adhere:rollup:closed-days').at(-1) as PerformanceMark | undefined;
            return m?.detail as { cached: number; fetched: number; ms: number } | undefined;
          });
        const t0 = await signInTo(page, s.app, '/units');
        await filled();
        const coldEnd = performance.now();
        const cold = coldEnd - t0;
        const coldTrips = tripsSince(t0, coldEnd);
        const coldDays = await closedDays();
        const coldRequests = requests;
        // A second load another time, not within the same minute: the cold load's requests count against the
        // token's 300 a minute (Genesys's and the app's own budget), and would pace the reload for them.
        await new Promise((r) => setTimeout(r, 61_000));
        requests = 0;
        const t1 = performance.now();
        await page.reload();
        await filled();
        const warmEnd = performance.now();
        const warm = warmEnd - t1;
        const warmTrips = tripsSince(t1, warmEnd);
        const warmDays = await closedDays();
        const most = [...paths]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ');
        console.log(
          `  All units: ${units} units, 25,000 agents, API latency 100 ms (new: no earlier figure):\n` +
            `    cold: every tile's week and month to date in ${cold.toFixed(0)} ms after sign-in (${coldRequests} API requests, ` +
            `${coldTrips} sequential round trips at most; ` +
            `${coldDays?.fetched ?? '?'} closed unit-days read from Genesys in ${coldDays?.ms.toFixed(0) ?? '?'} ms)\n` +
            `    warm (a reload a minute later): ${warm.toFixed(0)} ms to the same (${requests} API requests: the live snapshot and today's figures; ` +
            `${warmTrips} sequential round trips at most); ` +
            `closed days from IndexedDB: ${warmDays?.cached ?? '?'} unit-days in ${warmDays?.ms.toFixed(0) ?? '?'} ms (target ≤ 300 ms), ` +
            `${warmDays?.fetched ?? '?'} asked of Genesys\n` +
            `    most requests of both loads (paced under Genesys's 300 a minute per token): ${most}`,
        );
        await new Promise((r) => setTimeout(r, 2000));
        const changes0 = s.emulator.centre.changes;
        const result = await profiled(page, 'rollup', () => measureFrames(page, 30_000));
        const changes = s.emulator.centre.changes - changes0;
        const empty = await browser.newPage({ viewport: { width: 1366, height: 800 } });
        await empty.setContent('<!doctype html><title>empty</title>');
        const idle = await measureFrames(empty, 10_000);
        await empty.close();
        console.log(
          `    ${(changes / 30).toFixed(0)} changes/s for 30 s: p95 frame ${result.p95.toFixed(2)} ms (an empty page here: ` +
            `${idle.p95.toFixed(2)} ms; target one 60 Hz frame), worst ${result.max.toFixed(0)} ms, ${result.late} of ` +
            `${result.frames} frames over 20 ms, longest task ${result.longest.toFixed(0)} ms (${result.longTasks} over 50 ms; target none)`,
        );
        for (const b of result.blocked)
          console.log(
            `      a ${b.duration.toFixed(0)} ms frame (blocking ${b.blocking.toFixed(0)} ms): ${b.scripts.join('; ') || 'no script'}`,
          );
        await page.close();
      } finally {
        await s.close();
      }
    }
    // History: 1,500 agents (one full management unit) × 31 days with exceptions = 5 parts, Run → rendered report.
    if (wanted('history')) {
      // The browser's own today: the emulator's clock starts now (and stays there), so the default dates agree.
      const now = Date.now();
      const s = await stackFor(1500, 1, {
        agentsPerManagementUnit: 1500,
        clock: 'manual',
        startTime: now,
        historicalDelayMs: 200,
      });
      try {
        const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
        const page = await context.newPage();
        await signInTo(page, s.app, '/history');
        await page.waitForURL(`${s.app}/history`);
        await page.locator('select[multiple] option').nth(1499).waitFor({ state: 'attached', timeout: 60_000 });
        const today = localDate('Europe/London', now);
        await page.getByLabel('To', { exact: true }).fill(today);
        await page.getByLabel('From', { exact: true }).fill(addDays(today, -30));
        const produced0 = s.emulator.downloadProduceMs;
        const t0 = await page.evaluate(() => performance.now());
        const done = await profiled(page, 'history', async () => {
          await page.getByRole('button', { name: 'Run' }).click();
          return page.waitForFunction(
            () =>
              document.querySelectorAll('table.results tbody tr[data-user]').length === 1500 ? performance.now() : 0,
            undefined,
            { timeout: 300_000, polling: 'raf' },
          );
        });
        const t1 = (await done.jsonValue()) as number;
        const parts = await page.evaluate(() => {
          const m = performance.getEntriesByName('adhere:history:fetched').at(-1) as PerformanceMark | undefined;
          const d = (m?.detail ?? {}) as Record<string, number>;
          return {
            at: m?.startTime ?? 0,
            parts: d.parts ?? 0,
            serverMs: d.serverMs ?? 0,
            downloadMs: d.downloadMs ?? 0,
            parseMs: d.parseMs ?? 0,
            explanationsMs: d.explanationsMs ?? 0,
            mergeMs: d.mergeMs ?? 0,
          };
        });
        const total = t1 - t0;
        // The emulator writes each file as it is fetched: that is the server's time, not the network's.
        const produced = s.emulator.downloadProduceMs - produced0;
        console.log(
          `  history, 1,500 agents × 31 days with exceptions (${parts.parts} parts), Run → rendered report: ${(total / 1000).toFixed(2)} s`,
        );
        console.log(
          `    Genesys (emulator) computing ${((parts.serverMs + produced) / 1000).toFixed(2)} s · ` +
            `download ${((parts.downloadMs - produced) / 1000).toFixed(2)} s · ` +
            `parse ${(parts.parseMs / 1000).toFixed(2)} s · explanations ${(parts.explanationsMs / 1000).toFixed(2)} s · ` +
            `merge ${(parts.mergeMs / 1000).toFixed(2)} s · render ${((t1 - parts.at) / 1000).toFixed(2)} s`,
        );
        // The parts download side by side from the emulator, which runs in this process: "download" sums their
        // overlapping waits, not wall time. The client's own work is reading, merging and drawing.
        console.log(
          `    the client's part (parse + merge + render): ${((parts.parseMs + parts.mergeMs + t1 - parts.at) / 1000).toFixed(2)} s ` +
            `(target ≤ 1.0 s; was 1.3–1.6 s with the agents' rows laid out as a table, render 0.8–1.2 s)`,
        );
        // Issue 22, item 9: the exceptions export of that report, full and summarised, CSV and Excel: the time from
        // the click to the file handed to the download, and its size (the full CSV was 20 MB for a month of a unit).
        const sizes: string[] = [];
        page.on('pageerror', (e) => console.log(`    (the page failed: ${e.message})`));
        page.on('console', (m) => m.type() === 'error' && console.log(`    (console: ${m.text()})`));
        for (const file of ['csv', 'xlsx'] as const) {
          await page.getByLabel('File').selectOption(file);
          for (const which of ['exceptions', 'exceptions summary']) {
            const label = `Export ${which} (${file === 'csv' ? 'CSV' : 'Excel'})`;
            const c0 = performance.now();
            const [download] = await Promise.all([
              page.waitForEvent('download', { timeout: 120_000 }),
              page.getByRole('button', { name: label, exact: true }).click(),
            ]);
            const bytes = statSync((await download.path())!).size;
            sizes.push(
              `${which} ${file}: ${(bytes / 1e6).toFixed(2)} MB in ${((performance.now() - c0) / 1000).toFixed(2)} s`,
            );
          }
        }
        console.log(`    exports (was 20 MB full CSV, no summary): ${sizes.join(' · ')}`);
        await context.close();
      } finally {
        await s.close();
      }
    }
  } finally {
    await browser.close();
  }
}
