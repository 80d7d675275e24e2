// Reproduce elsewhere: the run as Python (scikit-learn), R (NMF) and PySpark programs from
// src/reproduce, and the files they read downloaded from the page: V.csv (the data) and, when they
// start from our initialization, W0.csv and H0.csv (the run's own initial W and H).
import { test, expect } from './fixtures.js';
import { download, readCsv } from './downloads.js';

test('the Reproduce elsewhere panel writes this run as programs and downloads V, W0 and H0', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Seed', 17);
  await app.waitFor('Ready');
  await app.steps(3);
  const panel = page.getByRole('region', { name: 'Reproduce elsewhere' });
  await panel.getByText('Reproduce elsewhere', { exact: true }).click();

  const python = panel.getByRole('textbox', { name: 'Python (scikit-learn) program' });
  await expect(python).toHaveValue(/solver="cd"/);
  await expect(python).toHaveValue(/max_iter=3, tol=0, random_state=17/);
  await expect(python).toHaveValue(/W0_FILE = "W0\.csv"/);
  await expect(panel.getByRole('textbox', { name: 'R (NMF package) program' })).toHaveValue(/library\(NMF\)/);
  await expect(panel.getByRole('button', { name: 'Copy Python (scikit-learn) program' })).toBeVisible();

  const V = readCsv((await download(page, 'V.csv')).text, 'V.csv');
  expect([V.rows, V.cols]).toEqual([60, 40]);
  const W0 = await download(page, 'W0.csv');
  const H0 = await download(page, 'H0.csv');
  expect([W0.fileName, H0.fileName]).toEqual(['W0.csv', 'H0.csv']);
  const w0 = readCsv(W0.text, 'W0.csv');
  const h0 = readCsv(H0.text, 'H0.csv');
  expect([w0.rows, w0.cols, h0.rows, h0.cols]).toEqual([60, 4, 4, 40]);
  expect(Array.from(w0.values).every((x) => x >= 0)).toBe(true);
  // W0 is the run's start, not its current W; the same however far the run has gone
  const W3 = readCsv((await download(page, 'W.csv')).text, 'W.csv');
  expect(Array.from(W3.values)).not.toEqual(Array.from(w0.values));
  await app.steps(2);
  await expect(python).toHaveValue(/max_iter=5, tol=0/);
  expect((await download(page, 'W0.csv')).text).toBe(W0.text);

  // without our start, the programs read V only
  await panel.getByRole('checkbox', { name: 'Start from our W0, H0' }).uncheck();
  await expect(panel.getByRole('button', { name: 'Download W0.csv' })).toHaveCount(0);
  await expect(python).not.toHaveValue(/W0_FILE/);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'e2e/screenshots/reproduce-panel-1280.png' });
});
