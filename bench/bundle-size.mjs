// Builds a browser bundle per entry with esbuild (ESM, minified, tree-shaken) and measures it gzipped.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function bundleSize(entry, alias = {}) {
  const result = await esbuild.build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    absWorkingDir: root,
    alias,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export const workspaceAliases = {
  '@adhere/oauth': `${root}packages/oauth/src/index.ts`,
  '@adhere/genesys': `${root}packages/genesys/src/index.ts`,
};
