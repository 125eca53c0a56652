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

// Element Plus and the framework change rarely and the pages often: separate chunks keep the
// browser's cache of the libraries across releases and keep any one chunk from growing absurd
// (stack-notes.md, "Portal traps").
const VENDOR_GROUPS: Array<{ name: string; test: RegExp; priority: number }> = [
  // The data components only the signed-in pages use stay out of the sign-in page's download. A
  // component that imports one of them belongs here too (tree-select: select, tree, checkbox), or the
  // two chunks import each other and the first to run finds the other's helpers undefined.
  { name: 'element-plus-data', test: /node_modules[\\/]element-plus[\\/]es[\\/]components[\\/](table|table-column|tree|tree-select|pagination|descriptions|checkbox|select|option)[\\/]/, priority: 40 },
  { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@popperjs|@sxzz|async-validator|dayjs|lodash-unified|lodash-es|@vueuse|@ctrl|memoize-one|normalize-wheel-es|escape-html)[\\/]/, priority: 30 },
  // ECharts' and ZRender's class helpers (tslib) go with them: left to the page that draws the chart,
  // the chart chunk would import them back from it before that page had run, and every chart fail.
  { name: 'echarts', test: /node_modules[\\/](echarts|zrender|vue-echarts|tslib)[\\/]/, priority: 30 },
  { name: 'urql', test: /node_modules[\\/](graphql|@urql|wonka|@0no-co)[\\/]/, priority: 20 },
  { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 20 },
  { name: 'casl', test: /node_modules[\\/](@casl|@ucast)[\\/]/, priority: 20 },
];

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
    rolldownOptions: {
      output: {
        // A group takes only the modules it names; their shared helpers stay in the core chunk.
        codeSplitting: { groups: VENDOR_GROUPS, includeDependenciesRecursively: false },
      },
    },
  },
});
