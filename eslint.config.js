// ESLint flat config. TypeScript (src/, tests/, vitest.config.ts) gets typescript-eslint's
// type-checked rules through tsconfig.test.json, which includes both src and tests; the plain
// JavaScript glue (bin/, scripts/, bench/, this file) gets ESLint's recommended rules for Node.
// Any rule turned off or changed here says why on its line.

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.bench-tmp/', 'fixtures/'] },

  // Every file: report an eslint-disable comment that no longer silences anything.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  {
    files: ['**/*.js', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.test.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
