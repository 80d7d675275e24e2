// Restarts in the main view and the Compare restarts view, as a person uses them: a run with
// Restarts 3 keeps the best, shows the spread of the final errors, and Compare restarts matches the
// best restart's components to the second best's and to the planted W, H.
import { test, expect, type Page } from './fixtures.js';

/** The matched pairs (component of the first, of the second, W correlation, H correlation) of the table named `caption`. */
async function pairs(page: Page, caption: RegExp): Promise<number[][]> {
  const table = page.getByRole('table', { name: caption });
  const rows = await table.locator('tbody tr').all();
  const out: number[][] = [];
  for (const row of rows) {
    const cells = await row.locator('th, td').allTextContents();
    out.push(cells.map(Number));
  }
  return out;
}

/** The score in the footer of the table named `caption`. */
async function score(page: Page, caption: RegExp): Promise<number> {
  const table = page.getByRole('table', { name: caption });
  return Number(await table.locator('tfoot td').first().textContent());
}

test('Restarts 3 keeps the best of three runs; Compare restarts matches best, second best and the planted factors', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000); // three runs to their stop on a machine that may be shared
  await app.open();
  await app.randomizeLowRank(40, 30, 3);
  await page.getByRole('tab', { name: 'Compare restarts' }).click();
  await expect(page.getByRole('heading', { name: 'Compare restarts' })).toBeVisible();
  await expect(page.getByText(/^This run has one restart\./)).toBeVisible();
  await page.getByRole('tab', { name: 'Factorize' }).click();

  await app.setNumber(app.rankBox(), 3);
  await app.setNumber('Restarts', 3);
  await expect(page.getByText('Runs seeds 1 to 3 in turn, each to its stop, and keeps the best.')).toBeVisible();
  await app.button('Run').click();
  await expect(app.status).toContainText(/· best of 3 restarts \(seed [1-3]\)( · \d threads?.*)?$/, { timeout: 90_000 });
  const s = await app.read();
  expect(s.phase).toBe('Stopped');
  const best = Number(/best of 3 restarts \(seed (\d)\)/.exec(s.text)![1]);
  await expect(page.getByRole('figure', { name: 'Final relative error of each restart' })).toBeVisible();

  await page.getByRole('tab', { name: 'Compare restarts' }).click();
  const restarts = new RegExp(`^Matched components: best \\(seed ${best}\\) and second best \\(seed [1-3]\\)$`);
  await expect(page.getByRole('table', { name: restarts })).toBeVisible();
  const found = await pairs(page, restarts);
  expect(found).toHaveLength(3);
  // a one-to-one matching: every component of each side once
  expect(found.map((p) => p[0]).sort()).toEqual([1, 2, 3]);
  expect(found.map((p) => p[1]).sort()).toEqual([1, 2, 3]);
  for (const [, , rW, rH] of found) {
    expect(rW).toBeGreaterThanOrEqual(-1);
    expect(rW).toBeLessThanOrEqual(1);
    expect(rH).toBeGreaterThanOrEqual(-1);
    expect(rH).toBeLessThanOrEqual(1);
  }
  expect(await score(page, restarts)).toBeCloseTo(found.reduce((a, p) => a + p[2], 0) / 3, 2);

  // the planted rank-3 factors (noise 0.05) are found again by the best restart, up to scale and order
  const truth = new RegExp(`^Matched components: best \\(seed ${best}\\) and planted$`);
  const planted = await pairs(page, truth);
  expect(planted).toHaveLength(3);
  for (const [, , rW] of planted) expect(rW).toBeGreaterThan(0.9);
  expect(await score(page, truth)).toBeGreaterThan(0.9);
  const beside = page.getByRole('region', { name: /^Best restart \(seed \d, error [0-9.]+\) and second best/ });
  await expect(beside.getByRole('figure', { name: `W, best (seed ${best}), unit columns` })).toBeVisible();
  await expect(beside.getByRole('figure', { name: /^H, second best \(seed [1-3]\), matched order$/ })).toBeVisible();
  const againstTruth = page.getByRole('region', { name: `Best restart (seed ${best}) and the planted factors (rank 3)` });
  await expect(againstTruth.getByRole('figure', { name: 'W, planted, unit columns, matched order' })).toBeVisible();
  await app.screenshot('restarts-1280');
  await page.setViewportSize({ width: 390, height: 800 });
  await app.screenshot('restarts-390');
});
