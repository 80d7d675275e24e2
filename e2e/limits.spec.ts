// Inputs that could break the page, as a user or a crafted link gives them: an upload over the size
// limit or one whose reading fails, a planted rank or a rank too much work for the worker, and the
// Content-Security-Policy the app runs under. Each is refused with a message next to its control,
// and what the user had stays.
import { test, expect } from './fixtures.js';

test('an upload over the size limit is refused before it is read, and the limit is stated next to the control', async ({ app, page }) => {
  await app.open();
  await app.steps(2);
  const before = await app.summary.textContent();
  await expect(page.getByText(/^Up to 20 MB\. Or drop a file on this panel\./)).toBeVisible();
  // The 21 MB file is made in the page (sending it over the protocol takes most of a minute on a
  // busy machine) and chosen the way a browser does it: the input's files set, then a change event.
  await app.field('Upload CSV/TSV file').evaluate(
    (input: any, size) => {
      const g = globalThis as any;
      const chosen = new g.DataTransfer();
      chosen.items.add(new g.File([new Uint8Array(size).fill(49)], 'big.csv', { type: 'text/csv' }));
      input.files = chosen.files;
      input.dispatchEvent(new g.Event('change', { bubbles: true }));
    },
    21 * 2 ** 20,
  );
  await expect(page.getByRole('alert')).toHaveText('big.csv is 21.0 MB, more than the 20 MB an upload may be; nothing was read.');
  await expect(app.summary).toHaveText(before!);
  expect((await app.read()).iteration).toBe(2);
});

test('an upload whose reading fails says so next to the control and keeps the matrix', async ({ app, page }) => {
  await app.open();
  await app.steps(1);
  const before = await app.summary.textContent();
  // What the browser does when a chosen file changed or vanished before it was read: text() rejects.
  await page.evaluate(() => {
    File.prototype.text = () =>
      Promise.reject(new DOMException('The requested file could not be read, typically due to permission problems.', 'NotReadableError'));
  });
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'gone.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2\n3,4\n') });
  await expect(page.getByRole('alert')).toHaveText(
    'gone.csv could not be read (NotReadableError: The requested file could not be read, typically due to permission problems.); the matrix you had is kept.',
  );
  await expect(app.summary).toHaveText(before!);
  expect((await app.steps(1)).iteration).toBe(2);
});

test('Randomize with a planted rank too much work to make is refused with what is too large', async ({ app, page }) => {
  await app.open();
  const before = await app.summary.textContent();
  await app.fill('Rows', 3162);
  await app.fill('Columns', 3162);
  await app.fill('Planted rank', 3162);
  await app.button('Randomize').click();
  await expect(page.getByRole('alert')).toHaveText(
    'the planted rank 3162 on 3162×3162 is too much work: making it takes rows × columns × rank = 3.2e10 multiply-adds, more than the 1e9 allowed; lower the planted rank or the size',
  );
  await expect(app.summary).toHaveText(before!);
  await app.waitFor('Ready');
});

test('a link asking for a rank too much work for one iteration loads its data and says so at Rank', async ({ app, page }) => {
  await page.goto('./#v=1&data=uniform&rows=1500&cols=1500&dseed=1&alg=hals&rank=1500');
  await expect(app.summary).toContainText('1500×1500', { timeout: 30_000 });
  await expect(page.getByRole('alert')).toContainText(
    'rank 1500 on a 1500×1500 matrix is too much work: one iteration of hals would take about',
  );
  await app.setNumber(app.rankBox(), 5);
  await app.waitFor('Ready');
  expect((await app.steps(1)).iteration).toBe(1);
});

test('the app runs under its Content-Security-Policy: no inline script, wasm allowed, same-origin only', async ({ page, watch }) => {
  const response = await page.goto('./');
  const header = response!.headers()['content-security-policy'];
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(header).toContain("connect-src 'self'");
  expect(header).toContain("worker-src 'self'");
  // the built page carries the same policy for static hosts that send no header
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', header);
  await expect(page.getByRole('status')).toContainText('Ready', { timeout: 15_000 });
  // an injected inline script is refused (and reported: the one violation this test expects)
  watch.allow.push(/^CSP violation: script-src-elem blocked inline/, /Executing inline script violates/);
  // (a string, as the e2e project has no DOM types: it runs in the page)
  const ran = await page.evaluate(`(async () => {
    const s = document.createElement('script');
    s.textContent = 'globalThis.inlineRan = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 0));
    return globalThis.inlineRan === true;
  })()`);
  expect(ran).toBe(false);
});
