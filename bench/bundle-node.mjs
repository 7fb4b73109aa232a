// TypeScript entries (benches, the soak) bundled for Node 20, which cannot run .ts itself: sources through
// the `source` condition, packages left external (they run from node_modules and each package's dist).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const out = `${root}.bench-out`;

export async function bundleForNode(entryPoints) {
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: out,
    packages: 'external',
    conditions: ['source'],
    logLevel: 'warning',
  });
}
