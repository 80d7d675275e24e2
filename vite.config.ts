/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

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
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: isolation },
  test: {
    include: ['test/**/*.test.ts', 'web/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
