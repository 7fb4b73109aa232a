/** @module Shared test inputs: the forum post's failed exchange in its pasted forms, and HARs. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The absolute path of a file in testing/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function readFixture(name: string): Promise<string> {
  return readFile(fixturePath(name), 'utf8');
}
