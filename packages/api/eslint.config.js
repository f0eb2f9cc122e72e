// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Secrets never reach logs (D5, D6): log through the redacting logger only.
      'no-console': 'error',
    },
  },
  {
    files: [
      'src/main.ts',
      'src/scripts/**',
      'src/test-support/**',
      'src/**/*.test.ts',
      'scripts/**',
      'bench/**',
      'vitest.setup.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
