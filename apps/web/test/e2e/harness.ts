// Starts the built app, an emulator registered for it, and Debian's Chromium through playwright-core.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appClient } from '@adhere/emulator/testing';
import { startEmulator, type Emulator, type EmulatorOptions } from '@adhere/emulator';
import { serveApp } from '../../scripts/serve.mjs';

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
  config: Record<string, string>;
  close(): Promise<void>;
}

export async function startStack(
  options: EmulatorOptions = {},
  configOverride: Record<string, string> = {},
  tokenLifetimeSeconds = 86_399,
): Promise<Stack> {
  const config: Record<string, string> = {};
  const server: Server = await serveApp({ port: 0, distDir: `${appDir}dist`, config });
  const app = `http://localhost:${(server.address() as AddressInfo).port}`;
  const emulator = await startEmulator({
    agents: 300,
    ...options,
    clients: [appClient('adhere-e2e', app, tokenLifetimeSeconds)],
  });
  Object.assign(
    config,
    {
      clientId: 'adhere-e2e',
      redirectUri: `${app}/callback`,
      loginBaseUrl: emulator.loginUrl,
      apiBaseUrl: emulator.apiUrl,
    },
    configOverride,
  );
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
      await new Promise((r) => server.close(r));
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
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${stack.emulator.loginUrl}/oauth/authorize**`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
