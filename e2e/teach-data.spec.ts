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
  // predictions are listed highest first (read until the table is user 2's; the values are in the message when not sorted)
  await expect
    .poll(async () => {
      const values = (await table.locator('tbody td').allTextContents()).map((t) => Number.parseFloat(t));
      return values.length === 5 && values.every((v, i) => i === 0 || v <= values[i - 1]) ? 'highest first' : values.join(' ');
    })
    .toBe('highest first');
  // the predicted range against the observed one
  await expect(page.getByText(/^Predictions -?[0-9.e]+–[0-9.e]+, observed 1–5 \(WH on the missing entries at iteration \d+/)).toBeVisible();
  const held = page.getByText(/^Held-out error: /);
  await app.button('Measure held-out error').click();
  await expect(held).toHaveText(
    /^Held-out error: RMSE [0-9.]+, MAE [0-9.]+, relative [0-9.]+ over \d+ hidden ratings, beside a fit error of [0-9.]+ on the ratings kept/,
    { timeout: 30_000 },
  );
  const first = await held.textContent();
  // another share hidden gives another error; the same share again gives the same one (seeded)
  await app.setNumber('Hold out', 0.3);
  await app.button('Measure held-out error').click();
  await expect(held).not.toHaveText(first!, { timeout: 30_000 });
  await expect(held).toHaveText(/^Held-out error: .* over \d+ hidden ratings/, { timeout: 30_000 });
  await app.setNumber('Hold out', 0.2);
  await app.button('Measure held-out error').click();
  await expect(held).toHaveText(first!, { timeout: 30_000 });
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

test('a pasted 4×4 with 5 missing entries at rank 4 says the rank overfits, with the numbers', async ({ app, page }) => {
  await app.open();
  await app.field('Paste CSV/TSV').fill('1,2,,4\n2,,6,8\n,6,9,\n4,8,,16\n');
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('4×4, 11 observed, 5 missing');
  await expect(app.rankBox()).toHaveValue('4');
  await expect(
    page.getByText(
      'Overfitting: rank 4 gives W and H 4·4 + 4·4 = 32 unknowns for 11 observed entries, so a fit can match them all while saying little about the missing ones. Try a lower rank, or Hold out some entries.',
    ),
  ).toBeVisible();
  await app.setNumber(app.rankBox(), 1);
  await expect(app.rankBox()).toHaveValue('1');
  await expect(page.getByText(/^Overfitting:/)).toHaveCount(0);
});
