// Explore rank, as a person uses it: sweep the ranks of a small planted matrix and read the
// suggestion, cancel a sweep (the ranks done stay), open a rank in the main view.
import { test, expect, type Page } from './fixtures.js';
import type { AppPage } from './appPage.js';

async function openExplore(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Explore rank' }).click();
  await expect(page.getByRole('heading', { name: 'Explore rank' })).toBeVisible();
}

async function setSweep(app: AppPage, lowest: number, highest: number, restarts: number, holdout: number): Promise<void> {
  await app.setNumber('Lowest rank', lowest);
  await app.setNumber('Highest rank', highest);
  await app.setNumber('Restarts per rank', restarts);
  await app.setNumber('Held-out fraction', holdout);
}

/** The results table's row of rank k. */
function rankRow(page: Page, k: number) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${k}\\b`) }) });
}

/** The text of every row of the results table. */
async function tableRows(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: /Ranks surveyed/ })
    .getByRole('row')
    .allTextContents();
}

test('sweeping ranks 1..6 of a planted rank-3 matrix suggests 3, rank by rank; a second Explore gives the same numbers', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000); // two sweeps and four screenshots on a machine that may be shared
  await app.open();
  await app.randomizeLowRank(40, 30, 3); // noise 0.05, data seed 1 (the form's defaults)
  await openExplore(page);
  await setSweep(app, 1, 6, 3, 0.1);
  await app.button('Explore').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAccessibleName(/^Rank [1-6], restart [1-3] of 3$|^Done/);
  await expect(bar).toHaveAccessibleName('Done: ranks 1 to 6, 3 restarts each', { timeout: 60_000 });
  await expect(page.getByText(/^Rank [1-6], restart|^Done: ranks 1 to 6, 3 restarts each · in \d/)).toBeVisible();
  await expect(page.getByText(/^Suggested rank: 3 — held-out error is lowest at k = 3/)).toBeVisible();
  const rows = await tableRows(page);
  expect(rows).toHaveLength(7); // the header and ranks 1..6
  for (let k = 1; k <= 6; k++) await expect(app.button(`Open rank ${k}`)).toBeEnabled();
  for (const name of ['Fit error vs rank', 'Held-out error vs rank', 'Cophenetic correlation vs rank', 'Consensus matrix, k = 3']) {
    await expect(page.getByRole('figure', { name })).toBeVisible();
  }
  // the planted rank's fit is far below the shuffled copy's (the baseline)
  const k3 = rankRow(page, 3).getByRole('cell');
  expect(Number(await k3.nth(4).textContent())).toBeGreaterThan(3 * Number(await k3.nth(0).textContent()));
  await app.screenshot('explore-1280');

  await app.button('Explore').click();
  await expect(bar).toHaveAccessibleName('Done: ranks 1 to 6, 3 restarts each', { timeout: 60_000 });
  expect(await tableRows(page)).toEqual(rows);

  await page.setViewportSize({ width: 390, height: 800 });
  await app.screenshot('explore-390');
});

test('Cancel stops the progress; the ranks surveyed stay, with a suggestion from them', async ({ app, page }) => {
  await app.open();
  await app.randomizeLowRank(300, 200, 6);
  await openExplore(page);
  await setSweep(app, 1, 12, 4, 0.1);
  await app.button('Explore').click();
  await expect(app.button('Open rank 1')).toBeVisible({ timeout: 60_000 });
  await app.button('Cancel').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAccessibleName(/^Cancelled at rank \d+, restart [1-4] of 4$/);
  await expect(page.getByText(/^Cancelled: the ranks surveyed so far stay/)).toBeVisible();
  await expect(app.button('Cancel')).toBeDisabled();
  await expect(app.button('Explore')).toBeEnabled();
  const value = Number(await bar.getAttribute('value'));
  const rows = await tableRows(page);
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThan(1);
  expect(rows.length).toBeGreaterThanOrEqual(2);
  expect(rows.length).toBeLessThan(13);
  await expect(page.getByText(/^Suggested rank: \d+ — .*\(from the ranks surveyed so far\)/)).toBeVisible();
  // the page goes on working (a whole main-view run to its stop), and the sweep stays where it was cancelled
  await page.getByRole('tab', { name: 'Factorize' }).click();
  await app.button('Run').click();
  await app.waitFor('Stopped', 60_000);
  await page.getByRole('tab', { name: 'Explore rank' }).click();
  expect(Number(await bar.getAttribute('value'))).toBe(value);
  expect(await tableRows(page)).toEqual(rows);
  await expect(bar).toHaveAccessibleName(/^Cancelled at rank/);

  // changing the data clears the results of the old matrix
  await app.randomizeLowRank(30, 20, 2);
  await expect(page.getByText(/^The data changed, so the sweep was stopped/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Ranks surveyed/ })).toHaveCount(0);
});

test('Open rank K loads its best factorization: K in the Rank box, its error in the status, Step goes on', async ({ app, page }) => {
  await app.open();
  await app.randomizeLowRank(40, 30, 3);
  await openExplore(page);
  await setSweep(app, 2, 4, 2, 0.1);
  await app.button('Explore').click();
  await expect(page.getByRole('progressbar')).toHaveAccessibleName(/^Done/, { timeout: 60_000 });
  const fitError = (await rankRow(page, 4).getByRole('cell').first().textContent())!;
  await app.button('Open rank 4').click();
  await expect(page.getByRole('tab', { name: 'Factorize' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.rankBox()).toHaveValue('4');
  await expect(app.status).toContainText(`relative error ${fitError}`);
  const s = await app.read();
  expect(s.phase).toBe('Stopped');
  expect(s.iteration).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: 'Relative error per iteration' })).toBeVisible();
  await app.button('Step').click();
  await expect(app.status).toContainText(`iteration ${s.iteration + 1} `);
  expect((await app.read()).relError).toBeLessThanOrEqual(Number(fitError) * (1 + 1e-3));
});

test('a link to a rank sweep reopens the sweep: its settings in the Explore rank view, the sweep run again, the same suggestion', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open();
  await app.randomizeLowRank(40, 30, 3);
  await openExplore(page);
  await setSweep(app, 2, 5, 2, 0.2);
  await app.button('Explore').click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAccessibleName('Done: ranks 2 to 5, 2 restarts each', { timeout: 60_000 });
  const suggestion = page.getByText(/^Suggested rank: \d+ — /);
  const said = (await suggestion.textContent())!;
  expect(said).toMatch(/^Suggested rank: 3 — /);
  const rows = await tableRows(page);
  await page.getByRole('button', { name: 'Share link', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/&view=explore&x\.lo=2&x\.hi=5&x\.r=2&x\.ho=0\.2$/);

  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByRole('tab', { name: 'Explore rank' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByText(/^Matrix:/)).toContainText('40×30, 1200 observed');
  for (const [label, value] of [
    ['Lowest rank', '2'],
    ['Highest rank', '5'],
    ['Restarts per rank', '2'],
    ['Held-out fraction', '0.2'],
  ]) {
    await expect(other.getByLabel(label, { exact: true })).toHaveValue(value);
  }
  await expect(other.getByRole('progressbar')).toHaveAccessibleName('Done: ranks 2 to 5, 2 restarts each', { timeout: 60_000 });
  await expect(other.getByText(/^Suggested rank: \d+ — /)).toHaveText(said);
  expect(await tableRows(other)).toEqual(rows);
  await other.close();
});

test('a setting whose text is not a valid value turns Explore off, saying which; fixing it turns it on', async ({ app, page }) => {
  await app.open();
  await app.randomizeLowRank(40, 30, 3);
  await openExplore(page);
  await app.setNumber('Held-out fraction', 0.9);
  await expect(app.button('Explore')).toBeDisabled();
  await expect(page.getByText(/^Explore is off: fix Held-out fraction: must be at most [\d.]+\.$/)).toBeVisible();
  await app.setNumber('Highest rank', 100);
  await expect(app.button('Explore')).toBeDisabled();
  await app.setNumber('Held-out fraction', 0.1);
  await expect(page.getByText('Explore is off: fix Highest rank: must be at most 30.')).toBeVisible();
  await app.setNumber('Highest rank', 4);
  await expect(app.button('Explore')).toBeEnabled();
  await expect(page.getByText(/^Explore is off/)).toHaveCount(0);
});
