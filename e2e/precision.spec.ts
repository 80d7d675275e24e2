// The float32 mode in the app: Precision → float32 products runs HALS with WᵀV and VHᵀ in
// float32, says so in the status line and the field's hint, ends within 1e-4 of the float64
// run, the share link carries it and opens with it, and 2 threads give what 1 thread gives.
import { download, readCsv, readHistory } from './downloads.js';
import { test, expect } from './fixtures.js';
import type { AppPage } from './appPage.js';

/** A 300×200 rank-5 matrix, HALS, seed 5, 30 iterations at the given precision, run to Stopped. */
async function hals30(app: AppPage, precision: string) {
  await app.field('Precision').selectOption({ label: precision });
  await app.waitFor('Ready');
  await app.button('Run').click();
  return app.waitFor('Stopped', 30_000);
}

test('float32 products: said in the status and the hint, errors within 1e-4 of float64, kept by a share link', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await app.randomizeLowRank(300, 200, 5);
  await app.waitFor('Ready');
  await app.chooseAlgorithm('HALS (coordinate descent)');
  await app.setNumber('Seed', 5);
  await app.setNumber('Max iterations', 30);
  await app.setNumber('Tolerance', 0);
  const f64 = await hals30(app, 'float64');
  expect(f64.text).not.toContain('float32');
  const f32 = await hals30(app, 'float32 products (faster)');
  expect(f32.text).toMatch(/ · \d+ threads? · float32 products$/);
  expect(f32.iteration).toBe(30);
  expect(Math.abs(f32.relError - f64.relError) / f64.relError).toBeLessThan(1e-4);
  await expect(page.getByText(/WᵀV and VHᵀ with V rounded to float32/)).toBeVisible();
  await app.screenshot('precision-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('region', { name: 'Options' }).screenshot({ path: 'e2e/screenshots/precision-options-390.png' });
  await page.setViewportSize({ width: 1280, height: 800 });

  // KL forms no products with V: the hint says it runs in float64, the status line says nothing of float32
  await app.chooseAlgorithm('Multiplicative (KL)');
  await expect(page.getByText('Multiplicative (KL) forms no products with V: it runs in float64.')).toBeVisible();
  await expect(app.status).not.toContainText('float32');
  await app.chooseAlgorithm('HALS (coordinate descent)');
  await app.waitFor('Ready');

  await page.getByRole('button', { name: 'Share link', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toContain('&prec=float32&');
  await page.goto('about:blank');
  await page.goto(link);
  await expect(app.field('Precision')).toHaveValue('float32');
  await expect(app.status).toContainText(/ · float32 products$/, { timeout: 15_000 });
});

test('float32 in Chromium: 2 threads give bit for bit what 1 thread gives', async ({ app, page }) => {
  test.setTimeout(120_000);
  const run = async (threads: number) => {
    await page.goto(`./?threads=${threads}`);
    await expect(app.status).toContainText(/^(Ready|Paused|Stopped)/, { timeout: 15_000 });
    await app.setSpeed('As fast as possible');
    await app.randomizeLowRank(300, 200, 5);
    await app.waitFor('Ready');
    await app.chooseAlgorithm('HALS (coordinate descent)');
    await app.field('Precision').selectOption('float32');
    // rank 10: 300·10·200 multiply-adds per product, enough for the pool to split them
    await app.setNumber(app.rankBox(), 10);
    await app.setNumber('Seed', 5);
    await app.setNumber('Max iterations', 20);
    await app.setNumber('Tolerance', 0);
    await app.waitFor('Ready');
    await app.button('Run').click();
    const stopped = await app.waitFor('Stopped', 30_000);
    expect(stopped.text).toMatch(new RegExp(` · ${threads} threads? · float32 products$`));
    return {
      W: readCsv((await download(page, 'W.csv')).text).values,
      history: readHistory((await download(page, 'history.csv')).text),
    };
  };
  const two = await run(2);
  const one = await run(1);
  expect(two.history).toHaveLength(20);
  expect(two.history).toEqual(one.history);
  expect(Array.from(two.W)).toEqual(Array.from(one.W));
});
