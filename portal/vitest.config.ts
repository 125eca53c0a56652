import vue from '@vitejs/plugin-vue';
import { defineProject } from 'vitest/config';
import { alias, define } from './vite.config.ts';

/** The portal's component tests: one project of the root vitest.config.ts. */
export default defineProject({
  plugins: [vue()],
  resolve: { alias },
  define,
  test: {
    name: 'portal',
    root: decodeURIComponent(new URL('.', import.meta.url).pathname),
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    // Element Plus's form item imports async-validator. Run by Node as it is, it gets that package's
    // CommonJS build, whose default import is not the validator, and every form "passes" its rules;
    // through Vite, as in the browser build, it gets the ES module.
    server: { deps: { inline: ['element-plus'] } },
  },
});
