// Export: the full W, H and WH (never the display's block means) and the error history as CSV
// files at the current iteration, labelled like the data, saved from the page through blob: URLs.
import { test, expect } from './fixtures.js';
import { download, readCsv, readHistoryFile, resultName } from './downloads.js';
import { gemm_nn } from '../src/kernels-ts/products.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';

/** The default algorithm, which names the exported files below. */
const A = DEFAULT_OPTIONS.algorithm;

const FILES = ['W.csv', 'H.csv', 'WH.csv', 'history.csv'];

/** WH (m×n) of W (m×k) and H (k×n), summed over k in order, as the app's export does. */
function product(W: Float64Array, H: Float64Array, m: number, k: number, n: number): number[] {
  const out = new Float64Array(m * n);
  gemm_nn(W, H, out, m, k, n);
  return Array.from(out);
}

test('the downloads are enabled after the first iteration and hold W, H, WH and the history of that iteration', async ({ app, page }) => {
  await app.open();
  for (const f of FILES) await expect(app.button(`Download ${f}`)).toBeDisabled();
  await expect(page.getByText('Available after the first iteration.', { exact: false })).toBeVisible();
  const s = await app.steps(3);

  const w = await download(page, 'W.csv');
  expect(w.fileName).toBe(resultName('low-rank-60x40', A, 4, 3, 'W'));
  await expect(page.getByText(new RegExp(`^Saved low-rank-60x40_${A}_k4_it3_W\\.csv: iteration 3, \\d+(\\.\\d)? kB\\.$`))).toBeVisible();
  const h = await download(page, 'H.csv');
  const wh = await download(page, 'WH.csv');
  const hist = await download(page, 'history.csv');
  expect([h.fileName, wh.fileName, hist.fileName]).toEqual(['H', 'WH', 'history'].map((f) => resultName('low-rank-60x40', A, 4, 3, f)));
  // each file says what it holds on its first line, the share link that reproduces it included
  for (const f of [w, h, wh, hist]) {
    expect(f.comment).toMatch(
      new RegExp(
        String.raw`^# NMF Playground: low-rank 60×40 \(60×40\) · algorithm ${A} · rank 4 · init random · seed 1 · iteration 3 · maxIter 200 · tol 0\.000001 · target 0 · params .* · link http:\/\/127\.0\.0\.1:\d+\/#v=\d+&data=example&example=lowrank&.*&iter=3$`,
      ),
    );
  }

  const W = readCsv(w.text);
  const H = readCsv(h.text);
  const WH = readCsv(wh.text);
  expect([W.rows, W.cols, H.rows, H.cols, WH.rows, WH.cols]).toEqual([60, 4, 4, 40, 60, 40]);
  expect(W.colLabels).toEqual(['factor 1', 'factor 2', 'factor 3', 'factor 4']);
  expect(H.rowLabels).toEqual(['factor 1', 'factor 2', 'factor 3', 'factor 4']);
  // Every digit is there: the product of the files' W and H is exactly the file's WH.
  expect(Array.from(WH.values)).toEqual(product(W.values, H.values, 60, 4, 40));
  // from iteration 0 (the initial error the plot starts with), with the seconds spent up to each iteration
  const history = readHistoryFile(hist.text);
  expect(history.relErrors).toHaveLength(3);
  expect(history.initial).toBeGreaterThan(history.relErrors[0]);
  expect(history.relErrors[2].toPrecision(4)).toBe(s.relError.toPrecision(4));
  expect(history.seconds).toHaveLength(3);
  for (let t = 0; t < 3; t++) expect(history.seconds[t]).toBeGreaterThanOrEqual(t ? history.seconds[t - 1] : 0);
  await page.getByRole('region', { name: 'Export' }).scrollIntoViewIfNeeded();
  await page.getByRole('region', { name: 'Export' }).screenshot({ path: 'e2e/screenshots/export-panel-1280.png' });
});

test('a matrix shown as block means is exported in full, and labels come from the data', async ({ app, page }) => {
  await app.open();
  await app.fill('Rows', 450);
  await app.fill('Columns', 420);
  await app.fill('Planted rank', 3);
  await app.button('Randomize').click();
  await expect(app.summary).toContainText('450×420');
  await app.waitFor('Ready');
  await expect(page.getByText(/each heatmap cell is the mean of a block|mean of a \d+×\d+ block/).first()).toBeVisible();
  await app.steps(1);
  const WH = readCsv((await download(page, 'WH.csv')).text);
  expect([WH.rows, WH.cols]).toEqual([450, 420]);
  const W = readCsv((await download(page, 'W.csv')).text);
  // Randomize keeps the user's rank (the planted 3 is only a hint): W has as many columns as the Rank box says
  expect([W.rows, W.cols]).toEqual([450, Number(await app.rankBox().inputValue())]);

  // The ratings example has row and column labels (users, items) and missing entries.
  const label = (await app.field('Example').locator('option').allTextContents()).find((l) => /^Ratings/.test(l))!;
  await app.field('Example').selectOption({ label });
  await expect(app.summary).toContainText('50×40'); // the load applied: a "Ready" may still be the last matrix's
  await app.waitFor('Ready');
  await app.steps(2);
  const R = readCsv((await download(page, 'WH.csv')).text);
  expect([R.rows, R.cols]).toEqual([50, 40]);
  expect(R.rowLabels?.slice(0, 2)).toEqual(['user 1', 'user 2']);
  expect(R.colLabels?.at(-1)).toBe('item 40');
  expect(R.values.some(Number.isNaN)).toBe(false); // WH predicts the missing entries too
});

test('labels a spreadsheet would run as formulas are exported with a leading apostrophe', async ({ app, page }) => {
  await app.open();
  await app.field('Paste CSV/TSV').fill('id,"=HYPERLINK(""http://x"")",+cmd,plain\n@SUM(A1),1,2,3\n-x,4,5,6\n=1+2,7,8,9\nok,1,1,2\n');
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('pasted data 1 — 4×3, 12 observed');
  await app.steps(1);
  const W = (await download(page, 'W.csv')).body.split('\n');
  expect(W.slice(1, 5).map((l) => l.split(',')[0])).toEqual(["'@SUM(A1)", "'-x", "'=1+2", 'ok']);
  const header = `,"'=HYPERLINK(""http://x"")",'+cmd,plain`;
  const H = await download(page, 'H.csv');
  expect(H.body.split('\n')[0]).toBe(header);
  expect((await download(page, 'WH.csv')).body.split('\n')[0]).toBe(header);
  // the comment line is one cell that starts with '#' (no comma or quote in it), never a formula
  expect(H.comment).toMatch(/^# NMF Playground: pasted data 1 \(4×3\) · /);
  expect(H.comment).not.toMatch(/[,"]/);
});

test('phone width: the export panel fits and works', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open();
  await app.steps(1);
  const panel = page.getByRole('region', { name: 'Export' });
  await panel.scrollIntoViewIfNeeded();
  expect((await download(page, 'H.csv')).fileName).toBe(resultName('low-rank-60x40', A, 4, 1, 'H'));
  await panel.screenshot({ path: 'e2e/screenshots/export-panel-390.png' });
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a 2000×1000 WH (about 40 MB of CSV) is exported while the run goes on', async ({ app, page }) => {
  test.setTimeout(120_000);
  await app.open();
  await app.randomizeLowRank(2000, 1000, 20);
  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.waitFor('Ready', 30_000);
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration [1-9]/, { timeout: 15_000 });

  const { body: text, fileName } = await download(page, 'WH.csv');
  expect(fileName).toMatch(new RegExp(`^low-rank-2000x1000_${A}_k4_it\\d+_WH\\.csv$`));
  const saved = page.getByText(new RegExp(`^Saved low-rank-2000x1000_${A}_k4_it\\d+_WH\\.csv: iteration \\d+, [\\d.]+ MB\\.$`));
  await expect(saved).toBeVisible();
  const lines = text.trimEnd().split('\n');
  expect(lines).toHaveLength(2000); // no labels: no header row
  expect(lines[0].split(',')).toHaveLength(1000);
  expect(
    lines
      .at(-1)!
      .split(',')
      .map(Number)
      .every((x) => Number.isFinite(x) && x >= 0),
  ).toBe(true);
  // The run went on meanwhile: it is still running, past the exported iteration.
  const exportedAt = Number(/iteration (\d+)/.exec((await saved.textContent())!)![1]);
  await expect.poll(async () => (await app.read()).iteration, { timeout: 10_000 }).toBeGreaterThan(exportedAt);
  expect((await app.read()).phase).toBe('Running');
  await app.button('Pause').click();
  await app.waitFor('Paused');
});
