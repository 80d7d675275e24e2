import { test, expect } from './fixtures.js';

test('smoke', async ({ app, page }) => {
  await app.open();
  await app.screenshot('smoke-open');
  await app.button('Run').click();
  await app.waitFor('Stopped');
  console.log(await app.read());
  await page.waitForTimeout(500);
  await app.screenshot('smoke-run');
});
