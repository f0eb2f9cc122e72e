import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql, or TypeGraphQL's types come from "another module or realm".
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    environment: 'node',
    // The integration suites share the MariaDB `test` database: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    // W2: the tests' webhook receivers listen on 127.0.0.1, which production refuses.
    env: { WEBHOOK_ALLOW_PRIVATE: 'true' },
    hookTimeout: 120_000,
  },
});
