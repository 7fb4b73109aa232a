// Vitest global setup: builds the SPA once before any test file runs (test files run in parallel
// processes, and two builds into one dist folder would race).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const appDir = fileURLToPath(new URL('..', import.meta.url));
  // Under Vitest NODE_ENV is 'test', and Vite would then emit development JSX and React's development
  // build; the app under test must be the one `npm start` serves.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: appDir, configFile: `${appDir}vite.config.ts`, logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = before;
  }
}
