import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const aws = {
  group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*'],
  message: 'No AWS imports here: go through a port.',
};
const layer = (names, message) => ({ group: names, message });

/** The dependency direction inside functions/: handlers → use cases → domain; adapters implement ports. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['functions/domain/**'],
    rules: restrict(
      aws,
      layer(
        [
          '**/ports/*',
          '**/usecases/*',
          '**/adapters/*',
          '**/handlers/*',
          '**/http/*',
          '**/wiring/*',
          '**/schemas/*',
          'zod',
          'electrodb',
        ],
        'The domain imports nothing from outer layers.',
      ),
    ),
  },
  {
    files: ['functions/ports/**'],
    rules: restrict(
      aws,
      layer(
        ['**/usecases/*', '**/adapters/*', '**/handlers/*', '**/http/*', '**/wiring/*'],
        'Ports depend on the domain only.',
      ),
    ),
  },
  {
    files: ['functions/usecases/**'],
    rules: restrict(
      aws,
      layer(
        ['**/adapters/*', '**/handlers/*', '**/http/*', '**/wiring/*', 'electrodb'],
        'Use cases talk to the world through ports only.',
      ),
    ),
  },
  {
    files: ['functions/adapters/**'],
    rules: restrict(
      layer(
        ['**/usecases/*', '**/handlers/*', '**/http/*', '**/wiring/*'],
        'Adapters implement ports; they do not call use cases or handlers.',
      ),
    ),
  },
  {
    files: ['functions/schemas/**'],
    rules: restrict(
      aws,
      layer(
        ['**/usecases/*', '**/adapters/*', '**/handlers/*', '**/wiring/*'],
        'Schemas describe the HTTP contract only.',
      ),
    ),
  },
  {
    files: ['functions/http/**'],
    rules: restrict(
      aws,
      layer(['**/adapters/*', '**/handlers/*'], 'The HTTP layer does not reach adapters or handlers.'),
    ),
  },
  {
    files: ['functions/handlers/**'],
    rules: restrict(aws, layer(['**/adapters/*'], 'Handlers get adapters from functions/wiring.')),
  },
  {
    // The web app talks to the server through the API contract only (web/api: types generated
    // from the OpenAPI document): no server, infrastructure or build code in the browser bundle.
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      layer(
        ['**/functions', '**/functions/**', '**/infra', '**/infra/**', '**/scripts', '**/scripts/**'],
        'web/ imports no server code: use the API contract in web/api.',
      ),
    ),
  },
);
