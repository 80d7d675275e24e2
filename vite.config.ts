/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { randomBytes } from 'node:crypto';
import { VitePWA } from 'vite-plugin-pwa';
import { plotlyScript } from './web/vite/plotlyScript.js';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The app's Content-Security-Policy: scripts, styles, workers and fetches from its own origin only,
 * no inline script; 'wasm-unsafe-eval' lets the worker compile the kernels; images also from data:
 * and blob: URLs (plotly's PNG export draws its SVG through an <img>). Plotly's style rules are
 * added through the CSSOM (insertRule), which style-src 'self' allows. No frame-ancestors: embeds
 * on other sites are a feature, and a <meta> policy could not carry it anyway.
 */
function csp(extra: { script?: string[]; style?: string[] } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'", ...(extra.script ?? [])],
    'style-src': ["'self'", ...(extra.style ?? [])],
    'img-src': ["'self'", 'data:', 'blob:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** The dev server's nonce for the scripts and styles Vite and React refresh inject inline (new at each start). */
const DEV_NONCE = randomBytes(16).toString('base64');

/** Writes the policy into the built index.html as a <meta> tag, so any static host serving dist/ applies it. */
function cspMeta(): Plugin {
  return {
    name: 'nmf:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp() }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig(({ command }) => ({
  base: './',
  plugins: [
    react(),
    cspMeta(),
    plotlyScript(),
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
  // dev only: Vite's injected <script>/<style> tags carry this nonce (its client reads it for the styles it adds)
  html: command === 'serve' ? { cspNonce: DEV_NONCE } : {},
  worker: { format: 'es' },
  build: {
    // the wasm and plotly's rule sheet stay files (a data: URL would need script-src/style-src data:)
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') || file.endsWith('plotly-rules.css') ? false : undefined),
    chunkSizeWarningLimit: 6000,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    headers: { ...isolation, 'Content-Security-Policy': csp({ script: [`'nonce-${DEV_NONCE}'`], style: [`'nonce-${DEV_NONCE}'`] }) },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { ...isolation, 'Content-Security-Policy': csp() } },
  test: {
    include: ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
}));
