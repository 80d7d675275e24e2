// Offline: once the app has loaded, its service worker (vite-plugin-pwa / Workbox, generated at
// build time) serves it with the network cut, reload included; the page stays cross-origin
// isolated (the precached responses keep their COOP/COEP headers) and a run still runs.
import { test, expect } from './fixtures.js';

test.use({ serviceWorkers: 'allow' });

test('with the network cut, a reload still opens the app, isolated, and a run runs to its stop', async ({ app, page, context }) => {
  await app.open();
  // the service worker is installed (everything precached) and, after a reload, controls the page
  await page.evaluate(async () => {
    await (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(app.status).toContainText(/Ready|Paused|Stopped/);
  const controlled = () =>
    page.evaluate(
      () =>
        (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker.controller !== null,
    );
  await expect.poll(controlled).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(app.status).toContainText(/Ready/);
  expect(await controlled()).toBe(true);
  expect(await page.evaluate(() => (globalThis as unknown as { crossOriginIsolated: boolean }).crossOriginIsolated)).toBe(true);
  // the kept session comes back at its own speed (a new page's is a watchable pace): run it flat out
  await app.setSpeed('As fast as possible');
  await app.button('Run').click();
  const stopped = await app.waitFor('Stopped', 30_000);
  expect(stopped.iteration).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: 'V − WH (residual)' })).toBeVisible();
  await context.setOffline(false);
});
