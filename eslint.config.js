import pluginVue from 'eslint-plugin-vue';
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript';
import globals from 'globals';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { layerZones } from './scripts/layers.mjs';

// From the file's own path (a string), so that the config also loads where URL is a DOM stand-in (Vitest).
const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');

export default defineConfigWithVueTs(
  {
    ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screenshots/**'],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommendedTypeChecked,
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'error',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/block-lang': ['error', { script: { lang: 'ts' } }],
    },
  },
  {
    // Only src/db talks to IndexedDB.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Use the intent methods in src/db.' }] }],
    },
  },
  {
    // The domain is plain TypeScript: it must stay free of the UI, state and storage packages
    // (the app's own layers above it are the layer rule's business, below).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vue', 'vue-router', 'pinia', 'dexie', 'chart.js', 'chart.js/*'], message: 'src/domain is pure TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    // The layers of the README's architecture, relative imports included (see scripts/layers.mjs),
    // and no import circle among the modules of src.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ alias: { '@': [src] }, extensions: ['.ts', '.vue', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.vue', '.js'],
      // Components are not followed for circles (parsing every .vue file again costs more than it finds).
      'import-x/ignore': ['\\.vue$'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: here, zones: layerZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.ts', '*.config.js', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [vueTsConfigs.disableTypeChecked],
  },
);
