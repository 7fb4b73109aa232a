import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: src('.'),
  resolve: {
    alias: {
      '@adhere/oauth': src('../../packages/oauth/src/index.ts'),
      '@adhere/genesys': src('../../packages/genesys/src/index.ts'),
    },
  },
  esbuild: { jsx: 'automatic' },
  server: { port: 3000, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
