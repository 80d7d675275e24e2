// A 2000×1000 rank-20 run keeps the page responsive: status updates keep coming and Pause
// stops the run at the end of the time slice it is in. Measured in iterations, not seconds, so a
// loaded machine (slower page and worker alike) does not change the verdict; speed itself is
// measured by `npm run bench:ui`, not here.
import { test, expect } from './fixtures.js';

test('a 2000×1000 rank-20 run: status keeps updating and Pause stops it within a few iterations', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await app.randomizeLowRank(2000, 1000, 20);
  // Randomize keeps the user's rank and only hints at the planted one
  await expect(app.page.getByText('Hint: this data was made with rank 20.')).toBeVisible();
  await app.setNumber(app.rankBox(), 20);
  await expect(app.rankBox()).toHaveValue('20');
  const algorithms = await app.field('Algorithm').locator('option').allTextContents();
  const hals = algorithms.find((l) => /HALS|hierarchical/i.test(l));
  if (hals) await app.chooseAlgorithm(hals);
  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.waitFor('Ready', 30_000);
  // The figure says once that it shows block means, and of which size.
  await expect(
    page.getByText('Block means: each cell of V, WH and V − WH stands for a 10×5 block (2000×1000 shown as 200×200)'),
  ).toBeVisible();

  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration [1-9]/, { timeout: 15_000 });
  // Status updates keep coming: the iteration moves on in each of three looks a second apart.
  let last = (await app.read()).iteration;
  for (let i = 0; i < 3; i++) {
    await expect.poll(async () => (await app.read()).iteration, { timeout: 5000 }).toBeGreaterThan(last);
    last = (await app.read()).iteration;
  }
  await app.screenshot('big-running-1280');

  const shown = (await app.read()).iteration;
  await app.button('Pause').click();
  const paused = await app.waitFor('Paused', 15_000);
  // the worker stops at the end of its 10 ms slice once the click reaches it; what is left is the
  // status line's lag and the click's round trip, which grow when the page's thread is starved (a
  // CPU-bound process beside it: 31 seen). A Pause that did not stop the run would go on to the
  // 100000-iteration limit; one that took seconds would be hundreds further
  expect(paused.iteration - shown).toBeLessThanOrEqual(100);
  // and it stays paused: a second later (by the clock) the iteration has not moved
  const t = Date.now();
  await expect.poll(() => Date.now() - t).toBeGreaterThan(1000);
  expect((await app.read()).iteration).toBe(paused.iteration);
});
