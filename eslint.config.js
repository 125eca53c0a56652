// ESLint for the whole workspace: typescript-eslint with type information (no floating promises),
// eslint-plugin-vue for the portal (docs/architecture.md, house style).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import { serverModuleRules } from './eslint.modules.js';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'portal/src/gql/**', 'test-results/**', '**/*.d.ts', 'server/src/migrations/Migration*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['portal/**/*.vue', 'portal/**/*.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.vue'] },
    },
    rules: {
      // Element Plus pages read better with several attributes on one line, as the Element docs write them.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // @casl/vue's <Can I="read" a="Unit"> is written as CASL documents it.
      'vue/attribute-hyphenation': ['warn', 'always', { ignore: ['I'] }],
    },
  },
  {
    // Decorated classes: type-graphql and MikroORM read the emitted types of these imports at run time.
    files: ['server/src/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  // Scoped reads in one place, and modules that meet only through their surfaces (eslint.modules.js).
  ...serverModuleRules,
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
