import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { icuCatalogs } from './scripts/icu-catalogs.mjs';
import { inlineGraphqlDocuments } from './scripts/inline-graphql-documents.mjs';
import { landingChunkGroups, surveyLandingChunks } from './scripts/landing-chunks.mjs';

const require = createRequire(import.meta.url);
const webRoot = fileURLToPath(new URL('.', import.meta.url));
// Issue 14: the build's first pass lists what each opening page loads, the second groups it
// (scripts/landing-chunks.mjs).
const landingSurvey = `${webRoot}node_modules/.cache/landing-chunks.json`;
const surveying = process.env['LANDING_CHUNKS_SURVEY'] === '1';
const apiTarget = process.env['API_URL'] ?? 'http://localhost:4000';

export default defineConfig({
  // Build only: each GraphQL document goes into the chunk that uses it (see the script).
  // The message catalogs become ICU syntax trees, so the browser ships no ICU parser (E1).
  plugins: [
    react(),
    inlineGraphqlDocuments(),
    icuCatalogs(),
    surveying && surveyLandingChunks(webRoot, landingSurvey),
  ],
  server: {
    port: 5173,
    // `pnpm dev`: Vite serves the SPA with hot reload and passes API calls to the server.
    proxy: {
      '/graphql': apiTarget,
      '/downloads': apiTarget,
      '/files': apiTarget,
      '/invoices': apiTarget,
      '/activity-log.csv': apiTarget,
      '/healthz': apiTarget,
      '/schema.graphql': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    // Read by scripts/landing-pages.mjs (which deletes it): each landing page's chunks.
    manifest: true,
    // No source maps in the build: they would publish the original source (issue 10).
    sourcemap: false,
    // The explorer's Monaco editor is one big lazy chunk, loaded only on /explorer.
    chunkSizeWarningLimit: 3_000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Issue 14, first load: what the entry imports statically travels as one file, not as
          // 15 small ones. On HTTP/1.1 (six connections) each extra file waits its turn for a
          // round trip, and a phone's round trips are long.
          groups: [
            { name: 'initial', tags: ['$initial'], priority: 10 },
            // Each opening page's code in one file (scripts/landing-chunks.mjs).
            ...(surveying ? [] : landingChunkGroups(landingSurvey)),
          ],
        },
      },
      onwarn(warning, warn) {
        // GraphiQL's React Compiler output carries "use no memo" directives; harmless when bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 20_000,
    env: { TZ: 'UTC' },
    alias: [
      // Component tests against the real API in-process (src/test/real-api.ts, decision 019).
      {
        find: '@csp/api/test-support',
        replacement: fileURLToPath(
          new URL('../api/src/test-support/in-process.ts', import.meta.url),
        ),
      },
      // One copy of graphql for the web and the API's TypeGraphQL ("another module or realm").
      { find: /^graphql$/, replacement: require.resolve('graphql') },
    ],
  },
});
