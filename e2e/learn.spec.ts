// The Learn panel: formulas typeset by KaTeX for every algorithm, what Step changed, the remarks' buttons.
import { test, expect } from './fixtures.js';

const LABELS = [
  'Multiplicative (Frobenius)',
  'Multiplicative (KL)',
  'Alternating least squares',
  'Alternating NNLS',
  'HALS (coordinate descent)',
  'Gradient descent',
  'Stochastic gradient (SGD)',
];

test('the Learn panel typesets the objective and update rules of every algorithm', async ({ app, page }) => {
  await app.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  for (const label of LABELS) {
    await app.chooseAlgorithm(label);
    await expect(page.getByRole('heading', { name: `Learn: ${label}` })).toBeVisible();
    const rules = page.getByRole('region', { name: 'Objective and update rules' });
    // KaTeX output (HTML and MathML) for the objective and each rule, no error boxes
    await expect(rules.locator('.katex-display')).not.toHaveCount(0);
    expect(await rules.locator('.katex-display').count()).toBeGreaterThanOrEqual(2);
    await expect(rules.locator('.katex-mathml').first()).toBeAttached();
    await expect(page.locator('.learn .katex-error')).toHaveCount(0);
    await expect(rules.getByText('Why W and H stay non-negative.')).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Notation' }).locator('.katex')).toHaveCount(9);
  // every formula fits at 1280: none is a scrolling region
  await expect(page.getByRole('region', { name: 'Formula' })).toHaveCount(0);
  await app.screenshot('learn');
  await page.setViewportSize({ width: 390, height: 800 });
  // at phone width every algorithm's formulas fit or scroll inside their own box: the page never scrolls sideways
  for (const label of LABELS) {
    await app.chooseAlgorithm(label);
    await expect(page.getByRole('heading', { name: `Learn: ${label}` })).toBeVisible();
    await expect.poll(() => app.sideScroll(), { message: label }).toBe(0);
  }
  // the extrapolated step is wider than a phone: its box is a tab stop, and → scrolls it, not the run
  await app.chooseAlgorithm('Alternating NNLS');
  const formula = page.getByRole('region', { name: 'Formula' });
  await expect(formula).toHaveCount(1);
  await expect(formula).toHaveAttribute('tabindex', '0');
  await formula.focus();
  const before = (await app.read()).iteration;
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => formula.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect((await app.read()).iteration).toBe(before);
  // back to the start for the screenshot (→ may still be scrolling smoothly)
  await expect
    .poll(() =>
      formula.evaluate((el) => {
        el.scrollTo(0, 0);
        return el.scrollLeft;
      }),
    )
    .toBe(0);
  await app.screenshot('learn-phone');
});

test('after Step the panel shows the error before and after and the rows of H that moved most', async ({ app, page }) => {
  await app.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByText('Press Step (with the run paused)')).toBeVisible();
  await app.steps(1);
  const step = page.getByRole('region', { name: 'What Step changed' });
  await expect(step).toContainText(/Iteration 1: relative error [0-9.]+ → [0-9.]+ \(down by [0-9.e-]+\)\./);
  await expect(step).toContainText(/Rows of H that moved most: row \d by [0-9.e-]+/);
  await app.steps(1);
  await expect(step).toContainText(/Iteration 2: relative error/);
  await app.chooseAlgorithm('Gradient descent');
  await app.waitFor('Ready');
  await app.steps(1);
  await expect(step).toContainText(/With η = 0\.001, .* the gradient's size is about/);
});

test('the Learn panel first shows with its formulas typeset, so nothing in it moves when they arrive', async ({ app, page }) => {
  await app.open();
  // every change to the page is looked at before the browser paints it: a formula still shown as its
  // TeX source (to be replaced by taller typeset output later) is a layout shift a user would see
  // (a script as text: the e2e code is typed without the DOM's types)
  await page.evaluate(`
    window.untypeset = 0;
    window.learnObserver = new MutationObserver(() => {
      for (const t of document.querySelectorAll('.learn .tex')) if (!t.querySelector('.katex')) window.untypeset += 1;
    });
    window.learnObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  `);
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByRole('region', { name: 'Notation' }).locator('.katex')).toHaveCount(9);
  await expect(page.locator('.learn .katex-error')).toHaveCount(0);
  expect(await page.evaluate('window.untypeset')).toBe(0);
});

test('without KaTeX the Learn panel still shows, its formulas as TeX source, and says why', async ({ app, page, watch }) => {
  await page.route(/katex/i, (route) => route.abort());
  watch.allow.push(/^Failed to load resource: net::ERR_FAILED$/); // the chunks this test blocks
  await app.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  const notation = page.getByRole('region', { name: 'Notation' });
  await expect(notation.getByText('W', { exact: true })).toBeVisible();
  await expect(notation.locator('.katex')).toHaveCount(0);
  await expect(notation.locator('.tex').first()).toHaveAttribute('title', /^formulas could not load: /);
  await expect(app.button('Run gradient descent with η = 5')).toBeVisible();
});

test('one click runs gradient descent with a diverging η, and the run stops saying so', async ({ app, page }) => {
  await app.open();
  await page.getByRole('tab', { name: 'Learn' }).click();
  // the panel shows once KaTeX has loaded (views.ts); waiting for its formulas also makes sure of it
  await expect(page.getByRole('region', { name: 'Notation' }).locator('.katex')).toHaveCount(9);
  await app.button('Run gradient descent with η = 5').click();
  await expect(app.field('Algorithm')).toHaveValue('gd');
  await expect(app.field('Learning rate η')).toHaveValue('5');
  await app.waitFor('Stopped', 30_000);
  await expect(app.status).toContainText('diverged');
});
