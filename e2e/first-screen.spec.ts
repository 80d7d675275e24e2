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

test('the first screen at desktop and phone width (screenshots)', async ({ app, page }) => {
  await app.open();
  await app.screenshot('first-screen-1280');
  await page.setViewportSize({ width: 390, height: 800 });
  await app.screenshot('first-screen-390');
});
