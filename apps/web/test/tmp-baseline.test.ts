import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'vitest';
import { literalStrings } from './literal-strings.js';
const SRC = join(import.meta.dirname, '../src');
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.tsx') ? [p] : [];
  });
it('baseline', () => {
  const lines: string[] = [];
  const detail: string[] = [];
  for (const f of walk(SRC).sort()) {
    const l = literalStrings(f, readFileSync(f, 'utf8'));
    const n = relative(SRC, f);
    if (l.length) lines.push(`  '${n}': ${l.length},`);
    detail.push(`== ${n} ${l.length}`);
    for (const x of l) detail.push(`  ${x.line}: ${x.text.replace(/\s+/g, ' ')}`);
  }
  writeFileSync('/tmp/lit/baseline.txt', lines.join('\n'));
  writeFileSync('/tmp/lit/detail.txt', detail.join('\n'));
});
