// The Compare algorithms view: chosen algorithms race from the same start; curves, legend and table.
import { test, expect } from './fixtures.js';
import type { Page } from '@playwright/test';

const rows = (page: Page) => page.getByRole('table').locator('tbody tr');
const row = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) });

async function openCompare(page: Page) {
  await page.getByRole('tab', { name: 'Compare algorithms' }).click();
  await expect(page.getByRole('heading', { name: 'Compare algorithms' })).toBeVisible();
}

/** Checks exactly the algorithms `labels` (by their menu labels). */
async function choose(page: Page, labels: string[]) {
  for (const box of await page.getByRole('group', { name: 'Algorithms' }).getByRole('checkbox').all()) await box.uncheck();
  for (const label of labels) await page.getByRole('checkbox', { name: label, exact: true }).check();
}

test('compares two algorithms: two legend entries, a table row each, per iteration and per second', async ({ app, page }) => {
  await app.open();
  await openCompare(page);
  await choose(page, ['Multiplicative (Frobenius)', 'HALS (coordinate descent)']);
  await app.button('Compare').click();
  await expect(rows(page)).toHaveCount(2);
  for (const label of ['Multiplicative (Frobenius)', 'HALS (coordinate descent)']) {
    await expect(row(page, label).locator('td').nth(3)).toHaveText(/^(reached the maximum|converged at iteration)/);
  }
  await expect(page.getByRole('columnheader')).toHaveText(['Algorithm', 'Final error', 'Iterations', 'Time', 'Stop reason']);
  const legend = page.locator('.compare .legendtext');
  await expect(legend).toHaveText(['Multiplicative (Frobenius)', 'HALS (coordinate descent)']);
  // both curves start at the same initial error: the same W0, H0
  const figure = page.getByRole('figure', { name: 'Relative error per iteration' });
  await expect(figure.locator('.xtitle')).toHaveText('Iteration');
  await page.getByRole('radio', { name: 'per second' }).check();
  await expect(page.getByRole('figure', { name: 'Relative error per second' }).locator('.xtitle')).toHaveText(/^Seconds/);
  await expect(page.getByText(/^Comparison finished on low-rank 60×40, rank 4/)).toBeVisible();
  await app.screenshot('compare');
  // the table fits at 1280: its box is no tab stop and no landmark
  const tableBox = page.getByRole('region', { name: 'How each algorithm ended' });
  await expect(page.locator('.scroll-region').filter({ has: page.getByRole('table') })).not.toHaveAttribute('tabindex');
  await expect(tableBox).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 800 });
  // the table and the plot fit at phone width, or scroll inside their own box: the page never scrolls sideways
  await expect.poll(() => app.sideScroll()).toBe(0);
  // on a phone each row stacks: its stop reason on a line of its own below the numbers, so the table
  // fits and its box stays a plain box (Learn's wide formula tests the scrolling box and its keys)
  const mu = row(page, 'Multiplicative (Frobenius)');
  const numbers = await mu.locator('td').nth(0).boundingBox();
  const reason = await mu.locator('td').nth(3).boundingBox();
  expect(numbers && reason && reason.y >= numbers.y + numbers.height - 1).toBe(true);
  const table = await page.getByRole('table').boundingBox();
  expect(reason && table && reason.width > table.width * 0.9).toBe(true); // across the table's width
  await expect(page.getByRole('columnheader')).toHaveText(['Algorithm', 'Final error', 'Iterations', 'Time', 'Stop reason']);
  await expect(tableBox).toHaveCount(0);
  await expect(page.locator('.scroll-region').filter({ has: page.getByRole('table') })).not.toHaveAttribute('tabindex');
  await app.screenshot('compare-phone');
});

test('a diverging gradient descent says why in its row while HALS runs on', async ({ app, page }) => {
  await app.open();
  await app.chooseAlgorithm('Gradient descent');
  await app.setNumber('Learning rate η', 5);
  await app.waitFor('Ready');
  await openCompare(page);
  await choose(page, ['Gradient descent', 'HALS (coordinate descent)']);
  await app.button('Compare').click();
  await expect(row(page, 'Gradient descent').locator('td').nth(3)).toHaveText(/^diverged at iteration \d+/);
  await expect(row(page, 'HALS (coordinate descent)').locator('td').nth(3)).toHaveText(/^(reached the maximum|converged at iteration)/);
});

test('Pause comparison holds the race and Reset comparison clears it', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.waitFor('Ready');
  await openCompare(page);
  await choose(page, ['Multiplicative (Frobenius)', 'Alternating NNLS']);
  await app.button('Compare').click();
  await expect.poll(async () => Number(await row(page, 'Multiplicative').locator('td').nth(1).textContent())).toBeGreaterThan(0);
  await app.button('Pause comparison').click();
  await expect(page.getByText(/^Comparison paused/)).toBeVisible();
  await expect(row(page, 'Multiplicative').locator('td').nth(3)).toHaveText('running…');
  await app.button('Resume comparison').click();
  await expect(page.getByText(/^Comparing on/)).toBeVisible();
  await app.button('Reset comparison').click();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(app.button('Compare')).toBeEnabled();
});

test('what was compared stays when the tab is left and opened again: the choice, the table rows, the legend, the axis', async ({
  app,
  page,
}) => {
  await app.open();
  await openCompare(page);
  await choose(page, ['Multiplicative (Frobenius)', 'Alternating NNLS']);
  await app.button('Compare').click();
  await expect(page.getByText(/^Comparison finished on/)).toBeVisible();
  await page.getByRole('radio', { name: 'per second' }).check();
  const table = await rows(page).allTextContents();
  expect(table).toHaveLength(2);
  const legend = page.locator('.compare .legendtext');
  await expect(legend).toHaveText(['Multiplicative (Frobenius)', 'Alternating NNLS']);

  await page.getByRole('tab', { name: 'Factorize' }).click();
  await expect(page.getByRole('heading', { name: 'Compare algorithms' })).toHaveCount(0);
  await openCompare(page);
  await expect(rows(page)).toHaveText(table);
  await expect(legend).toHaveText(['Multiplicative (Frobenius)', 'Alternating NNLS']);
  await expect(page.getByRole('radio', { name: 'per second' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Alternating NNLS', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'HALS (coordinate descent)', exact: true })).not.toBeChecked();
  await expect(page.getByText(/^Comparison finished on/)).toBeVisible();
});
