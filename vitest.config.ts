import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One graphql for the server's code and for type-graphql and Apollo: Vite would pick the package's
// ES module build for our files while Node loads its CommonJS build for theirs, and two copies of
// graphql refuse each other's scalars.
const graphqlCjs = createRequire(here('./server/package.json')).resolve('graphql');

// Tests import the workspace packages' sources, never a stale build.
const alias = {
  '@xinfang/domain': here('./packages/domain/src/index.ts'),
  '@xinfang/permissions': here('./packages/permissions/src/index.ts'),
};

// Decorators need their metadata: SWC emits it, esbuild does not (docs/architecture.md, stack notes).
const decorators = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
  });

export default defineConfig({
  test: {
    // Two cores: two test files at a time.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: 'domain', include: ['packages/domain/src/**/*.spec.ts'] } },
      { resolve: { alias }, test: { name: 'permissions', include: ['packages/permissions/src/**/*.spec.ts'] } },
      {
        plugins: [decorators()],
        resolve: { alias: { ...alias, '@xinfang/server': here('./server/src/index.ts'), graphql: graphqlCjs } },
        test: {
          name: 'server',
          include: ['server/src/**/*.spec.ts'],
          setupFiles: [here('./server/vitest.setup.ts')],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [decorators()],
        resolve: { alias: { ...alias, '@xinfang/server': here('./server/src/index.ts'), graphql: graphqlCjs } },
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          setupFiles: [here('./server/vitest.setup.ts')],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      './portal/vitest.config.ts',
      {
        // The built server runs here too: the same single graphql.
        resolve: { alias: { graphql: graphqlCjs } },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // After everything else: the browser and a built server want both cores to themselves.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
