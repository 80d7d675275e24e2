// Threads in Chromium: on the cross-origin isolated app the session runs its products on the
// cores the browser reports, says so in the status line, and gives bit for bit the W, H and
// history of the same run on one thread (?threads=1); served without the isolation headers it
// falls back to one thread and says why.
import { download, readCsv, readHistory } from './downloads.js';
import { test, expect } from './fixtures.js';
import { NO_ISOLATION_URL } from './ports.js';
import type { AppPage } from './appPage.js';

/** A 300×200 rank-5 matrix run with HALS at rank 10 for 20 iterations; its W, H and history as downloaded. */
async function hals20(app: AppPage, query: string) {
  // the page may bring back the session kept from the run before (Stopped, not Ready): any phase will do, the data is replaced
  await app.page.goto(`./${query}`);
  await expect(app.status).toContainText(/^(Ready|Paused|Stopped)/, { timeout: 15_000 });
  await app.setSpeed('As fast as possible');
  await app.randomizeLowRank(300, 200, 5);
  await app.waitFor('Ready');
  await app.chooseAlgorithm('HALS (coordinate descent)');
  // rank 10: 300·10·200 multiply-adds per product, enough for the pool to split them (below 2^18 it would not)
  await app.setNumber(app.rankBox(), 10);
  await app.setNumber('Seed', 5);
  await app.setNumber('Max iterations', 20);
  await app.setNumber('Tolerance', 0);
  await app.waitFor('Ready');
  await app.button('Run').click();
  const stopped = await app.waitFor('Stopped', 30_000);
  return {
    status: stopped.text,
    W: readCsv((await download(app.page, 'W.csv')).text).values,
    H: readCsv((await download(app.page, 'H.csv')).text).values,
    history: readHistory((await download(app.page, 'history.csv')).text),
  };
}

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
