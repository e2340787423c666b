import { fileURLToPath, URL } from 'node:url';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { VitePWA } from 'vite-plugin-pwa';
import { metaContentSecurityPolicy, securityHeaders } from './security.config.ts';
import { jsonSchemasPlugin } from './scripts/jsonSchemasPlugin.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The modules the start page is drawn with (scripts/size.mjs counts what is really fetched). */
const FIRST_SCREEN =
  /node_modules[\\/](@vue[\\/](runtime-core|runtime-dom|reactivity|shared)|pinia|vue-router)[\\/]|src[\\/](App\.vue|i18n[\\/](index|sv|translate|types|keys)\.ts|stores[\\/](centres|undo|saveStatus|device|deferredDatabase)\.ts|db[\\/](firstRead|connection)\.ts|domain[\\/](records|deletions|types|ids|timestamps|period|privacy)\.ts|components[\\/]app[\\/]|components[\\/]centre[\\/]CentreSummary\.vue|views[\\/]CentrePickerView\.vue|modules[\\/](router|pwa|chunkRecovery)\.ts|components[\\/]charts[\\/]loadChartCanvas\.ts)|vite[\\/]preload-helper|plugin-vue:export-helper/;

// APP_BUILD_ID lets the update test produce a second, different build of the same version.
const buildId = process.env.APP_BUILD_ID ?? 'local';

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __BUILD_ID__: JSON.stringify(buildId),
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: process.env.APP_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // One router chunk: a lazy page importing a single router hook otherwise splits it in two.
        // The start page in one file beside the entry, not twenty: on a slow mobile line every file of
        // the first download is a request of its own, and six at a time wait in line for each other.
        // Only what the start page draws goes here (src/db's Dexie and the other pages stay apart).
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'start', test: FIRST_SCREEN, priority: 2 },
            { name: 'vue-router', test: /node_modules[\\/]vue-router/, priority: 1 },
          ],
        },
      },
    },
  },
  // The production server's headers (see the README), so that browser tests run under them.
  preview: {
    headers: { ...securityHeaders },
  },
  plugins: [
    vue(),
    jsonSchemasPlugin(),
    {
      // Only in the build: the dev server injects <style> elements for hot reload, which the policy forbids.
      name: 'content-security-policy-meta',
      apply: 'build',
      // Right after the charset and before any script or stylesheet, so that it governs them all.
      transformIndexHtml: (html) =>
        html.replace('<meta charset="UTF-8" />', `$&\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy}" />`),
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Självvärdering familjecentral',
        short_name: 'Familjecentral',
        description: 'Självvärdering för arbetsgrupper på vägen mot familjecentral – fungerar utan nät.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#f7f5f0',
        theme_color: '#1f5f5b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The service worker waits until the user accepts the update prompt.
        skipWaiting: false,
        clientsClaim: false,
      },
    }),
  ],
});
