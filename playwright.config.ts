import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets several checkouts on one machine run their own preview server side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

// Browser tests in Debian's Chromium (npx playwright install cannot work on this machine kind)
// against the built app served by `vite preview`.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  // a shared CI machine may be busy: wait for the state itself, generously
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'build/reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
      ],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
