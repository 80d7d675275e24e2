// The run is kept and the controls say why (issue 11): an invalid field blocks Run and Share and
// says which field; raising Max iterations continues a stopped run from where it is; a new run
// says why it started; focus moves from Run to Pause and back.
import { test, expect } from './fixtures.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import type { AppPage, StatusInfo } from './appPage.js';

/** The default algorithm, which the runs below keep. */
const A = DEFAULT_OPTIONS.algorithm;

/** Opens the app and runs, at full speed without a tolerance, to a stop at `maxIter`; its status. */
async function runToMaximum(app: AppPage, maxIter: number): Promise<StatusInfo> {
  await app.open();
  await app.setNumber('Tolerance', 0);
  await app.setNumber('Max iterations', maxIter);
  await app.setSpeed('As fast as possible');
  await app.waitFor('Ready');
  await app.button('Run').click();
  return app.waitFor('Stopped');
}

test('an invalid field blocks Run, Step and Share, saying which field; fixing it frees them', async ({ app, page }) => {
  await app.open();
  await app.chooseAlgorithm('Gradient descent');
  await app.waitFor('Ready');
  await app.setNumber('Learning rate η', -1);
  await expect(app.button('Run')).toBeDisabled();
  await expect(app.button('Step')).toBeDisabled();
  await expect(app.button('Share link')).toBeDisabled();
  await expect(page.getByText('Run is off: fix Learning rate η: must be at least 0')).toBeVisible();
  await expect(app.status).toHaveText(
    'Cannot run: Learning rate η: must be at least 0. The run keeps the previous value until it is fixed.',
  );
  await app.setNumber('Learning rate η', 0.001);
  await app.waitFor('Ready');
  await expect(app.button('Run')).toBeEnabled();
  await expect(app.button('Share link')).toBeEnabled();
});

test('an invalid rank blocks Run as the other fields do, and a valid one frees it', async ({ app, page }) => {
  await app.open();
  await app.waitFor('Ready');
  const box = page.getByRole('spinbutton', { name: 'Rank', exact: true }); // the slider has the name too
  await box.fill('100');
  await box.press('Enter');
  await expect(app.button('Run')).toBeDisabled();
  await expect(app.status).toHaveText(/^Cannot run: Rank: must be at most \d+\. The run keeps the previous value until it is fixed\.$/);
  await box.fill('3');
  await box.press('Enter');
  await app.waitFor('Ready');
  await expect(app.button('Run')).toBeEnabled();
});

test('a seed beyond the largest the engine takes blocks Run and Share, so no link holds it', async ({ app }) => {
  await app.open();
  await app.waitFor('Ready');
  await app.setNumber('Seed', '1e+30');
  await expect(app.status).toHaveText(
    'Cannot run: Seed: must be at most 9007199254740991. The run keeps the previous value until it is fixed.',
  );
  await expect(app.button('Run')).toBeDisabled();
  await expect(app.button('Share link')).toBeDisabled();
});

test('lowering Max iterations below the iterations run keeps the run and says it is past the new maximum', async ({ app }) => {
  const s = await runToMaximum(app, 12);
  expect(s.text).toContain('reached the maximum of 12 iterations');
  await app.setNumber('Max iterations', 3);
  await expect(app.status).toContainText('at iteration 12, past the maximum of 3 iterations');
  const t = await app.waitFor('Stopped');
  expect(t.iteration).toBe(12);
  expect(t.relError).toBe(s.relError);
});

test('raising Max iterations of a stopped run goes on from where it stopped', async ({ app, page }) => {
  const s = await runToMaximum(app, 20);
  expect(s.iteration).toBe(20);
  await expect(app.button('Run')).toBeDisabled();
  await expect(page.getByText(/Run is off: the run stopped: raise Max iterations/)).toBeVisible();
  await app.setNumber('Max iterations', 40);
  const p = await app.waitFor('Paused');
  expect(p.iteration).toBe(20);
  expect(p.relError).toBe(s.relError);
  await app.button('Run').click();
  const t = await app.waitFor('Stopped');
  expect(t.iteration).toBe(40);
  expect(t.text).toContain('reached the maximum of 40 iterations');
  expect(t.relError).toBeLessThanOrEqual(s.relError);
});

test('a new run says why it started', async ({ app }) => {
  await app.open();
  await app.steps(2);
  await app.setNumber(app.rankBox(), 3);
  await expect(app.status).toContainText('new run: rank 4 → 3; the previous run stopped after 2 iterations');
});

test('a new run keeps the previous run on the loss plot, named by its settings; Clear previous runs removes it', async ({ app, page }) => {
  await app.open();
  await app.steps(3);
  await app.setNumber(app.rankBox(), 3);
  await expect(app.status).toContainText('new run: rank 4 → 3');
  await app.steps(2);
  const legend = page.locator('.loss .legendtext');
  await expect(legend).toHaveText([`rank 4 · ${A} · seed 1`, `rank 3 · ${A} · seed 1 (current)`]);
  await expect(page.getByText('Faded: the previous run on this data.')).toBeVisible();
  await app.setNumber('Seed', 2);
  await expect(app.status).toContainText('new run: seed 1 → 2');
  await expect(legend).toHaveText([`rank 4 · ${A} · seed 1`, `rank 3 · ${A} · seed 1`, `rank 3 · ${A} · seed 2 (current)`]);
  await app.button('Clear previous runs').click();
  await expect(legend).toHaveCount(0);
  await expect(app.button('Clear previous runs')).toHaveCount(0);
  // new data drops them too (they were about other data)
  await app.steps(1);
  await app.setNumber(app.rankBox(), 2);
  await expect(legend).toHaveText([`rank 3 · ${A} · seed 2`, `rank 2 · ${A} · seed 2 (current)`]);
  await app.field('Example').selectOption('tutorial');
  await expect(app.summary).toContainText('5×6');
  await expect(app.button('Clear previous runs')).toHaveCount(0);
  await expect(legend).toHaveCount(0);
});

test('Space on Run hands focus to Pause, and Space on Pause hands it back to Run', async ({ app }) => {
  await app.open();
  await app.setSpeed('2 iterations/s');
  await app.button('Run').focus();
  await app.page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeFocused();
  await app.page.keyboard.press('Space');
  await expect(app.button('Run')).toBeFocused();
  await app.waitFor('Paused');
});

test('a run that pauses while the page is scrolled to the plots keeps the page where it is', async ({ app, page }) => {
  await app.open();
  await app.setSpeed('2 iterations/s');
  await app.button('Run').click();
  await expect(app.button('Pause')).toBeFocused();
  // the user scrolls down to watch the heatmaps, the Run controls out of sight, and pauses with Space
  await page.evaluate('window.scrollTo(0, 900)');
  await expect.poll(() => page.evaluate('window.scrollY')).toBe(900);
  await page.keyboard.press('Space');
  await app.waitFor('Paused');
  // focus went back to Run without scrolling it into view
  await expect(app.button('Run')).toBeFocused();
  expect(await page.evaluate('window.scrollY')).toBe(900);
});

test('keys: → steps, Space runs and pauses, R resets, outside text fields; the help line says so', async ({ app, page }) => {
  await app.open();
  await expect(page.getByText('Keys: Space runs or pauses, → steps, R resets (outside text fields).')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(app.status).toContainText('iteration 1 ');
  await app.setSpeed('2 iterations/s');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await app.waitFor('Running');
  await page.keyboard.press('Space');
  await app.waitFor('Paused');
  await page.keyboard.press('r');
  await app.waitFor('Ready');
  // in a text field the keys are the field's
  await app.field('Seed').focus();
  await page.keyboard.press('r');
  await expect(app.status).toContainText('Ready');
});
