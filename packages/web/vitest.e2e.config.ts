import { defineConfig } from 'vitest/config';

/** The browser journey: real server, real Chromium (see e2e/journey.e2e.test.ts). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
