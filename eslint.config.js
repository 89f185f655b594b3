// ESLint flat config. TypeScript (src/, tests/, vitest.config.ts) gets typescript-eslint's
// type-checked rules through tsconfig.test.json, which includes both src and tests; the plain
// JavaScript glue (bin/, scripts/, bench/, this file) gets ESLint's recommended rules for Node.
// Any rule turned off or changed here says why on its line.

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // *.generated.ts: written by scripts/generate-deal-validator.js, tested instead of linted.
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.bench-tmp/', 'fixtures/', 'src/**/*.generated.ts'] },

  {
    // Every file: report an eslint-disable comment that no longer silences anything.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `let [whole, fraction] = ...` where only one is reassigned reads better than two statements.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },

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
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        project: './tsconfig.test.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `const { a: _a, ...rest } = x` is how the code leaves a key out; _name marks a parameter a
      // signature needs but the body does not (tsc's noUnusedParameters agrees).
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
);
