// The first screen a teacher shows: each plot of the main view says in one line what it shows
// (its figure's caption), and the default example at the default pace runs slowly enough to watch
// the loss curve fall, with "As fast as possible" one choice away.
import { test, expect, type Page } from './fixtures.js';

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** Each main-view plot's title and a phrase its caption must hold. */
const CAPTIONS: readonly [string, RegExp][] = [
  ['Relative error per iteration', /^The loss curve: how far WH is from V after each iteration .*it falls as W and H improve\./],
  ['V (data)', /^V: the data being factorized/],
  ['WH (reconstruction)', /^WH: the reconstruction, W times H; it fills in as the run goes/],
  ['V − WH (residual)', /^V − WH: the residual, what WH still misses/],
  ['W (rows × components)', /^W: one column per component/],
  ['H (components × columns)', /^H: one row per component/],
];

test('each plot of the main view has a one-line caption saying what it shows, in its figure', async ({ app, page }) => {
  await app.open();
  for (const [title, caption] of CAPTIONS) {
    const f = figure(page, title);
    await expect(f).toBeVisible();
    await expect(f.locator('figcaption .plot-caption')).toHaveText(caption);
  }
});

test('on first open the default run is paced: the loss curve gets its points over seconds, and As fast as possible is one choice away', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open('', { speed: null });
  const speed = app.field('Speed');
  await expect(speed).toHaveValue('5');
  await expect(speed.locator('option:checked')).toHaveText('5 iterations/s');
  const loss = figure(page, 'Relative error per iteration');
  /** Iterations the loss curve holds, from its text alternative ("…: 12 iterations, last 0.05."). */
  const points = async () => Number(/: (\d+) iterations?, last/.exec((await loss.locator('.plot-sr').textContent()) ?? '')?.[1] ?? 0);
  const start = Date.now();
  await app.button('Run').click();
  // the curve grows point by point: seen at several counts, each no more than the pace allows by then
  const seen: number[] = [];
  const tooFast: string[] = [];
  await expect
    .poll(
      async () => {
        const n = await points();
        const elapsed = (Date.now() - start) / 1000;
        if (n > 2 + 5 * elapsed) tooFast.push(`${n} iterations drawn ${elapsed.toFixed(2)} s after Run`);
        if (n > 0 && n !== seen[seen.length - 1]) seen.push(n);
        return seen.length;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThanOrEqual(4);
  expect(tooFast).toEqual([]);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  // still going after those points: the story is watched, not skipped
  expect((await app.read()).phase).toBe('Running');
  await app.button('Pause').click();
  await app.waitFor('Paused');
  await app.setSpeed('As fast as possible');
  await expect(speed).toHaveValue('max');
  await app.button('Run').click();
  const end = await app.waitFor('Stopped', 30_000);
  expect(end.iteration).toBeGreaterThan(seen[seen.length - 1]);
});

test('the first screen at desktop and phone width (screenshots)', async ({ app, page }) => {
  await app.open();
  await app.screenshot('first-screen-1280');
  await page.setViewportSize({ width: 390, height: 800 });
  await app.screenshot('first-screen-390');
});
