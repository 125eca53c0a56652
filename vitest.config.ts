import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests import the workspace packages' sources, never a stale build.
const alias = {
  '@xinfang/domain': here('./packages/domain/src/index.ts'),
  '@xinfang/permissions': here('./packages/permissions/src/index.ts'),
};

// Decorators need their metadata: SWC emits it, esbuild does not (stack-notes.md).
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
    projects: [
      { resolve: { alias }, test: { name: 'domain', include: ['packages/domain/src/**/*.spec.ts'] } },
      { resolve: { alias }, test: { name: 'permissions', include: ['packages/permissions/src/**/*.spec.ts'] } },
      {
        plugins: [decorators()],
        resolve: { alias: { ...alias, '@xinfang/server': here('./server/src/index.ts') } },
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
        resolve: { alias: { ...alias, '@xinfang/server': here('./server/src/index.ts') } },
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          setupFiles: [here('./server/vitest.setup.ts')],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One database server per file; two files at once is what two cores carry.
          maxWorkers: 2,
        },
      },
      ...(existsSync(here('./portal/vitest.config.ts')) ? ['./portal/vitest.config.ts'] : []), // TEMP-DEV
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
