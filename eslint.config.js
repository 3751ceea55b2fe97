// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const coreBans = {
  paths: [
    { name: 'process', message: 'lib/core is pure: pass values in as arguments.' },
    { name: 'better-sqlite3', message: 'lib/core does no I/O.' },
    { name: 'hono', message: 'lib/core does no I/O.' },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process'], message: 'lib/core does no I/O: no Node built-ins.' },
    { group: ['@hubspot/*'], message: 'lib/core must not depend on the HubSpot SDK.' },
    { group: ['**/adapters/**', '**/adapters', '**/cli/**', '**/server/**', '**/functions/**'], message: 'lib/core must not import shells or adapters.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/app/functions/dist/', 'custom-code/*.js', '.local/', 'test-results/', 'coverage/', 'local/preview/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', Buffer: 'readonly', structuredClone: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', queueMicrotask: 'readonly', self: 'readonly', window: 'readonly', document: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreBans],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'lib/core is pure: pass values in as arguments.' },
        { name: 'fetch', message: 'lib/core does no I/O.' },
        { name: 'console', message: 'lib/core does not log: return reasons.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'lib/core has no clock: take `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'lib/core is deterministic.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'lib/core has no clock: take `now` as an argument.' },
      ],
    },
  },
);
