// Screenshots of the main states at phone width (390×844), saved to e2e/screenshots/ to be looked
// at; the desktop (1280×800) ones are taken by the other specs. Each also checks the layout holds.
import { test, expect } from './fixtures.js';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('phone width: the app opens, runs, and shows its plots without horizontal scrolling', async ({ app, page }) => {
  await app.open();
  await app.screenshot('open-390');
  await app.button('Run').click();
  await app.waitFor('Stopped');
  await expect(page.getByRole('figure', { name: 'V − WH (residual)' })).toBeVisible();
  await page.waitForTimeout(500);
  await app.screenshot('stopped-390');
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});

test('phone width: a bad file shows its message next to the upload control', async ({ app, page }) => {
  await app.open();
  await app.field('Upload CSV/TSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,x\n') });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('row 3, column 2');
  await alert.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/bad-csv-390.png' });
});

test('phone width: the Share panel with Embed, the Session panel and Reproduce elsewhere fit the screen', async ({ app, page }) => {
  await app.open();
  await app.steps(2);
  const share = page.getByRole('region', { name: 'Share' });
  await share.getByRole('button', { name: 'Share link', exact: true }).click();
  await share.getByRole('checkbox', { name: 'Embed' }).check();
  await expect(share.getByRole('textbox', { name: 'Embed code' })).toBeVisible();
  await share.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/share-embed-390.png' });
  const session = page.getByRole('region', { name: 'Session', exact: true });
  await session.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/session-panel-390.png' });
  const reproduce = page.getByRole('region', { name: 'Reproduce elsewhere' });
  await reproduce.getByText('Reproduce elsewhere', { exact: true }).click();
  await expect(reproduce.getByRole('textbox', { name: 'Python (scikit-learn) program' })).toBeVisible();
  await reproduce.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/reproduce-390.png' });
  const overflow = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return d.documentElement.scrollWidth - d.documentElement.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
});
