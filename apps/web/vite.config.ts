import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { reactOnPreact } from './react-on-preact.js';
import { catalogueProblems } from './src/i18n/catalogue-check.js';
import { en } from './src/i18n/messages/en.js';
import { es } from './src/i18n/messages/es.js';
import { ptBR } from './src/i18n/messages/pt-BR.js';
import { fr } from './src/i18n/messages/fr.js';
import { de } from './src/i18n/messages/de.js';
import { ja } from './src/i18n/messages/ja.js';

/** The build fails on a translation with a missing key, a broken placeholder or invalid ICU (issue 21). */
const catalogues: Plugin = {
  name: 'adhere-catalogues',
  buildStart() {
    const problems = Object.entries({ es, 'pt-BR': ptBR, fr, de, ja }).flatMap(([l, c]) => catalogueProblems(l, c, en));
    if (problems.length) this.error(`Translations are broken:\n${problems.join('\n')}`);
  },
};

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
  plugins: [catalogues],
  server: { port: 3000, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
});
