import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types every operation in `src/**\/*.graphql` from the server's committed schema. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', Date: 'string', JSON: 'unknown', ID: 'string' },
      },
    },
  },
};

export default config;
