import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every GraphQL document in src/, from the committed schema (never a running server). */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', SafeInt: 'number' },
      },
    },
  },
  silent: true,
};

export default config;
