/**
 * The app's React imports served by Preact's React-compatible layer: the same components, about 40 KB less of the
 * first download (React DOM was two thirds of it), so the first load stays under 100 KB gzip. Shared by the app's
 * build (vite.config.ts) and the tests (vitest.config.ts), so both run the same code.
 */
export const reactOnPreact = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];
