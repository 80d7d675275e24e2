// Data people recognise: topics of the text example, top predictions of the ratings example.
import { test, expect } from './fixtures.js';

test('the text example reads as topics of its four subjects, with each document’s topic mix', async ({ app, page }) => {
  await app.open();
  await app.field('Example').selectOption({ label: 'Topics 64×40 (words × texts)' });
  await expect(app.summary).toContainText('64×40');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 30_000);
  const topics = page.getByRole('list', { name: 'Topics' }).getByRole('listitem');
  await expect(topics).toHaveCount(4);
  await expect(topics.first()).toHaveText(/^Topic 1: \w+(, \w+){5}$/);
  const lines = await topics.allTextContents();
  const subjects = [
    /oven|sauce|garlic|onion|bake|butter/,
    /striker|goal|match|penalty|team|keeper/,
    /star|planet|telescope|moon|sun|orbit/,
    /soil|compost|bed|seedlings|roses|water/,
  ];
  // each topic's top words come from one subject, and three or more subjects have a topic of their own
  const found = subjects.filter((s) =>
    lines.some((l) =>
      s.test(
        l
          .replace(/^Topic \d: /, '')
          .split(', ')
          .slice(0, 2)
          .join(' '),
      ),
    ),
  );
  expect(found.length).toBeGreaterThanOrEqual(3);
  await page.getByText('Each document’s topic mix').click();
  await expect(page.getByRole('table', { name: 'Topic mix of each document' }).locator('tbody tr')).toHaveCount(40);
  await expect(page.getByRole('table', { name: 'Topic mix of each document' }).locator('tbody tr td').first()).toHaveText(/^Topic \d \d+%/);
});

test('ratings: a Top predictions table for a chosen user and the held-out error', async ({ app, page }) => {
  await app.open();
  await app.field('Example').selectOption({ label: 'Ratings 50×40, 25% observed' });
  await expect(app.summary).toContainText('50×40');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 30_000);
  const table = page.getByRole('table', { name: 'Top predictions' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody th').first()).toHaveText(/^item \d+$/);
  await expect(page.getByText(/columns user 1 has not rated/)).toBeVisible();
  await app.field('Top predictions for').selectOption({ label: 'user 2' });
  await expect(page.getByText(/columns user 2 has not rated/)).toBeVisible();
  // predictions are listed highest first
  const values = (await table.locator('tbody td').allTextContents()).map((t) => Number.parseFloat(t));
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  await app.button('Measure held-out error').click();
  await expect(page.getByText(/^Held-out error: RMSE [0-9.]+, MAE [0-9.]+, relative [0-9.]+ over \d+ hidden ratings/)).toBeVisible({
    timeout: 30_000,
  });
  await app.screenshot('predictions');
});

test('the Documents box becomes a term matrix (counts or tf-idf) whose topics are listed', async ({ app, page }) => {
  await app.open();
  await app.button('Use the example text').click();
  await app.field('Weighting').selectOption({ label: 'counts' });
  await app.button('Load documents').click();
  await expect(page.getByText('64 terms × 40 documents.')).toBeVisible({ timeout: 30_000 });
  await expect(app.summary).toContainText('64×40');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped', 30_000);
  await expect(page.getByRole('list', { name: 'Topics' }).getByRole('listitem').first()).toHaveText(/^Topic 1: \w+/);
  // a bad setting is named, and the matrix stays
  await app.fill('Minimum document frequency', 0);
  await app.button('Load documents').click();
  await expect(page.getByRole('alert')).toHaveText('Minimum document frequency 0 must be an integer ≥ 1.');
  await expect(app.summary).toContainText('64×40');
});
