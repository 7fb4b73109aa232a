import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against each package's source; the dist build is what the CLI and bench use.
    alias: {
      '@adhere/oauth': src('./packages/oauth/src/index.ts'),
      '@adhere/emulator': src('./packages/emulator/src/index.ts'),
      '@adhere/genesys': src('./packages/genesys/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    hookTimeout: 60_000,
    globalSetup: ['apps/web/test/build-app.global.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
