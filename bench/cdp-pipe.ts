/**
 * @module Headless Chromium driven over its debugging pipe with no Network domain: the page loads as in a
 * user's browser. Playwright turns on devtools' network instrumentation for every page it drives, and that
 * keeps and decodes a copy of every response body on the page's main thread (about 60–110 ms for the board's
 * 1.4 MB snapshot, on the critical path): fine for tests, wrong for timing what a user waits for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Pending = { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void };

/** A page (a target attached in flat mode): Page and Runtime commands only. */
export interface PipePage {
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Evaluates an expression in the page (awaiting a promise it returns) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface PipeBrowser {
  newPage(width: number, height: number): Promise<PipePage>;
  close(): Promise<void>;
}

export async function launchPipeBrowser(executablePath: string, args: string[] = []): Promise<PipeBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'adhere-cdp-'));
  const child: ChildProcess = spawn(
    executablePath,
    ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, ...args, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const out = child.stdio[3] as Writable;
  const inp = child.stdio[4] as Readable;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let buffer = '';
  inp.setEncoding('utf8');
  inp.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    // Messages are JSON, each ended by a NUL byte.
    while ((end = buffer.indexOf('\0')) >= 0) {
      const msg = JSON.parse(buffer.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
      };
      buffer = buffer.slice(end + 1);
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p) continue; // events: none is listened to
      pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result ?? {});
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error('Chromium exited'));
    pending.clear();
  });
  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      out.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    });
  await send('Browser.getVersion');
  return {
    async newPage(width, height) {
      const { targetId } = (await send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
        sessionId: string;
      };
      const page: PipePage = {
        send: (method, params) => send(method, params, sessionId),
        async evaluate<T>(expression: string) {
          const r = (await send(
            'Runtime.evaluate',
            { expression, awaitPromise: true, returnByValue: true },
            sessionId,
          )) as {
            result: { value: T };
            exceptionDetails?: { text: string; exception?: { description?: string } };
          };
          if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
          return r.result.value;
        },
        close: async () => void (await send('Target.closeTarget', { targetId })),
      };
      await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
      return page;
    },
    async close() {
      // Closed as Playwright closes it: the browser ends its own child processes before it exits.
      await send('Browser.close').catch(() => {});
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
