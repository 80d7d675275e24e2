// Choosing how to factorize: every algorithm of the registry, the rank (box and slider), seeds.
import { test, expect } from './fixtures.js';

test('every algorithm on offer runs a step; the parameters it does not read are not shown, and a line says so', async ({ app, page }) => {
  await app.open();
  const options = app.field('Algorithm').locator('option:not([disabled])');
  const labels = await options.allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(1);
  for (const label of labels) {
    await app.chooseAlgorithm(label);
    await app.waitFor('Ready');
    expect((await app.steps(1)).iteration).toBe(1);
  }
  await app.chooseAlgorithm(labels[0]);
  // Whatever the solver, a parameter it does not read is not shown, and one line names it.
  for (const name of ['ε (epsilon)', 'Learning rate η', 'L2 penalty λ']) {
    if ((await app.field(name).count()) === 0) await expect(page.getByText(/do not apply|does not apply/)).toContainText(name);
    else await expect(app.field(name)).toBeEnabled();
  }
});

test('the rank box and slider change the rank within 1..min(m, n)', async ({ app, page }) => {
  await app.open();
  await app.setNumber(app.rankBox(), 2);
  await app.waitFor('Ready');
  await expect(page.getByRole('slider', { name: 'Rank' })).toHaveValue('2');
  await page.getByRole('slider', { name: 'Rank' }).press('ArrowRight');
  await expect(app.rankBox()).toHaveValue('3');
  await app.waitFor('Ready');
  expect((await app.steps(1)).iteration).toBe(1);

  await app.rankBox().fill('41');
  await app.rankBox().press('Enter');
  await expect(page.getByRole('alert')).toContainText('Rank: must be at most 40');
  await expect(page.getByRole('slider', { name: 'Rank' })).toHaveValue('3');
});

test('the same seed gives the same run; New seed gives another', async ({ app }) => {
  await app.open();
  const a = await app.steps(3);
  await app.button('Reset').click();
  await app.waitFor('Ready');
  const b = await app.steps(3);
  expect(b.relError).toBe(a.relError);
  await app.button('New seed').click();
  await expect(app.field('Seed')).not.toHaveValue('1');
  await app.waitFor('Ready');
  const c = await app.steps(3);
  expect(c.relError).not.toBe(a.relError);
});
