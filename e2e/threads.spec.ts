// Threads in Chromium: on the cross-origin isolated app the session runs its products on the
// cores the browser reports, says so in the status line, and gives bit for bit the W, H and
// history of the same run on one thread (?threads=1); served without the isolation headers it
// falls back to one thread and says why.
import { test, expect } from './fixtures.js';
import { hals20 } from './halsRun.js';
import { NO_ISOLATION_URL } from './ports.js';

test('isolated: the status names the threads, and 2 threads give bit for bit what 1 thread gives', async ({ app, page }) => {
  test.setTimeout(120_000);
  const isolated = await (async () => {
    await page.goto('./');
    return page.evaluate(
      () => [(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated, navigator.hardwareConcurrency] as const,
    );
  })();
  expect(isolated[0]).toBe(true);
  const two = await hals20(app, '?threads=2');
  expect(two.status).toMatch(/ · 2 threads$/);
  const one = await hals20(app, '?threads=1');
  expect(one.status).toMatch(/ · 1 thread$/);
  expect(two.history).toHaveLength(20);
  // exact equality of every entry (toEqual on numbers compares with Object.is)
  expect(Array.from(two.W)).toEqual(Array.from(one.W));
  expect(Array.from(two.H)).toEqual(Array.from(one.H));
  expect(two.history).toEqual(one.history);
  // no ?threads: the cores the browser reports (capped at 16). The bare address may bring back the
  // session kept from the runs above (Stopped, not Ready): the thread mode ends the status either way.
  await page.goto('./');
  const cores = Math.min(isolated[1], 16);
  await expect(app.status).toHaveText(new RegExp(` · ${cores} thread${cores > 1 ? 's' : ''}$`));
});

test.describe('served without the cross-origin isolation headers', () => {
  test.use({ baseURL: NO_ISOLATION_URL });

  test('falls back to one thread, says so in the status line, and still runs', async ({ app, page }) => {
    await app.open('?threads=2');
    expect(await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated)).toBe(false);
    await expect(app.status).toHaveText(/^Ready · .* · 1 thread \(no cross-origin isolation\)$/);
    await app.button('Step').click();
    await expect(app.status).toHaveText(/^\w+ · iteration 1 · .* · 1 thread \(no cross-origin isolation\)$/);
  });
});
