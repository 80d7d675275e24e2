// The built app (dist/) served without the cross-origin isolation headers, so the page has no
// SharedArrayBuffer and the session falls back to one thread (e2e/threads.spec.ts). Playwright
// starts it (playwright.config.ts); by hand: npx vite preview --config e2e/no-isolation/vite.config.ts --port N.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import app from '../../vite.config.js';

export default defineConfig((env) => {
  const base = app(env);
  // the app's preview headers (its Content-Security-Policy) without COOP/COEP
  const {
    'Cross-Origin-Opener-Policy': _coop,
    'Cross-Origin-Embedder-Policy': _coep,
    ...headers
  } = (base.preview?.headers ?? {}) as Record<string, string>;
  return { ...base, root: fileURLToPath(new URL('../..', import.meta.url)), preview: { ...base.preview, headers } };
});
