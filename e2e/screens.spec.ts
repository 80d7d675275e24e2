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
