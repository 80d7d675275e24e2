// When the worker dies or falls silent, the app says so, starts a fresh one and keeps the data
// and options. Faults are injected through the test-only window.nmfTest (URL flag ?test).
import { test, expect, type Page } from './fixtures.js';

/** Calls the app's test hook (installed with ?test) to make the worker throw or hang. */
function fault(page: Page, kind: 'throw' | 'hang'): Promise<void> {
  return page.evaluate((k) => (globalThis as unknown as { nmfTest: { fault(k: string): void } }).nmfTest.fault(k), kind);
}

test('a worker that crashes is replaced; the data and options are kept and the run works again', async ({ app, page }) => {
  await app.open('?test');
  await app.setNumber(app.rankBox(), 2);
  await app.waitFor('Ready');
  await app.steps(2);
  const summary = await app.summary.textContent();

  await fault(page, 'throw');
  const notices = page.getByRole('region', { name: 'Notices' });
  await expect(notices).toContainText('The worker stopped: the worker crashed');
  await expect(notices).toContainText('A fresh worker was started with the same data and options');
  const s = await app.waitFor('Ready');
  expect(s.iteration).toBe(0);
  await expect(app.summary).toHaveText(summary!);
  await expect(app.rankBox()).toHaveValue('2');
  await app.button('Run').click();
  await app.waitFor('Stopped');
  await app.screenshot('crash-recovered-1280');
  await app.button('Dismiss').click();
  await expect(notices).toHaveCount(0);
});

test('a worker that stops answering is declared dead by the watchdog and replaced', async ({ app, page }) => {
  await app.open('?test&watchdog=1500');
  await app.setSpeed('10 iterations/s');
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration ([2-9]|\d\d+) /);
  await fault(page, 'hang');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText('the worker stopped answering for 1.5 s', { timeout: 10_000 });
  await app.waitFor('Ready');
  await expect(app.field('Speed')).toHaveValue('10');
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration [1-9]/);
});
