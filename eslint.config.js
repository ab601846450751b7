import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module boundaries and the dependency direction are checked by dependency-cruiser
// (.dependency-cruiser.cjs), not here.

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.data',
      '.data-*',
      'cdk.out',
      'web/out',
      'web/.next',
      'test-results',
      'playwright-report',
      'web/next-env.d.ts',
      'web/api/schema.d.ts',
      'web/api/enums.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-console': 'error',
      // One import statement per module (a type-only one beside it is fine).
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // `import { z } from 'zod'` is zod's whole namespace as one value: esbuild then bundles all its
    // locales (about 380 KB) into every Lambda. The namespace import lets it shake them off.
    files: ['functions/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind='value'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message: "Use `import * as z from 'zod'` (the named `z` bundles every locale).",
        },
      ],
    },
  },
  {
    // The web app talks to the server through the API contract only (web/api: types generated
    // from the OpenAPI document): no server, infrastructure or build code in the browser bundle.
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/functions',
                '**/functions/**',
                '**/infra',
                '**/infra/**',
                '**/scripts',
                '**/scripts/**',
              ],
              message: 'web/ imports no server code: use the API contract in web/api.',
            },
          ],
        },
      ],
    },
  },
);
