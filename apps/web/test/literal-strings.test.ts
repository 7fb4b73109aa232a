// Issue 21, item 2: "a test fails when a component renders a literal string". Every component of the app is read
// (literal-strings.ts); one that writes a word of its own, rather than through t(), fails here with the file, line
// and words.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literalStrings } from './literal-strings.js';

const SRC = join(import.meta.dirname, '../src');

const components = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? components(path) : path.endsWith('.tsx') ? [path] : [];
  });

describe('components say their words through the catalogue', () => {
  const files = components(SRC).map((path) => ({ path, name: relative(SRC, path).split('\\').join('/') }));

  it('reads every component', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((f) => [f.name, f.path]))('%s', (name, path) => {
    const found = literalStrings(path, readFileSync(path, 'utf8'));
    // Said as "line 12: “Run”", so a failure names what to put through the catalogue.
    expect(
      found.map((l) => `line ${l.line}: “${l.text.replace(/\s+/g, ' ')}”`),
      `${name} writes literal strings`,
    ).toEqual([]);
  });

  it('finds JSX text, text attributes and the strings a child expression yields, not class names or keys', () => {
    const found = literalStrings(
      'x.tsx',
      `const A = ({ n, busy }) => (
        <p className="hint" title="Hover words" data-x="y" aria-label={busy ? 'Busy' : t('idle')}>
          Hello {name}
          {busy ? 'Saving…' : t('save')}
          {n === 'x' && <b key="k">{t('bold')}</b>}
          {\`\${n} agents\`}
          {' · '}
          {t('fine', { a: 'not read' })}
        </p>
      );`,
    );
    expect(found.map((f) => f.text)).toEqual(['Hover words', 'Busy', 'Hello', 'Saving…', 'agents']);
  });
});
