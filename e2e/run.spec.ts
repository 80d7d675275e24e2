// Running a factorization, as a person does it: Run, Pause, Step, Reset, Speed.
import { test, expect } from './fixtures.js';

test('the app opens with the low-rank example loaded and ready to run', async ({ app, page }) => {
  await app.open();
  await expect(app.summary).toContainText('60×40, 2400 observed, 0 missing');
  await expect(app.field('Example')).toHaveValue('lowrank');
  await expect(app.rankBox()).toHaveValue('4');
  const s = await app.read();
  expect(s).toMatchObject({ phase: 'Ready', iteration: 0 });
  expect(s.relError).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: 'V (data)' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'WH (reconstruction)' })).toBeVisible();
  await app.screenshot('open-1280');
});

test('Run raises the iteration and lowers the error; Pause stops it; Step adds exactly one; Reset returns to 0', async ({ app, page }) => {
  await app.open();
  await app.setNumber('Max iterations', 100000);
  await app.setNumber('Tolerance', 0);
  await app.setSpeed('30 iterations/s');
  const start = await app.waitFor('Ready');

  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration ([5-9]|\d\d+) /);
  const early = await app.read();
  await expect(app.status).toHaveText(/^Running · iteration (1[5-9]|[2-9]\d|\d{3,}) /);
  const later = await app.read();
  expect(later.iteration).toBeGreaterThan(early.iteration);
  expect(early.relError).toBeLessThan(start.relError);
  expect(later.relError).toBeLessThan(early.relError);
  await expect(app.button('Run')).toBeDisabled();

  await app.button('Pause').click();
  const paused = await app.waitFor('Paused');
  await page.waitForTimeout(700);
  expect((await app.read()).iteration).toBe(paused.iteration);
  await expect(app.button('Pause')).toBeDisabled();

  await app.button('Step').click();
  await expect(app.status).toHaveText(new RegExp(`^Paused · iteration ${paused.iteration + 1} `));
  await page.waitForTimeout(300);
  expect((await app.read()).iteration).toBe(paused.iteration + 1);
  await app.screenshot('paused-1280');

  await app.button('Reset').click();
  const reset = await app.waitFor('Ready');
  expect(reset.iteration).toBe(0);
  expect(reset.relError).toBeCloseTo(start.relError, 12);
});

test('at full speed a run goes to its stop and says why', async ({ app }) => {
  await app.open();
  await app.button('Run').click();
  const s = await app.waitFor('Stopped');
  expect(s.text).toMatch(/reached the maximum of 200 iterations|converged at iteration \d+/);
  await expect(app.button('Run')).toBeDisabled();
  await expect(app.button('Step')).toBeEnabled();
});

test('the speed control slows a run down so that every iteration can be watched', async ({ app, page }) => {
  await app.open();
  await app.setSpeed('2 iterations/s');
  // Every text the status line shows, recorded in the page (no polling that could miss one).
  await app.status.evaluate((el: any) => {
    const g = globalThis as any;
    g.statusLog = [];
    new g.MutationObserver(() => g.statusLog.push({ text: el.textContent })).observe(el, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  const clicked = Date.now();
  await app.button('Run').click();
  // Wait for the state (iteration 6 shown), then read the clock: at 2 iterations/s the worker does
  // iteration i no sooner than (i − 1)/2 s after the run starts, so iteration 6 takes at least
  // 2.5 s from the click (at full speed it would be milliseconds); a slow machine only makes it later.
  await expect(app.status).toHaveText(/^Running · iteration ([6-9]|\d\d+) /);
  expect(Date.now() - clicked).toBeGreaterThanOrEqual(2500);
  await app.button('Pause').click();
  await app.waitFor('Paused');
  // Most iterations were shown one by one (each a text of its own on the status line; two may
  // share a render only if the page's main thread stood still for half a second), in order.
  const log: { text: string }[] = await page.evaluate(() => (globalThis as any).statusLog);
  const shown = log.map((e) => Number(/^Running · iteration (\d+) /.exec(e.text)?.[1] ?? NaN)).filter((it) => it >= 1 && it <= 6);
  const distinct = [...new Set(shown)];
  expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
  expect(distinct.length).toBeGreaterThanOrEqual(4);
});

test('changing an option while running stops the run and starts a new one at iteration 0', async ({ app }) => {
  await app.open();
  await app.setNumber('Max iterations', 100000);
  await app.setSpeed('30 iterations/s');
  await app.button('Run').click();
  await expect(app.status).toHaveText(/^Running · iteration ([3-9]|\d\d+) /);
  await app.setNumber(app.rankBox(), 2);
  const s = await app.waitFor('Ready');
  expect(s.iteration).toBe(0);
  await expect(app.rankBox()).toHaveValue('2');
});

test('a diverging solver stops with the reason and what to change', async ({ app }) => {
  await app.open();
  await app.chooseAlgorithm('Gradient descent');
  await expect(app.field('Learning rate η')).toBeEnabled();
  await expect(app.field('ε (epsilon)')).toHaveCount(0); // only the chosen solver's parameters are shown
  await app.setNumber('Learning rate η', 5);
  await app.waitFor('Ready');
  await app.button('Run').click();
  const s = await app.waitFor('Stopped');
  expect(s.text).toMatch(/diverged at iteration \d+/);
  expect(s.text).toContain('Lower the learning rate');
  await app.screenshot('diverged-1280');
});
