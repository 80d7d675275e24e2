/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    assetsInlineLimit: (file: string) => (file.endsWith('.wasm') ? false : undefined),
    chunkSizeWarningLimit: 6000,
    // The plots' demo page is built too: e2e/plots.spec.ts tests it against `vite preview`.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        plots: fileURLToPath(new URL('./web/plots/demo.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
  test: {
    include: ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
