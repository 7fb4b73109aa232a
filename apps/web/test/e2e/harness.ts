// Starts the built app, an emulator registered for it, and Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appClient } from '@adhere/emulator/testing';
import { startEmulator, type Emulator, type EmulatorOptions } from '@adhere/emulator';
import { serveApp } from '../../scripts/serve.mjs';
import { freePort, startNginx, type RunningNginx } from './nginx.js';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const appDir = fileURLToPath(new URL('../..', import.meta.url));
export const artifacts = fileURLToPath(new URL('../../../../artifacts/screenshots/', import.meta.url));

export interface Stack {
  app: string;
  emulator: Emulator;
  browser: Browser;
  config: Record<string, string | boolean>;
  close(): Promise<void>;
}

export async function startStack(
  options: EmulatorOptions = {},
  /** Config keys to set or replace; a function is given the emulator (for its origins) before the app is served. */
  configOverride: Record<string, string | boolean> | ((emulator: Emulator) => Record<string, string | boolean>) = {},
  tokenLifetimeSeconds = 86_399,
  /** Which server serves the built app: the Node one (`npm start`) or Debian's nginx with the shipped configuration. */
  serverKind: 'node' | 'nginx' = 'node',
  /** The scopes the e2e OAuth client may grant (default: all the app asks for). */
  clientScopes?: string[],
): Promise<Stack> {
  const config: Record<string, string | boolean> = {};
  let app: string;
  let stopServer: () => Promise<void>;
  let startNginxLater: (() => Promise<void>) | undefined;
  if (serverKind === 'node') {
    // The Node server reads config on each request, so it can start before the emulator's ports are known.
    const server: Server = await serveApp({ port: 0, distDir: `${appDir}dist`, config });
    app = `http://localhost:${(server.address() as AddressInfo).port}`;
    stopServer = () => new Promise((r) => server.close(() => r()));
  } else {
    // nginx's headers and config.json are written before it starts: reserve its port, start it last.
    const port = await freePort();
    app = `http://localhost:${port}`;
    let nginx: RunningNginx | undefined;
    startNginxLater = async () => {
      nginx = await startNginx({ root: `${appDir}dist`, port, config });
    };
    stopServer = async () => nginx?.close();
  }
  const emulator = await startEmulator({
    agents: 300,
    ...options,
    clients: [
      { ...appClient('adhere-e2e', app, tokenLifetimeSeconds), ...(clientScopes ? { scopes: clientScopes } : {}) },
    ],
  });
  Object.assign(
    config,
    {
      clientId: 'adhere-e2e',
      redirectUri: `${app}/callback`,
      loginBaseUrl: emulator.loginUrl,
      apiBaseUrl: emulator.apiUrl,
    },
    typeof configOverride === 'function' ? configOverride(emulator) : configOverride,
  );
  await startNginxLater?.();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
  mkdirSync(artifacts, { recursive: true });
  return {
    app,
    emulator,
    browser,
    config,
    async close() {
      await browser.close();
      await emulator.close();
      await stopServer();
    },
  };
}

/** Signs in through the emulator's real login page, as a person would. */
export async function signIn(
  page: Page,
  stack: Stack,
  email = 'supervisor@adhere.local',
  password = 'supervisor',
): Promise<void> {
  await page.goto(stack.app);
  // The sign-in page's one button, in whatever language the browser asked for.
  await page.locator('section.signed-out button.primary').click();
  await page.waitForURL(`${stack.emulator.loginUrl}/oauth/authorize**`);
  // By id, not by label: the login page speaks the browser's language.
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('form[action="/oauth/login"] button[type="submit"]').click();
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical WCAG 2.1 A/AA violations on the page (its context must bypass CSP). */
export async function axeAudit(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[]; help: string }> }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help} at ${JSON.stringify((v.nodes[0] as { target?: unknown })?.target)}`,
    );
}

/** Runs a history report with the form's defaults and waits for its figures (found by structure: any language). */
export async function runHistoryReport(page: Page): Promise<void> {
  await page.locator('section.history form button[type="submit"]').click();
  await page.getByTestId('average-adherence').waitFor({ timeout: 30_000 });
}

/** Pastes `text` into the Doctor and waits for its findings. */
export async function diagnoseInDoctor(page: Page, text: string): Promise<void> {
  await page.locator('#doctor-input').fill(text);
  await page.locator('section.diagnostics button.primary').click();
  await page.locator('ol.findings li').first().waitFor();
}

/**
 * The views a supervisor opens besides the board, each by its address with what shows it is ready: found by
 * structure, not words, so the same steps serve every language. History with a report (its summary and tables),
 * the Doctor with `pasted`'s findings (long URLs and headers in their evidence).
 */
export function supervisorViews(
  page: Page,
  stack: Stack,
  pasted: string,
): Array<[name: string, path: string, ready: () => Promise<unknown>]> {
  const agent = stack.emulator.centre.topology.agents[0]!;
  return [
    ['agent-day', `/?agent=${agent.id}`, () => page.getByRole('dialog').first().waitFor()],
    ['history', '/history', () => runHistoryReport(page)],
    ['wallboard', '/wallboard', () => page.locator('.kiosk').waitFor()],
    [
      'all-units',
      '/units',
      () =>
        page.getByTestId('rollup-tiles').locator('li [data-testid="tile-today"]').first().waitFor({ timeout: 20_000 }),
    ],
    ['settings', '/settings', () => page.locator('#settings-title').waitFor()],
    ['doctor', '/doctor', () => diagnoseInDoctor(page, pasted)],
  ];
}
