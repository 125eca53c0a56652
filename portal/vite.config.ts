import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const here = (p: string) => decodeURIComponent(new URL(p, import.meta.url).pathname);

/**
 * The portal bundles the workspace packages from their sources, so that the ability it builds is the
 * server's own code of the same commit, never a stale `dist`.
 */
export const alias = {
  '@': here('./src'),
  '@xinfang/permissions': here('../packages/permissions/src/index.ts'),
  '@xinfang/domain': here('../packages/domain/src/index.ts'),
};

/** vue-i18n's compile-time flags: the Composition API only, no devtools in production. */
export const define = {
  __VUE_I18N_FULL_INSTALL__: 'true',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
  __INTLIFY_JIT_COMPILATION__: 'true',
  __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
};

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  define,
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://localhost:4000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No hand-made chunk groups: the bundler's own splitting of the lazy routes. Groups that named
    // some of Element Plus's or ECharts' modules and not their helpers left two chunks importing each
    // other, and then the first to run found the other's exports undefined (a blank page, "M is not a
    // constructor", in one build of a commit whose other builds worked). Each route's components and
    // ECharts load with the first page that needs them; test/e2e/built-portal.e2e.test.ts fails on any
    // cycle of imports between the built chunks (docs/architecture.md, stack notes — portal traps).
  },
});
