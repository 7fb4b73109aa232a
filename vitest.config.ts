import { defineConfig } from 'vitest/config';
import { reactOnPreact } from './apps/web/react-on-preact.js';

// Tests run against each package's source through the "source" export condition (the one mapping of
// @adhere/* to sources; tsconfig's customConditions is its twin). The CLI and `npm start` use dist.
const conditions = ['source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  // The app's modules under test import React's API, which the app runs on Preact (apps/web/react-on-preact.ts).
  resolve: { conditions, alias: reactOnPreact },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    hookTimeout: 60_000,
    globalSetup: ['apps/web/test/build-app.global.ts'],
    // A safety net, not a schedule: tests wait on events, and a busy machine (npm run test:stress) may take long.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
