// The float32 mode in the app: Precision → float32 products runs HALS with WᵀV and VHᵀ in
// float32, says so in the status line and the field's hint, ends within 1e-4 of the float64
// run, the share link carries it and opens with it, and 2 threads give what 1 thread gives.
import { test, expect } from './fixtures.js';
import type { AppPage } from './appPage.js';
import { hals20 } from './halsRun.js';

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
  // gradient descent forms its products with the residual: those run in float32
  await app.chooseAlgorithm('Gradient descent');
  await expect(page.getByText(/RHᵀ and WᵀR with the residual R = V − WH rounded to float32/)).toBeVisible();
  await app.waitFor('Ready');
  await expect(app.status).toContainText(/ · float32 products$/);
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

test('float32 in Chromium: 2 threads give bit for bit what 1 thread gives', async ({ app }) => {
  test.setTimeout(120_000);
  const two = await hals20(app, '?threads=2', 'float32');
  const one = await hals20(app, '?threads=1', 'float32');
  expect(two.status).toMatch(/ · 2 threads · float32 products$/);
  expect(one.status).toMatch(/ · 1 thread · float32 products$/);
  expect(two.history).toHaveLength(20);
  expect(two.history).toEqual(one.history);
  expect(Array.from(two.W)).toEqual(Array.from(one.W));
  expect(Array.from(two.H)).toEqual(Array.from(one.H));
});
