// The plots (web/plots) on their demo page (web/plots/demo.html) with seeded data, in Chromium:
// every plot drawn and labelled, notes for block averaging and missing entries, live updates by
// appending, a phone-width layout, no console errors and no request leaving the origin.
import { expect, test, type Locator, type Page } from '@playwright/test';

const DEMO = '/web/plots/demo.html';
const SHOTS = 'e2e/screenshots';
const PANEL = ['V (data)', 'WH (reconstruction)', 'V − WH (residual)', 'W (rows × components)', 'H (components × columns)'];
const LOSS = 'Relative error per iteration';

/** Collects console errors, page errors and requests to other origins while a test runs. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) problems.push(`request to ${r.url()}`);
  });
  return problems;
}

async function open(page: Page) {
  await page.goto(DEMO);
  await expect(page.locator('.js-plotly-plot')).toHaveCount(8, { timeout: 30_000 });
  await expect(page.locator('.plot-loading')).toHaveCount(0);
}

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

async function expectTitled(plot: Locator, title: string) {
  await expect(plot.locator('svg.main-svg').first()).toBeVisible();
  await expect(plot.locator('.gtitle')).toHaveText(title);
}

test.describe('plots demo', () => {
  let problems: string[] = [];
  test.beforeEach(({ page, baseURL }) => {
    problems = watch(page, new URL(baseURL!).origin);
  });
  test.afterEach(() => {
    expect(problems).toEqual([]);
  });

  test('shows "loading plot…" with the title until plotly has loaded', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(/plotly.*\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(DEMO);
    const loss = figure(page, LOSS);
    await expect(loss.getByText('loading plot…')).toBeVisible();
    await expect(loss.locator('.plot-loading-title')).toHaveText(LOSS);
    release();
    await expect(loss.locator('svg.main-svg').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('loading plot…')).toHaveCount(0);
  });

  test('draws every plot with its title, axis titles and notes at 1280×800', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);

    const loss = figure(page, LOSS);
    await expectTitled(loss, LOSS);
    await expect(loss.locator('.xtitle')).toHaveText('Iteration');
    await expect(loss.locator('.ytitle')).toHaveText('Relative error ‖V−WH‖/‖V‖');
    await expect(loss.locator('.legendtext')).toHaveText(['hals', 'als']); // the live run has no points yet
    expect(await loss.locator('.js-plotly-plot').evaluate((gd: any) => gd._fullLayout.yaxis.type)).toBe('log');

    for (const title of PANEL) {
      const plot = figure(page, title);
      await expectTitled(plot, title);
      await expect(plot.locator('.heatmaplayer image')).toHaveCount(1);
      // Row 1 at the top: the y axis runs downwards.
      const range = await plot.locator('.js-plotly-plot').evaluate((gd: any) => gd._fullLayout.yaxis.range as number[]);
      expect(range[0]).toBeGreaterThan(range[1]);
    }
    await expect(figure(page, PANEL[3]).locator('.xtitle')).toHaveText('component');
    await expect(figure(page, PANEL[4]).locator('.ytitle')).toHaveText('component');
    await expect(figure(page, 'V (data)')).toHaveAccessibleDescription(/^V \(data\): 60×40, values [\d.]+–[\d.]+, \d+ missing\.$/);
    await expect(figure(page, 'V (data)').getByText(/^Grey: missing \(\d+ entries\)\.$/)).toBeVisible();
    await expect(figure(page, 'WH (reconstruction)').getByText(/^At the \d+ missing entries of V, WH shows the predicted values\.$/)).toBeVisible();

    // V and WH share one colour range; the residual's is symmetric about 0.
    const zRange = (title: string) =>
      figure(page, title).locator('.js-plotly-plot').evaluate((gd: any) => [gd._fullData[0].zmin, gd._fullData[0].zmax] as number[]);
    expect(await zRange('V (data)')).toEqual(await zRange('WH (reconstruction)'));
    const [rlo, rhi] = await zRange('V − WH (residual)');
    expect(rlo).toBe(-rhi);

    const big = figure(page, 'Big V');
    await expectTitled(big, 'Big V');
    await expect(big.getByText('Shown as 200×200 block means of 10×5 entries.', { exact: true })).toBeVisible();
    await expect(big).toHaveAccessibleDescription(/^Big V: 2000×1000, values .*; shown as 200×200 block means of 10×5 entries\.$/);
    const shape = await big.locator('.js-plotly-plot').evaluate((gd: any) => [gd.data[0].z.length, gd.data[0].z[0].length]);
    expect(shape).toEqual([200, 200]);

    const ratings = figure(page, 'Ratings');
    await expect(ratings.getByText(/^Grey: missing \(\d+ entries\)\.$/)).toBeVisible();
    await expect(ratings.locator('.ytick text').first()).toHaveText('user <1>');
    await expect(ratings.locator('.xtick text').first()).toHaveText('item A');

    await page.screenshot({ path: `${SHOTS}/plots-1280x800.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/plots-1280x800-top.png` });
    await loss.screenshot({ path: `${SHOTS}/plots-1280x800-loss.png` });

    // Hover names the row, the column and the value (tried at a few cells, as missing ones show no hover).
    await ratings.scrollIntoViewIfNeeded();
    const area = (await ratings.locator('.nsewdrag').boundingBox())!;
    const hover = page.locator('.hoverlayer .hovertext');
    for (const f of [0.52, 0.3, 0.7, 0.1, 0.9]) {
      await page.mouse.move(area.x + area.width * f, area.y + area.height * (1 - f));
      if (await hover.count()) break;
    }
    await expect(hover).toContainText(/^row \d+ \(user <\d+>\)col \d+ \(item [A-T]\)value [\d.]+$/);
    await ratings.screenshot({ path: `${SHOTS}/plots-heatmap-hover.png` });

    const images = figure(page, 'W columns as 12×12 images');
    await expect(images.getByRole('img')).toHaveCount(8);
    await expect(images.getByRole('img', { name: 'component 8' })).toBeVisible();
  });

  test('appends loss points and updates heatmaps while a run goes; a new run redraws its series', async ({ page }) => {
    await open(page);
    const lossDiv = figure(page, LOSS).locator('.js-plotly-plot');
    const whDiv = figure(page, 'WH (reconstruction)').locator('.js-plotly-plot');
    // Marks on what a redraw would replace: the live trace object and the heatmap's svg.
    await lossDiv.evaluate((gd: any) => (gd.data[2].marked = true));
    await whDiv.evaluate((gd: any) => gd.querySelector('svg.main-svg').setAttribute('data-marked', '1'));
    const before = await whDiv.evaluate((gd: any) => gd.data[0].z[0][0]);

    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('20');
    await expect.poll(() => lossDiv.evaluate((gd: any) => gd.data[2].y.length)).toBe(20);
    expect(await lossDiv.evaluate((gd: any) => [gd.data[2].marked, gd.data[2].x[0], gd.data[2].x[19]])).toEqual([true, 1, 20]);
    const errors = await lossDiv.evaluate((gd: any) => gd.data[2].y as number[]);
    expect(errors[19]).toBeLessThan(errors[0]);
    await expect.poll(() => whDiv.evaluate((gd: any) => gd.data[0].z[0][0])).not.toBe(before);
    expect(await whDiv.evaluate((gd: any) => gd.querySelector('svg.main-svg').getAttribute('data-marked'))).toBe('1');
    await expect(figure(page, LOSS).locator('.legendtext')).toHaveText(['hals', 'als', 'mu (live)']);
    // Unified hover lists every run's error at the iteration under the mouse.
    const lossArea = (await figure(page, LOSS).locator('.nsewdrag').boundingBox())!;
    await page.mouse.move(lossArea.x + lossArea.width * 0.06, lossArea.y + lossArea.height * 0.5);
    await expect(figure(page, LOSS).locator('.hoverlayer')).toContainText(/^iteration \d+hals : [\d.]+als : [\d.]+mu \(live\) : [\d.]+$/);
    await figure(page, LOSS).screenshot({ path: `${SHOTS}/plots-loss-after-run.png` });
    await page.mouse.move(0, 0);
    await expect(figure(page, LOSS)).toHaveAccessibleDescription(/mu \(live\): 20 iterations, last [\d.]+\.$/);

    await page.getByRole('button', { name: 'New run' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('0');
    await expect.poll(() => lossDiv.evaluate((gd: any) => [gd.data[2].marked ?? false, gd.data[2].y.length])).toEqual([false, 0]);
    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect.poll(() => lossDiv.evaluate((gd: any) => gd.data[2].y.length)).toBe(20);
  });

  test('stacks the plots in one column on a 390×844 screen', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    const boxes = [];
    for (const title of PANEL) boxes.push((await figure(page, title).boundingBox())!);
    for (let i = 1; i < boxes.length; i++) {
      expect(Math.abs(boxes[i].x - boxes[0].x)).toBeLessThan(1);
      expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].height);
    }
    for (const b of boxes) expect(b.x + b.width).toBeLessThanOrEqual(390);
    const width = await page.locator('html').evaluate((el) => el.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/plots-390x844.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/plots-390x844-top.png` });
    for (const name of ['Loss', 'Factors', 'Heatmaps', 'Images'])
      await page.getByRole('region', { name }).screenshot({ path: `${SHOTS}/plots-390x844-${name.toLowerCase()}.png` });
  });

  test('keeps a 2000×1000 factor panel updating frame by frame (rate printed, not asserted)', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Update big panel 30 times' }).click();
    const result = page.getByLabel('big panel result');
    await expect(result).toHaveText(/^30 updates in [\d.]+ s/, { timeout: 60_000 });
    console.log(`big panel: ${await result.textContent()}`);
    const section = page.getByRole('region', { name: 'Big panel' });
    await expect(section.locator('.js-plotly-plot')).toHaveCount(5);
    await expect(section.getByText('Shown as 200×200 block means of 10×5 entries.', { exact: true })).toHaveCount(3);
    await page.mouse.move(0, 0);
    await section.screenshot({ path: `${SHOTS}/plots-big-panel.png` });
  });
});
