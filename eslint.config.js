// typescript-eslint for every TypeScript file; the react-hooks rules for the app. Formatting is Prettier's.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'artifacts/**', '.bench-out/**', '**/*.d.mts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // A closure may read a variable before its one assignment (the token handler's rejection log does).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Prettier wraps code at 120 columns but never splits a string: this keeps long messages split too.
      'max-len': ['error', { code: 160, ignoreUrls: true }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Message catalogues: one ICU message per line; splitting a sentence with + would hide it from translators.
    files: ['apps/web/src/i18n/messages/**'],
    rules: { 'max-len': ['error', { code: 160, ignoreStrings: true }] },
  },
  {
    // Tests read loosely typed JSON from the wire; `any` there is the honest type. Their inputs are pasted
    // text (code, curl commands) that must stay as people paste it, long lines included.
    files: ['**/test/**/*.ts', 'bench/**/*.ts', 'testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'max-len': 'off' },
  },
);
