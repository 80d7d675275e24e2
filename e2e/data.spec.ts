// Getting a matrix: examples, Randomize, upload, drop, paste; bad input keeps what was there.
import { test, expect } from './fixtures.js';

const GOOD_CSV = 'name,a,b,c\nr1,1,2,3\nr2,4,5,6\nr3,7,8,NA\nr4,1,0,2\n';
const BAD_CSV = 'a,b\n1,2\n3,x\n';

test('each example loads and runs', async ({ app, page }) => {
  await app.open();
  const picker = app.field('Example');
  const labels = await picker.locator('option').allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(3);
  for (const label of labels) {
    // The example's size (in its label, and different for each) identifies its summary line, and its
    // run starts at iteration 0 while the previous example was left at iteration 2: so neither wait
    // can be met by what the previous matrix showed.
    const size = /\d+×\d+/.exec(label)![0];
    if ((await picker.locator('option:checked').textContent()) !== label) await picker.selectOption({ label });
    await expect(app.summary).toContainText(` — ${size},`);
    const ready = await app.waitFor('Ready · iteration 0 ');
    const after = await app.steps(2);
    expect(after.iteration).toBe(2);
    expect(after.relError).toBeLessThanOrEqual(ready.relError);
  }
  await picker.selectOption({ label: labels.find((l) => /Ratings/.test(l))! });
  await expect(app.summary).toContainText(/^Matrix: ratings .*[1-9]\d* missing/);
  await app.waitFor('Ready · iteration 0 ');
  await expect(page.getByText(/WH shows the predicted values|predicted/).first()).toBeVisible();
  await app.screenshot('ratings-1280');
});

test('Randomize makes each kind of matrix, keeps the chosen rank with the planted rank as a hint, and runs', async ({ app, page }) => {
  await app.open();
  await app.fill('Rows', 30);
  await app.fill('Columns', 20);
  await app.fill('Planted rank', 3);
  await app.button('Randomize').click();
  await expect(app.summary).toContainText('30×20, 600 observed, 0 missing');
  await expect(app.rankBox()).toHaveValue('4'); // the example's rank, as the user left it
  await expect(page.getByText('Hint: this data was made with rank 3.')).toBeVisible();
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped');

  await app.field('Kind').selectOption({ label: 'Uniform random' });
  await expect(app.field('Planted rank')).toBeDisabled();
  await app.button('Randomize').click();
  await expect(app.summary).toContainText('uniform random 30×20');
  await app.waitFor('Ready');
  expect((await app.steps(1)).iteration).toBe(1);

  await app.field('Kind').selectOption({ label: 'Ratings with missing entries' });
  await app.fill('Observed fraction', 0.3);
  await app.button('Randomize').click();
  await expect(app.summary).toContainText(/ratings 30×20.* [1-9]\d* missing/);
  await app.waitFor('Ready');
  expect((await app.steps(1)).iteration).toBe(1);
});

test('Randomize with a bad parameter says what is wrong and keeps the matrix', async ({ app, page }) => {
  await app.open();
  const before = await app.summary.textContent();
  await app.fill('Planted rank', 500);
  await app.button('Randomize').click();
  await expect(page.getByRole('alert')).toContainText('planted rank 500 must be an integer from 1 to 80');
  await expect(app.summary).toHaveText(before!);
});

test('uploading a valid CSV factorizes it, with its labels', async ({ app, page }) => {
  await app.open();
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
  await expect(app.summary).toContainText('good.csv — 4×3, 11 observed, 1 missing');
  await expect(app.field('Example')).toHaveValue('');
  await expect(app.rankBox()).toHaveValue('3');
  await app.waitFor('Ready');
  await app.button('Run').click();
  await app.waitFor('Stopped');
  // Its row labels are on the axes (the heatmap's tick labels are text in the page).
  await expect(page.getByRole('figure', { name: 'V (data)' })).toContainText('r4');
});

test('a bad CSV shows the parser message with its row and column and keeps the previous matrix', async ({ app, page }) => {
  await app.open();
  await app.steps(2);
  const before = await app.summary.textContent();
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
  await expect(page.getByRole('alert')).toHaveText("bad.csv: row 3, column 2: 'x' is not a number");
  await expect(app.summary).toHaveText(before!);
  await expect(app.field('Example')).toHaveValue('lowrank');
  expect((await app.read()).iteration).toBe(2);
  expect((await app.steps(1)).iteration).toBe(3);
  await app.screenshot('bad-csv-1280');
});

test('pasted text and a dropped file load too; two pastes are named apart', async ({ app, page }) => {
  await app.open();
  await app.field('Paste CSV/TSV').fill('1 2 3\n4 5 6\n7 8 9.5\n');
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('pasted data 1 — 3×3, 9 observed');
  await app.waitFor('Ready');
  // a second paste has a name of its own
  await app.field('Paste CSV/TSV').fill('1,2\n3,4\n');
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('pasted data 2 — 2×2, 4 observed');
  await app.waitFor('Ready');

  const data = page.getByRole('region', { name: 'Data' });
  // The drop a person makes, built in the page (the e2e realm has no DOM types, hence the casts).
  const transfer = await page.evaluateHandle((csv) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string, o: object) => unknown;
    };
    const dt = new g.DataTransfer();
    dt.items.add(new g.File([csv], 'dropped.tsv', { type: 'text/tab-separated-values' }));
    return dt;
  }, '1\t2\n3\t4\n5\t6\n');
  await data.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(app.summary).toContainText('dropped.tsv — 3×2');
  await app.waitFor('Ready');
});

test('a long-format ratings file loads through the Long format choice, or by its header; a repeated entry names its lines', async ({
  app,
  page,
}) => {
  await app.open();
  await app.field('File format').selectOption({ label: 'Long format (row, column, value)' });
  const ratings = 'u1,m1,5\nu1,m2,3\nu2,m1,4\nu3,m2,1\n';
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'ratings.csv', mimeType: 'text/csv', buffer: Buffer.from(ratings) });
  await expect(app.summary).toContainText('ratings.csv — 3×2, 4 observed, 2 missing');
  await app.waitFor('Ready');

  await app.field('File format').selectOption({ label: 'Table (CSV/TSV)' });
  const before = await app.summary.textContent();
  const dup = 'userId,movieId,rating,timestamp\n1,10,4,0\n2,10,3,0\n1,10,5,0\n';
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'dup.csv', mimeType: 'text/csv', buffer: Buffer.from(dup) });
  await expect(page.getByRole('alert')).toHaveText(
    "dup.csv: line 4: row '1', column '10' already has a value (line 2); each entry may appear once",
  );
  await expect(app.summary).toHaveText(before!);
});

test('long column names are cut with … to the room between ticks: no label runs over its neighbour or the next plot', async ({
  app,
  page,
}) => {
  await app.open();
  const names = Array.from({ length: 8 }, (_, j) => `a very long column name that goes on and on, number ${j + 1}`);
  const rows = Array.from({ length: 6 }, (_, i) => [`r${i + 1}`, ...names.map((_, j) => String(1 + ((i * 7 + j * 3) % 5)))].join(','));
  await app.field('Paste CSV/TSV').fill(`name,${names.map((n) => `"${n}"`).join(',')}\n${rows.join('\n')}\n`);
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('6×8');
  await app.waitFor('Ready');
  const v = page.getByRole('figure', { name: 'V (data)' });
  const ticks = v.locator('.axis-xticks .axis-tick');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await v.scrollIntoViewIfNeeded();
    await expect.poll(() => ticks.count()).toBeGreaterThanOrEqual(2);
    await expect(ticks.first()).toHaveAttribute('title', names[0]);
    // the layout settles after a resize: the ticks are read once they stay inside the figure
    await expect
      .poll(async () => {
        const plot = (await v.boundingBox())!;
        const boxes: { x: number; width: number }[] = [];
        for (const t of await ticks.all()) boxes.push((await t.boundingBox())!);
        const apart = boxes.every((b, j) => j === 0 || b.x >= boxes[j - 1].x + boxes[j - 1].width);
        const last = boxes[boxes.length - 1];
        return apart && boxes[0].x >= plot.x && last.x + last.width <= plot.x + plot.width;
      }, `ticks at ${width} px`)
      .toBe(true);
    const cut = await ticks
      .first()
      .locator('.axis-tick-text')
      .evaluate((e: any) => e.scrollWidth > e.clientWidth);
    expect(cut).toBe(true); // the text is longer than its box: shown cut, with …
    await app.screenshot(`long-column-names-${width}`);
  }
});
