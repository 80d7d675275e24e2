import { defineConfig, devices } from '@playwright/test';
import { NO_BROWSER_UI_PRELOAD } from './bench/preview.js';
import { APP_PORT, DEMO_PORT, DEMO_URL, NO_ISOLATION_PORT, NO_ISOLATION_URL } from './e2e/ports.js';

const vite = 'node node_modules/vite/bin/vite.js';
const demoConfig = '--config e2e/plots-demo/vite.config.ts';

// Browser tests in Debian's Chromium (npx playwright install cannot work on this machine kind)
// against the built app served by `vite preview`, and the plots' demo page (e2e/plots-demo), which
// is built (into build/plots-demo, not dist/) and served by a second `vite preview`; a third serves
// dist/ without the cross-origin isolation headers (the one-thread fallback, e2e/threads.spec.ts).
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  // a shared CI machine may be busy: wait for the state itself, generously
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'build/reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    // the build's service worker would precache the whole app in every test's fresh context;
    // e2e/offline.spec.ts allows it where it is tested
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        NO_BROWSER_UI_PRELOAD, // Chromium's omnibox popup, preloaded at launch: CPU the tests' pages need
      ],
    },
  },
  webServer: [
    {
      command: `${vite} preview --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `${vite} build ${demoConfig} --logLevel warn && ${vite} preview ${demoConfig} --port ${DEMO_PORT} --strictPort`,
      url: DEMO_URL,
      reuseExistingServer: !process.env.CI,
      // the demo is built first (plotly is most of it): a busy machine needs a while
      timeout: 240_000,
    },
    {
      command: `${vite} preview --config e2e/no-isolation/vite.config.ts --port ${NO_ISOLATION_PORT} --strictPort`,
      url: NO_ISOLATION_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
