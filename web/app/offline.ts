// Registers the build's service worker (vite-plugin-pwa / Workbox, dist/sw.js), which makes the app
// work offline once loaded. Absent in the dev server; a browser that refuses service workers just
// goes on without (the app works online all the same).
import { registerSW } from 'virtual:pwa-register';

/** Registers the service worker after the page has loaded (updates are taken at the next load). */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({ immediate: true, onRegisterError: () => {} });
}
