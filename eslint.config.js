// Typed lint for the TypeScript of the pipeline, the site and the tests: typescript-eslint's
// strict-type-checked rules. Every rule changed below says why. Formatting is Prettier's job.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output and generated or installed code; .astro files are type-checked by `astro check`.
    ignores: [
      'dist/',
      '.astro/',
      '.cache/',
      // Benchmark archives and shard builds: built sites, like dist/.
      '.bench/',
      'dist-shards/',
      'content/',
      'node_modules/',
      '**/*.astro',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans in messages and URLs read naturally; `${count} results` is the point.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      // `_name` marks a value taken out on purpose (destructuring a field away), as TypeScript's own rule does.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // `list[i]!` after a bounds check the compiler cannot follow (noUncheckedIndexedAccess is on): the
      // assertion documents the invariant at the place it holds.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `void promise` in event handlers and `return void push(...)` in callbacks are deliberate.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true },
      ],
      // Node's fs rejections are NodeJS.ErrnoException by contract; the catch callbacks read `.code` from it.
      '@typescript-eslint/use-unknown-in-catch-callback-variable': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // Fakes of async APIs (Pagefind, the file system) are async without awaiting anything.
      '@typescript-eslint/require-await': 'off',
      // Tests guard what types promise but a failed setup or a broken page does not deliver (a browser
      // that never launched, an element the page lost): `?.` there lets the real failure be reported.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`, and tests
      // read built JSON (data.json, JSON-LD) to compare it, not to trust it.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
