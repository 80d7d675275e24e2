// Long-format ratings too large for a dense copy (4000×3000 = 1.2e7 cells, over the 1e7 cap, 30
// ratings per row = 1% observed) load in the app held by their entries: the summary counts them,
// the heatmaps say they are a block view (block size included) of a sparse V, a run goes and Pause
// stops it, Top predictions lists a chosen row's unrated columns, WH exports at the observed
// entries only; a solver without a sparse form is refused with a message naming the ones that work.
import { writeFileSync } from 'node:fs';
import { ratingsLongText } from '../src/data/long.js';
import { download } from './downloads.js';
import { test, expect } from './fixtures.js';

const PER_ROW = 30;

test('4000×3000 long-format ratings run held by their 120,000 entries, shown as a block view, with Top predictions', async ({
  app,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await app.open();
  const file = testInfo.outputPath('big-ratings.csv');
  writeFileSync(file, ratingsLongText(4000, 3000, PER_ROW, 12345));
  await app.field('Upload CSV/TSV file').setInputFiles(file);
  await expect(app.summary).toContainText('big-ratings.csv — 4000×3000, 120000 observed, 11880000 missing', { timeout: 60_000 });
  await app.waitFor('Ready', 60_000);
  const note = page.getByText(/Block view of a sparse V: it is held by its 120,000 observed entries/);
  await expect(note).toContainText('each cell of V, WH and V − WH stands for a 20×15 block (4000×3000 shown as 200×200)');
  await expect(note).toContainText('V − WH the residual at the observed entries only');

  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration [1-9]/, { timeout: 30_000 });
  // Pause within a frame: by the next frame the line says Paused, at the iteration it showed when pressed
  const { shown, next } = await app.pauseWithinFrame();
  const at = Number(/^Running · iteration (\d+) /.exec(shown)?.[1]);
  expect(next).toMatch(new RegExp(`^Paused · iteration ${at} `));
  // the worker confirms at that iteration, or where it is when that one is no longer among its marks
  const paused = await app.waitFor('Paused', 15_000);
  expect(paused.iteration).toBeGreaterThanOrEqual(at);
  // paused for good: one Step goes exactly one iteration further
  await app.button('Step').click();
  await expect(app.status).toHaveText(new RegExp(`^Paused · iteration ${paused.iteration + 1} `));

  // Top predictions, ranked in the worker from the full W and H
  const table = page.getByRole('table', { name: 'Top predictions' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByText(`The 5 of the ${3000 - PER_ROW} columns u0 has not rated`)).toBeVisible();
  // the prediction of any row stays available: ranked in the worker for the row asked for
  await app.setNumber('Top predictions for row', 4000);
  await expect(page.getByText(`The 5 of the ${3000 - PER_ROW} columns u3999 has not rated`)).toBeVisible();
  await expect(table.locator('tbody th').first()).toHaveText(/^i\d+$/);
  const values = (await table.locator('tbody td').allTextContents()).map((t) => Number.parseFloat(t));
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  await app.screenshot('sparse-1280');

  // WH at the observed entries only: one line per rating, not 12,000,000 values
  const wh = await download(page, 'WH.csv');
  expect(wh.fileName).toMatch(/^big-ratings-4000x3000_\w+_k\d+_it\d+_WH-observed\.csv$/);
  const lines = wh.body.trimEnd().split('\n');
  expect(lines[0]).toBe('row,column,WH');
  expect(lines).toHaveLength(1 + 4000 * PER_ROW);
  expect(lines[1]).toMatch(/^u0,i\d+,[0-9.e+-]+$/);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(note).toBeVisible();
  await app.screenshot('sparse-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  await app.chooseAlgorithm((await app.field('Algorithm').locator('option', { hasText: /KL/ }).first().textContent())!);
  await expect(page.getByText(/^kl has no sparse form: on a long-format matrix use one of mu, als, anls, hals, gd, sgd/)).toBeVisible();
  await expect(app.summary).toContainText('4000×3000, 120000 observed');
});
