// Reads the official SDK's TypeScript declarations (purecloud-platform-client-v2 index.d.ts) and checks
// a JSON value against a model: every field we send must exist in Genesys's model with the same type.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Fields = Map<string, string>;
let models: Map<string, Fields> | undefined;

function load(): Map<string, Fields> {
  if (models) return models;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('purecloud-platform-client-v2/package.json'));
  const text = readFileSync(join(dir, 'index.d.ts'), 'utf8');
  models = new Map();
  // A body is the lines indented two tabs, up to the interface's own closing brace (a tab and }); an empty
  // interface has none, and must not swallow the next one.
  const re = /export interface (\w+) \{[ \t]*\n((?:\t\t[^\n]*\n)*)\t\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const fields: Fields = new Map();
    for (const f of m[2]!.matchAll(/"([^"]+)"\??: ([^;]+);/g)) fields.set(f[1]!, f[2]!.trim());
    if (!models.has(m[1]!)) models.set(m[1]!, fields);
  }
  return models;
}

export function sdkModel(name: string): Fields {
  const model = load().get(name);
  if (!model) throw new Error(`no model ${name} in the SDK's index.d.ts`);
  return model;
}

/** Returns every mismatch between `value` and the SDK model `name` (empty when it conforms). */
export function modelMismatches(value: unknown, name: string, path = name): string[] {
  const model = sdkModel(name);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
  const problems: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const type = model.get(key);
    if (type === undefined) {
      problems.push(`${path}.${key}: not a field of ${name}`);
      continue;
    }
    problems.push(...typeMismatches(v, type, `${path}.${key}`));
  }
  return problems;
}

function typeMismatches(v: unknown, type: string, path: string): string[] {
  if (type === 'string') return typeof v === 'string' ? [] : [`${path}: expected string`];
  if (type === 'number') return typeof v === 'number' ? [] : [`${path}: expected number`];
  if (type === 'boolean') return typeof v === 'boolean' ? [] : [`${path}: expected boolean`];
  if (type === 'object' || type.startsWith('{ [key: string]'))
    return typeof v === 'object' && v !== null ? [] : [`${path}: expected object`];
  const arr = /^Array<(.+)>$/.exec(type);
  if (arr)
    return Array.isArray(v)
      ? v.flatMap((item, i) => typeMismatches(item, arr[1]!, `${path}[${i}]`))
      : [`${path}: expected array`];
  const model = /^Models\.(\w+)$/.exec(type);
  if (model) return modelMismatches(v, model[1]!, path);
  return [];
}
