// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// The domain holds pure rules: no I/O, no clock, no framework (DESIGN.md §1).
const forbidden = ['typeorm', 'type-graphql', 'graphql', 'react', 'react-dom', 'mysql2', 'sql.js'];
const nodeBuiltins = [
  'fs',
  'path',
  'crypto',
  'http',
  'https',
  'os',
  'child_process',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
  'process',
  'buffer',
  'events',
  'timers',
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...forbidden, ...nodeBuiltins].map((name) => ({
            name,
            message: 'packages/domain must stay pure: no frameworks, no I/O.',
          })),
          patterns: [
            { group: ['node:*'], message: 'packages/domain must not use Node modules.' },
            {
              group: forbidden.map((name) => `${name}/*`),
              message: 'packages/domain must stay pure.',
            },
          ],
        },
      ],
      // Rules take `now` as an argument; reading the clock here would make them untestable.
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass `now` in; the domain never reads the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` in; the domain never reads the clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The domain is deterministic.',
        },
      ],
    },
  },
  {
    // Tests may read the clock for property generators, but never the rules themselves.
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
