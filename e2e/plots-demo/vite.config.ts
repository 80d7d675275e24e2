// The plots' demo page (e2e/plots.spec.ts tests the plots on it with seeded data): the app's Vite
// config rooted here, built into build/plots-demo, never into dist/. Playwright builds and serves
// it itself (playwright.config.ts); by hand: npx vite --config e2e/plots-demo/vite.config.ts --port N.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import app from '../../vite.config.js';

export default mergeConfig(
  app,
  defineConfig({
    root: fileURLToPath(new URL('.', import.meta.url)),
    build: { outDir: fileURLToPath(new URL('../../build/plots-demo', import.meta.url)), emptyOutDir: true },
    server: { fs: { allow: [fileURLToPath(new URL('../..', import.meta.url))] } },
  }),
);
