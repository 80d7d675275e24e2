/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Offline: a Workbox service worker generated at build time (dist/sw.js), precaching the app's
    // files (the wasm, the plotly chunk, the workers) so a reload works with the network gone.
    // Precached responses keep the headers they were fetched with, COOP/COEP included, so the page
    // stays cross-origin isolated when the service worker serves it (e2e/offline.spec.ts checks).
    // Registered by web/app/offline.ts; no web app manifest (nothing to install).
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm}'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
    chunkSizeWarningLimit: 6000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
  test: {
    include: ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
