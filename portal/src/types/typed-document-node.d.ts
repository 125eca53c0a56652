// The generated code in src/gql names `@graphql-typed-document-node/core`, a types-only package that
// the portal does not depend on; urql exports the same structural type, so tsconfig's `paths` points
// the name here. The imports are `import type`, so nothing of this reaches the bundle.
export type { TypedDocumentNode } from '@urql/vue';
