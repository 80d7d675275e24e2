// Embed: the Share panel's Embed checkbox makes a link for an iframe and shows the snippet to paste
// with its Copy button; the snippet, pasted in a page, shows the plots, the run controls and the
// status only (no Data or Options panels), within its frame, and runs to the same numbers.
import { test, expect } from './fixtures.js';

test('an Embed link, pasted as its iframe snippet, shows the run only and reaches the same numbers', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Seed', 23);
  await app.waitFor('Ready');
  const before = await app.steps(4);

  const share = page.getByRole('region', { name: 'Share' });
  await share.getByRole('button', { name: 'Share link', exact: true }).click();
  const plain = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(plain).not.toContain('embed=1');
  await share.getByRole('checkbox', { name: 'Embed' }).check();
  const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toBe(`${plain}&embed=1`);
  await app.setNumber(share.getByLabel('Frame width', { exact: true }), 640);
  const code = share.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(
    `<iframe src="${link.replace(/&/g, '&amp;')}" width="640" height="600" title="NMF Playground" style="border: 1px solid #ccc"></iframe>`,
  );
  await expect(share.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
  await share.scrollIntoViewIfNeeded();
  await share.screenshot({ path: 'e2e/screenshots/share-embed-1280.png' });

  // the snippet in a course page of its own
  const snippet = await code.inputValue();
  // served on the app's origin (Chromium does not let a page of no origin frame a loopback address)
  await page.route('**/course-page.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Course page</title><h1>Week 3</h1>${snippet}` }),
  );
  await page.goto('./course-page.html');
  const frame = page.frameLocator('iframe[title="NMF Playground"]');
  const status = frame.getByRole('status');
  // the same numbers; the thread mode may differ (the frame's host page is not cross-origin isolated)
  const numbers = (t: string) => t.replace(/^\S+/, 'Paused').replace(/ · \d threads?( \(no cross-origin isolation\))?$/, '');
  await expect.poll(async () => numbers((await status.textContent()) ?? ''), { timeout: 30_000 }).toBe(numbers(before.text));
  await expect(frame.getByRole('heading', { name: 'Data' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Options' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'Share' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Run' })).toBeVisible();
  await expect(frame.getByRole('figure', { name: 'V − WH (residual)' })).toBeVisible();
  const open = frame.getByRole('link', { name: 'Open in NMF Playground' });
  await expect(open).toHaveAttribute('href', /#v=3&.*&iter=4$/);
  // sized to its frame: nothing wider than the frame
  const widths = await frame
    .locator('body')
    .evaluate((b) => ({ scroll: b.scrollWidth, client: b.ownerDocument.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await page.screenshot({ path: 'e2e/screenshots/embed-iframe-1280.png' });
});
