// Share link: the whole state in the URL hash, shown in a read-only field with Copy; opening the
// link (fresh page, or a hash change) restores data, options and speed and runs to the same
// iteration, so a colleague sees the same numbers. Garbage in a hash gives defaults and a notice.
import LZString from 'lz-string';
import { download } from './downloads.js';
import { test, expect, type Page } from './fixtures.js';

function notices(page: Page) {
  return page.getByRole('region', { name: 'Notices' });
}

function linkField(page: Page) {
  return page.getByRole('textbox', { name: 'Share link' });
}

/** Presses Share link and returns the link shown. */
async function share(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share link', exact: true }).click();
  await expect(linkField(page)).toBeVisible();
  return linkField(page).inputValue();
}

/** Opens `link` as a fresh page load (not a hash change). */
async function openFresh(page: Page, link: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(link);
}

test('a link reproduces the options, speed, iteration and numbers of the page that made it', async ({ app, page }) => {
  test.setTimeout(120_000); // two page loads, six steps and two downloads: over a minute on a busy machine
  await app.open();
  await app.chooseAlgorithm('Multiplicative (Frobenius)');
  await app.setNumber(app.rankBox(), 3);
  await app.setNumber('Seed', 42);
  await app.setNumber('Max iterations', 500);
  await app.setNumber('Tolerance', 0);
  await app.setSpeed('30 iterations/s');
  await app.waitFor('Ready');
  const before = await app.steps(6);
  const link = await share(page);
  expect(link).toMatch(
    /\/#v=3&data=example&example=lowrank&alg=mu&rank=3&init=random&seed=42&maxIter=500&tol=0&target=0&eps=1e-9&lr=0\.001&l2=0\.01&project=1&speed=30&iter=6$/,
  );
  expect(page.url()).toBe(link);
  await expect(linkField(page)).toHaveJSProperty('readOnly', true);
  await expect(page.getByText('The link holds iteration 6', { exact: false })).toBeVisible();
  const first = await download(page, 'W.csv');
  const W = first.text;
  // the file's comment line holds the link that reproduces it
  expect(first.comment).toContain(`link ${link}`);
  const panel = page.getByRole('region', { name: 'Share' });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'e2e/screenshots/share-panel-1280.png' });

  await openFresh(page, link);
  await expect(notices(page)).toContainText('Opened from a shared link. It runs to iteration 6');
  const after = await app.waitFor('Paused');
  expect(after.text).toBe(before.text);
  await expect(app.field('Algorithm')).toHaveValue('mu');
  await expect(app.rankBox()).toHaveValue('3');
  await expect(app.field('Seed')).toHaveValue('42');
  await expect(app.field('Max iterations')).toHaveValue('500');
  await expect(app.field('Tolerance')).toHaveValue('0');
  await expect(app.field('Speed')).toHaveValue('30');
  expect((await download(page, 'W.csv')).text).toBe(W);
  await app.screenshot('shared-opened-1280');
});

test('anls without Extrapolate between steps: the link holds extrap=0 and reopens to the same numbers, the box unchecked', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open();
  await app.chooseAlgorithm('Alternating NNLS');
  await app.setNumber('Tolerance', 0);
  const box = page.getByLabel('Extrapolate between steps', { exact: true });
  await expect(box).toBeChecked(); // anls extrapolates by default
  const extrapolated = await app.steps(5);
  const link = await share(page);
  expect(link).not.toContain('extrap=');
  await box.uncheck();
  await app.waitFor('Ready');
  const before = await app.steps(5);
  expect(before.text).not.toBe(extrapolated.text);
  const plain = await share(page);
  expect(plain).toMatch(/&project=1&extrap=0&speed=/);
  await openFresh(page, plain);
  const after = await app.waitFor('Paused');
  expect(after.text).toBe(before.text);
  await expect(page.getByLabel('Extrapolate between steps', { exact: true })).not.toBeChecked();
});

test('a link to a stopped run of randomized data stops at the same iteration with the same error', async ({ app, page }) => {
  await app.open();
  await app.fill('Rows', 30);
  await app.fill('Columns', 20);
  await app.fill('Planted rank', 3);
  await app.fill('Data seed', 9);
  await app.button('Randomize').click();
  await expect(app.summary).toContainText('30×20');
  await app.waitFor('Ready');
  await app.button('Run').click();
  const stopped = await app.waitFor('Stopped');
  const summary = await app.summary.textContent();
  const link = await share(page);
  expect(link).toContain('data=lowrank&rows=30&cols=20&prank=3&noise=0.05&dseed=9&');

  await openFresh(page, link);
  await expect(app.status).toHaveText(stopped.text, { timeout: 15_000 });
  await expect(app.summary).toHaveText(summary!);
});

test('pasted data travels inside the link, compressed', async ({ app, page }) => {
  await app.open();
  await app.field('Paste CSV/TSV').fill('name,a,b,c\nr1,1,2,3\nr2,4,NA,6\nr3,7,8,9.5\n');
  await app.button('Load pasted data').click();
  await expect(app.summary).toContainText('pasted data 1 — 3×3, 8 observed, 1 missing');
  await app.waitFor('Ready');
  const before = await app.steps(2);
  const link = await share(page);
  expect(link).toContain('&data=inline&name=pasted%20data%201&csv=');

  await openFresh(page, link);
  await expect(app.status).toHaveText(before.text, { timeout: 15_000 });
  await expect(app.summary).toContainText('pasted data 1 — 3×3, 8 observed, 1 missing');
  await expect(page.getByRole('figure', { name: 'V (data)' })).toContainText('r3');
});

test('data too large for a link: the link holds the options only, and says so', async ({ app, page }) => {
  await app.open();
  let x = 7;
  const rows = Array.from(
    { length: 200 },
    (_, i) => `r${i},${Array.from({ length: 30 }, () => ((x = (x * 48271) % 2147483647) / 2147483647) * 5).join(',')}`,
  );
  const csv = `id,${Array.from({ length: 30 }, (_, j) => `c${j}`).join(',')}\n${rows.join('\n')}\n`;
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(app.summary).toContainText('big.csv — 200×30');
  await app.setNumber(app.rankBox(), 5);
  await app.waitFor('Ready');
  await app.steps(1);
  const link = await share(page);
  await expect(
    page.getByText(
      /^The data is too large for a link \(\d+ kB\); the link holds the options only\. To pass on the data as well, use Save session \(in the Session panel\) and send the file\.$/,
    ),
  ).toBeVisible();
  expect(link).toMatch(/#v=3&data=none&alg=anls&rank=5&/);
  await page.getByRole('region', { name: 'Share' }).screenshot({ path: 'e2e/screenshots/share-too-large-1280.png' });

  await openFresh(page, link);
  await expect(notices(page)).toContainText('Opened from a shared link that holds the options only');
  await app.waitFor('Ready');
  await expect(app.field('Example')).toHaveValue('lowrank');
  await expect(app.rankBox()).toHaveValue('5');
});

test('garbage in a link gives defaults for those fields and a notice naming them; the app works', async ({ app, page }) => {
  await page.goto('./#rank=abc&alg=zzz&seed=5&colour=red&tol=-1&iter=2');
  await expect(notices(page)).toContainText('Opened from a shared link.');
  await expect(notices(page)).toContainText('Ignored in the link (defaults used instead): rank “abc”');
  await expect(notices(page)).toContainText('algorithm “zzz” (expected one of mu, kl, als, anls, hals, gd, sgd)');
  await expect(notices(page)).toContainText('tolerance “-1” (expected a number ≥ 0)');
  await expect(notices(page)).toContainText('unknown field “colour”');
  const s = await app.waitFor('Paused');
  expect(s.iteration).toBe(2);
  await expect(app.field('Seed')).toHaveValue('5');
  await expect(app.field('Algorithm')).toHaveValue('anls');
  await app.screenshot('shared-garbage-1280');
  await app.button('Run').click();
  await app.waitFor('Stopped');
});

test('a link whose inline data does not parse shows the first example, saying why', async ({ app, page }) => {
  await page.goto(`./#data=inline&name=bad.csv&csv=${LZString.compressToEncodedURIComponent('a,b\n1,2\n3,x\n')}&rank=2`);
  await expect(notices(page)).toContainText(
    "The shared link's data could not be loaded (bad.csv: row 3, column 2: 'x' is not a number); the first example is shown instead.",
  );
  await app.waitFor('Ready');
  await expect(app.field('Example')).toHaveValue('lowrank');
  await expect(app.rankBox()).toHaveValue('2');
});

test('a change of the hash opens the new link', async ({ app, page }) => {
  await app.open();
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = 'data=example&example=tutorial&alg=als&rank=2&iter=3';
  });
  await expect(app.summary).toContainText('tutorial 5×6');
  const s = await app.waitFor('Paused');
  expect(s.iteration).toBe(3);
  await expect(app.field('Algorithm')).toHaveValue('als');
});

test.describe('copying', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy puts the link on the clipboard', async ({ app, page }) => {
    await app.open();
    await app.steps(1);
    const link = await share(page);
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
      ),
    ).toBe(link);
  });
});

test('phone width: the share panel fits, and the link field stays selectable', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open();
  await app.steps(2);
  await share(page);
  await linkField(page).click();
  const selected = await linkField(page).evaluate((el) => {
    const input = el as unknown as { selectionStart: number; selectionEnd: number; value: string };
    return input.selectionEnd - input.selectionStart === input.value.length;
  });
  expect(selected).toBe(true);
  const panel = page.getByRole('region', { name: 'Share' });
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: 'e2e/screenshots/share-panel-390.png' });
  await app.screenshot('share-390');
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a link to a late iteration of a long run costs the page work linear in the iterations, not quadratic', async ({ app, page }) => {
  const iterations = 30_000;
  await page.goto(`./?test#v=1&data=example&example=tutorial&alg=hals&rank=2&maxIter=1000000&tol=0&iter=${iterations}`);
  await expect(app.status).toHaveText(new RegExp(`^Paused · iteration ${iterations} `), { timeout: 60_000 });
  const api = () =>
    page.evaluate(() => {
      const t = (globalThis as unknown as { nmfTest: { run(): { historyLength: number }; historyCopies(): number } }).nmfTest;
      return { length: t.run().historyLength, copies: t.historyCopies() };
    });
  const { length, copies } = await api();
  expect(length).toBe(iterations);
  // a copy of the history per progress message would be about (iterations²/2)/(points per message);
  // doubling buffers copy < 2 points per iteration for each of the run's two histories (errors, objectives)
  expect(copies).toBeLessThan(2 * 2 * iterations);
  await expect(page.getByRole('figure', { name: 'Relative error per iteration' })).toHaveAccessibleDescription(
    new RegExp(`: ${iterations} iterations, last `),
  );
});

test('a link with more iterations than the cap says so and keeps the default', async ({ app, page }) => {
  await page.goto('./#v=1&data=example&example=tutorial&maxIter=1000000000000');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    'max iterations “1000000000000” (expected a whole number from 1 to 1000000)',
  );
  await expect(app.field('Max iterations')).toHaveValue('200');
});

test('an old link (version 1) that names no algorithm opens with hals, its default then; a new one without it with anls', async ({
  app,
  page,
}) => {
  await page.goto('./#v=1&data=example&example=tutorial&rank=2&maxIter=50&iter=3');
  await expect(app.status).toHaveText(/^Paused · iteration 3 /, { timeout: 30_000 });
  await expect(app.field('Algorithm')).toHaveValue('hals');
  await expect(notices(page)).not.toContainText('Ignored in the link');
  const again = await share(page);
  expect(again).toMatch(/#v=3&data=example&example=tutorial&alg=hals&rank=2&/);

  await openFresh(page, './#v=2&data=example&example=lowrank&rank=3&maxIter=50&iter=2');
  await expect(app.rankBox()).toHaveValue('3');
  await expect(app.status).toHaveText(/^Paused · iteration 2 /, { timeout: 30_000 });
  await expect(app.field('Algorithm')).toHaveValue('anls');
});
