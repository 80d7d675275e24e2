// The colour scales tell the truth (issue 11): the residual is scaled against V, V and WH share a
// range only while it suits both, block means say the data's range and show residuals that cannot
// cancel, factors with negatives get a diverging scale and a count in the status, kl shows its own
// objective, and a dominant row of H is clipped with the clipped cells marked.
import { test, expect } from './fixtures.js';

const figure = (page: import('@playwright/test').Page, name: string) => page.getByRole('figure', { name, exact: true });

test('an exact fit draws the residual against 1% of V, not its rounding noise', async ({ app, page }) => {
  await app.open();
  await app.fill('Rows', 30);
  await app.fill('Columns', 20);
  await app.fill('Planted rank', 3);
  await app.fill('Noise', 0);
  await app.button('Randomize').click();
  await expect(app.summary).toContainText('30×20', { timeout: 30_000 });
  await app.setNumber(app.rankBox(), 3);
  await app.setNumber('Tolerance', 0);
  await app.setNumber('Max iterations', 1500);
  await app.setSpeed('As fast as possible');
  await app.waitFor('Ready');
  await app.button('Run').click();
  const s = await app.waitFor('Stopped', 60_000);
  expect(s.relError).toBeLessThan(1e-8);
  const residual = figure(page, 'V − WH (residual)');
  await expect(residual).toContainText('Scaled against V: the range never shrinks below ±');
  // the colour bar's labels reach about 1% of the largest V (about 2 here), not 1e-15
  const labels = (await residual.locator('.heatmap-bar-label').allTextContents()).map(Number);
  expect(Math.max(...labels)).toBeGreaterThan(0.005);
});

test('after a divergence V keeps its own colour range and says so', async ({ app, page }) => {
  await app.open();
  await app.chooseAlgorithm('Gradient descent');
  await app.setNumber('Learning rate η', 0.05);
  await app.waitFor('Ready');
  await app.steps(6);
  await expect(figure(page, 'V (data)')).toContainText(/Own colour range: WH spans .* too far from V's .* to share one\./);
});

test('block means: the block size said once, the data range beside the bar, residual blocks by their largest entry, hover with mean, min and max', async ({
  app,
  page,
}) => {
  await app.open();
  await app.randomizeLowRank(400, 300, 4);
  await app.waitFor('Ready');
  await app.steps(2);
  await expect(page.getByText('Block means: each cell of V, WH and V − WH stands for a 2×2 block')).toHaveCount(1);
  // not again under each plot (the text alternatives of the plots still say it)
  await expect(page.locator('figcaption').getByText(/mean of a 2×2 block/)).toHaveCount(0);
  const V = figure(page, 'V (data)');
  const summary = (await app.summary.textContent()) ?? '';
  const [, lo, hi] = /values ([0-9.e-]+)–([0-9.e-]+)/.exec(summary) ?? [];
  await expect(V).toContainText(/Data range [0-9.e-]+–[0-9.e-]+; the colour bar spans/);
  const shown = /Data range ([0-9.e-]+)–([0-9.e-]+)/.exec((await V.textContent()) ?? '')!;
  expect(Number(shown[1])).toBeCloseTo(Number(lo), 1);
  expect(Number(shown[2])).toBeCloseTo(Number(hi), 1);
  await expect(figure(page, 'V − WH (residual)')).toContainText("Each cell shows its block's largest residual, with its sign.");
  const area = V.locator('.heatmap-area');
  await area.scrollIntoViewIfNeeded(); // the mouse hovers only what is in the viewport
  const box = (await area.boundingBox())!;
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 3);
  await expect(V.locator('.plot-hover')).toContainText(/mean [0-9.e-]+min [0-9.e-]+ · max [0-9.e-]+/);
});

test('gradient descent without projection: a diverging scale for W and the negative entries counted in the status', async ({
  app,
  page,
}) => {
  await app.open();
  await app.chooseAlgorithm('Gradient descent');
  await page.getByLabel('Project onto W, H ≥ 0').uncheck();
  await app.setSpeed('As fast as possible');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 60_000);
  await expect(app.status).toContainText(/negative entries: \d+ in W, \d+ in H/);
  const text = (await app.status.textContent()) ?? '';
  const [, w, h] = /negative entries: (\d+) in W, (\d+) in H/.exec(text)!;
  if (Number(w) > 0) await expect(figure(page, 'W (rows × components)')).toContainText(`W has ${w} negative`);
  if (Number(h) > 0) await expect(figure(page, 'H (components × columns)')).toContainText(`H has ${h} negative`);
  expect(Number(w) + Number(h)).toBeGreaterThan(0);
});

test('kl shows the KL divergence it minimizes, with the Frobenius error beside it', async ({ app, page }) => {
  await app.open();
  await app.chooseAlgorithm('Multiplicative (KL)');
  await app.waitFor('Ready');
  await expect(app.status).toContainText(/KL divergence [0-9.e+-]+ · relative error [0-9.e+-]+ \(Frobenius\)/);
  await expect(figure(page, 'KL divergence per iteration (the objective kl minimizes)')).toBeVisible();
  await app.chooseAlgorithm('HALS (coordinate descent)');
  await app.waitFor('Ready');
  await expect(app.status).not.toContainText('KL divergence');
});

test('the swimmer: the torso row of H is clipped and marked, so the other components show', async ({ app, page }) => {
  await app.open();
  await app.field('Example').selectOption({ label: 'Swimmer 1024×256 (images)' });
  await expect(app.summary).toContainText('1024×256', { timeout: 30_000 });
  // hals puts the torso, in every image, into one row of H far above the limbs' rows (anls, the
  // default, spreads it and clips nothing)
  await app.chooseAlgorithm('HALS (coordinate descent)');
  await expect(app.field('Algorithm')).toHaveValue('hals');
  await app.setSpeed('As fast as possible');
  await app.setNumber('Max iterations', 60);
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 60_000);
  await expect(figure(page, 'H (components × columns)')).toContainText(/Magenta: \d+ cells above the colour range \(up to [0-9.]+\)/);
});
