import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';
import { reactOnPreact } from './react-on-preact.js';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: src('.'),
  // The workspace packages are built from source through their "source" export condition (as in the tests).
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // React's API on Preact (see react-on-preact.ts).
    alias: reactOnPreact,
  },
  esbuild: { jsx: 'automatic' },
  server: { port: 3000, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
