// Long-format ratings too large for a dense copy (4000×3000 = 1.2e7 cells, over the 1e7 cap,
// 12 ratings per row) load in the app held by their entries: the summary counts them, the
// heatmaps say they are a block view of a sparse V, a run goes and Pause stops it, Top predictions
// answers for any row; a solver without a sparse form is refused with a message naming the ones that work.
import { test, expect } from './fixtures.js';

/** The long-format text: user u{i} rates 12 of n items drawn by a fixed 32-bit LCG (no two the same in a row), values 1..5; and how many items were rated. */
function ratingsText(m: number, n: number): { text: string; items: number } {
  const lines = ['userId,movieId,rating'];
  let x = 12345;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x >>> 8;
  };
  const rated = new Set<number>();
  for (let i = 0; i < m; i++) {
    const cols = new Set<number>();
    while (cols.size < 12) cols.add(next() % n);
    for (const j of cols) {
      lines.push(`u${i},i${j},${1 + (next() % 5)}`);
      rated.add(j);
    }
  }
  return { text: lines.join('\n'), items: rated.size };
}

test('4000×3000 long-format ratings run held by their 48,000 entries, shown as a block view', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  const { text, items } = ratingsText(4000, 3000);
  expect(items).toBe(3000);
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'big-ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(app.summary).toContainText('big-ratings.csv — 4000×3000, 48000 observed, 11952000 missing', { timeout: 60_000 });
  await app.waitFor('Ready', 60_000);
  await expect(page.getByText('Block view of a sparse V: it is held by its 48,000 observed entries')).toBeVisible();

  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration [1-9]/, { timeout: 30_000 });
  await app.screenshot('sparse-running-1280');
  await app.button('Pause').click();
  const paused = await app.waitFor('Paused', 15_000);
  const t = Date.now();
  await expect.poll(() => Date.now() - t).toBeGreaterThan(1000);
  expect((await app.read()).iteration).toBe(paused.iteration);

  // the prediction of any row stays available: ranked in the worker for the row asked for
  const table = page.getByRole('table', { name: 'Top predictions' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(page.getByText(/^The 5 of the 2988 columns u0 has not rated with the highest values of WH/)).toBeVisible();
  await app.setNumber('Top predictions for row', 4000);
  await expect(page.getByText(/^The 5 of the 2988 columns u3999 has not rated/)).toBeVisible();

  await app.chooseAlgorithm((await app.field('Algorithm').locator('option', { hasText: /KL/ }).first().textContent())!);
  await expect(page.getByText(/^kl has no sparse form: on a long-format matrix use one of mu, als, anls, hals, gd, sgd/)).toBeVisible();
  await expect(app.summary).toContainText('4000×3000, 48000 observed');
});
