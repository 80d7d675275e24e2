// The plots (web/plots) on their demo page (web/plots/demo.html) with seeded data, in Chromium:
// every plot drawn and labelled (heatmap canvases hold more than one colour, colour bars and ticks
// are labelled; the loss canvas shows each run in its colour), notes for block averaging and missing
// entries, hover, PNG download, live updates, off-screen plots drawn when they scroll in, a phone-width layout, no console errors and
// no request leaving the origin. And in the app: the loss curve starts at iteration 0 before Run.
import { readFileSync } from 'node:fs';
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
  await expect.poll(() => lossPixels(figure(page, LOSS), '#1f77b4'), { timeout: 30_000 }).toBeGreaterThan(50);
}

/** Pixels of the loss plot's canvas in (nearly) the colour #rrggbb: how much of a series is drawn. */
function lossPixels(plot: Locator, hex: string): Promise<number> {
  return plot.locator('canvas').evaluate((c: any, hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 200 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 30) n++;
    return n;
  }, hex);
}

/** Hovers the loss plot at fraction f of its width (and half its height); returns the hover box text. */
async function hoverLoss(page: Page, plot: Locator, f: number): Promise<string> {
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.locator('.loss-area').boundingBox())!;
  await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
  await expect(plot.locator('.plot-hover')).toBeVisible();
  return (await plot.locator('.plot-hover').textContent())!;
}

const figure = (page: Page, name: string) => page.getByRole('figure', { name, exact: true });

/** Distinct colours among the canvas pixels of a heatmap (1 = blank or flat). */
function colours(plot: Locator): Promise<number> {
  return plot.locator('canvas').evaluate((c: any) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}

/** The tick labels of a heatmap's colour bar, bottom to top. */
const barLabels = (plot: Locator) => plot.locator('.heatmap-bar-label').allTextContents();

/** A heatmap is drawn: its title, more than a few colours on its canvas, a labelled colour bar. */
async function expectDrawn(plot: Locator, title: string) {
  await expect(plot.locator('.plot-title')).toHaveText(title);
  await expect.poll(() => colours(plot)).toBeGreaterThan(5);
  await expect.poll(async () => (await barLabels(plot)).length).toBeGreaterThanOrEqual(2);
  for (const t of await barLabels(plot)) expect(t).toMatch(/^-?[\d.]+(e-?\d+)?$/);
}

/** Moves the mouse to the centre of cell (r, c) of a rows×cols heatmap. */
async function hoverCell(page: Page, plot: Locator, r: number, c: number, rows: number, cols: number) {
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.locator('.heatmap-area').boundingBox())!;
  await page.mouse.move(box.x + ((c + 0.5) / cols) * box.width, box.y + ((r + 0.5) / rows) * box.height);
}

test.describe('plots demo', () => {
  let problems: string[] = [];
  test.beforeEach(({ page, baseURL }) => {
    problems = watch(page, new URL(baseURL!).origin);
  });
  test.afterEach(() => {
    expect(problems).toEqual([]);
  });

  test('draws every plot with its title, axis titles, colour bars and notes at 1280×800', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);

    const loss = figure(page, LOSS);
    await expect(loss.locator('.plot-title')).toHaveText(LOSS);
    await expect(loss.locator('.loss-xtitle')).toHaveText('Iteration');
    await expect(loss.locator('.loss-ytitle')).toHaveText('Relative error ‖V−WH‖/‖V‖');
    await expect(loss.locator('.loss-legend li')).toHaveText(['hals', 'als', 'mu (live)']);
    // A log axis: 1, 2, 5 per decade; the iteration axis from 0.
    const yTicks = await loss.locator('.axis-yticks .axis-tick').allTextContents();
    expect(yTicks).toEqual(expect.arrayContaining(['0.05', '0.1', '0.2', '0.5']));
    await expect(loss.locator('.axis-xticks .axis-tick').first()).toHaveText('0');
    // Each run in its colour; the live run has no iteration yet, but a dot at iteration 0.
    for (const color of ['#1f77b4', '#ff7f0e']) expect(await lossPixels(loss, color)).toBeGreaterThan(200);
    const dot = await lossPixels(loss, '#2ca02c');
    expect(dot).toBeGreaterThan(10);
    expect(dot).toBeLessThan(200);
    expect(await hoverLoss(page, loss, 0)).toMatch(/^iteration 0mu \(live\): 0\.\d+$/);
    await page.mouse.move(0, 0);

    for (const title of PANEL) {
      const plot = figure(page, title);
      await plot.scrollIntoViewIfNeeded();
      await expectDrawn(plot, title);
      // Row 1 at the top.
      const ticks = plot.locator('.axis-yticks .axis-tick');
      const first = (await ticks.first().boundingBox())!;
      const last = (await ticks.last().boundingBox())!;
      expect(first.y).toBeLessThan(last.y);
    }
    await expect(figure(page, PANEL[0]).locator('.axis-yticks .axis-tick').first()).toHaveText('gene 1');
    await expect(figure(page, PANEL[3]).locator('.heatmap-xtitle')).toHaveText('component');
    await expect(figure(page, PANEL[4]).locator('.heatmap-ytitle')).toHaveText('component');
    await expect(figure(page, 'V (data)')).toHaveAccessibleDescription(/^V \(data\): 60×40, values [\d.]+–[\d.]+, \d+ missing\.$/);
    await expect(figure(page, 'V (data)').getByText(/^Grey: missing \(\d+ entries\)\.$/)).toBeVisible();
    await expect(figure(page, 'WH (reconstruction)').getByText(/^At the \d+ missing entries of V, WH shows the predicted values\.$/)).toBeVisible();

    // V and WH share one colour range; the residual's is symmetric about 0.
    expect(await barLabels(figure(page, 'V (data)'))).toEqual(await barLabels(figure(page, 'WH (reconstruction)')));
    const r = await barLabels(figure(page, 'V − WH (residual)'));
    expect(r).toContain('0');
    expect(r[0]).toBe(`-${r[r.length - 1]}`);

    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/plots-1280x800-top.png` });
    await loss.screenshot({ path: `${SHOTS}/plots-1280x800-loss.png` });

    const big = figure(page, 'Big V');
    await big.scrollIntoViewIfNeeded();
    await expectDrawn(big, 'Big V');
    await expect(big.getByText('Each cell: mean of a 10×5 block (2000×1000 shown as 200×200).', { exact: true })).toBeVisible();
    await expect(big).toHaveAccessibleDescription(/^Big V: 2000×1000, values .*; each cell: mean of a 10×5 block \(2000×1000 shown as 200×200\)\.$/);
    expect(await big.locator('canvas').evaluate((c: any) => [c.width, c.height])).toEqual([200, 200]);
    await expect(big.locator('.axis-yticks .axis-tick').last()).toHaveText('2000');

    const ratings = figure(page, 'Ratings');
    await expectDrawn(ratings, 'Ratings');
    await expect(ratings.getByText(/^Grey: missing \(\d+ entries\)\.$/)).toBeVisible();
    await expect(ratings.locator('.axis-yticks .axis-tick').first()).toHaveText('user <1>');
    await expect(ratings.locator('.axis-xticks .axis-tick').first()).toHaveText('item A');
    await page.screenshot({ path: `${SHOTS}/plots-1280x800.png`, fullPage: true });

    // Hover names the row, the column and the value (or "missing").
    await hoverCell(page, ratings, 2, 3, 30, 20);
    const hover = ratings.locator('.plot-hover');
    await expect(hover).toHaveText(/^row 3 \(user <3>\)col 4 \(item D\)(value [\d.]+|missing)$/);
    await ratings.screenshot({ path: `${SHOTS}/plots-heatmap-hover.png` });
    // On a block-averaged heatmap it names the block's rows and columns and gives their mean.
    await hoverCell(page, big, 1, 1, 200, 200);
    await expect(big.locator('.plot-hover')).toHaveText(/^rows 11–20cols 6–10mean [\d.]+$/);
    await page.mouse.move(0, 0);
    await expect(page.locator('.plot-hover')).toHaveCount(0);

    const images = figure(page, 'W columns as 12×12 images');
    await expect(images.getByRole('img')).toHaveCount(8);
    await expect(images.getByRole('img', { name: 'component 8' })).toBeVisible();
  });

  test('saves a heatmap as a PNG picture named after its title', async ({ page }) => {
    await open(page);
    const v = figure(page, 'V (data)');
    await expectDrawn(v, 'V (data)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download V (data) as PNG' }).click()]);
    expect(download.suggestedFilename()).toBe('V-data.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 1040]); // 640×520 at scale 2
    const [lossPng] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${LOSS} as PNG` }).click()]);
    expect(lossPng.suggestedFilename()).toBe('Relative-error-per-iteration.png');
  });

  test('skips an off-screen plot while its data changes, draws it once settled and when it scrolls in', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await open(page);
    const draws = (name: string) => page.evaluate((n) => (globalThis as any).plotDrawStats()[n]?.count ?? 0, name);
    const H = 'H (components × columns)';
    await expect.poll(() => draws(H)).toBeGreaterThanOrEqual(1); // drawn once its data settled
    const [h0, wh0] = [await draws(H), await draws('WH (reconstruction)')];
    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('20');
    await expect.poll(() => draws(H)).toBe(h0 + 1); // the settled state, once
    await page.waitForTimeout(500);
    expect(await draws(H)).toBe(h0 + 1);
    expect(await draws('WH (reconstruction)')).toBeGreaterThanOrEqual(wh0 + 10); // on screen: drawn live
    await figure(page, H).scrollIntoViewIfNeeded();
    await expectDrawn(figure(page, H), H);
  });

  test('appends loss points and updates heatmaps while a run goes; a new run starts its series again', async ({ page }) => {
    await open(page);
    const loss = figure(page, LOSS);
    const wh = figure(page, 'WH (reconstruction)');
    await expectDrawn(wh, 'WH (reconstruction)');
    // A mark on what a redraw would replace: the heatmap's canvas (drawn again, never swapped).
    await wh.locator('canvas').evaluate((c: any) => c.setAttribute('data-marked', '1'));
    const pixels = () => wh.locator('canvas').evaluate((c: any) => c.toDataURL());
    const before = await pixels();
    const liveBefore = await lossPixels(loss, '#2ca02c');

    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('20');
    await expect(loss).toHaveAccessibleDescription(/mu \(live\): 20 iterations, last [\d.]+\.$/);
    await expect.poll(() => lossPixels(loss, '#2ca02c')).toBeGreaterThan(liveBefore + 50);
    await expect.poll(pixels).not.toBe(before);
    expect(await wh.locator('canvas').getAttribute('data-marked')).toBe('1');
    await expect(loss.locator('.loss-legend li')).toHaveText(['hals', 'als', 'mu (live)']);
    // Hover lists every run's error at the iteration under the mouse, and the error fell.
    const at = (text: string) => Number(/mu \(live\): ([\d.]+)/.exec(text)?.[1]);
    const first = await hoverLoss(page, loss, 0);
    const later = await hoverLoss(page, loss, 20 / 150);
    expect(later).toMatch(/^iteration \d+hals: [\d.]+als: [\d.]+mu \(live\): [\d.]+$/);
    expect(at(later)).toBeLessThan(at(first));
    await loss.screenshot({ path: `${SHOTS}/plots-loss-after-run.png` });
    await page.mouse.move(0, 0);

    await page.getByRole('button', { name: 'New run' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('0');
    await expect(loss).not.toHaveAccessibleDescription(/mu \(live\)/);
    await expect.poll(() => lossPixels(loss, '#2ca02c')).toBeLessThan(200);
    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect(loss).toHaveAccessibleDescription(/mu \(live\): 20 iterations/);
  });

  test('stacks the plots in one column on a 390×844 screen, titles clear of their buttons', async ({ page }) => {
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
    for (const title of [LOSS, ...PANEL]) {
      const t = (await figure(page, title).locator('.plot-title').boundingBox())!;
      const b = (await figure(page, title).locator('.plot-png').boundingBox())!;
      expect(t.x + t.width).toBeLessThanOrEqual(b.x);
    }
    await page.screenshot({ path: `${SHOTS}/plots-390x844-top.png` });
    await page.waitForTimeout(400); // off-screen plots draw once their data has settled
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
    await expect(section.locator('canvas')).toHaveCount(5);
    await expect(section.getByText('Each cell: mean of a 10×5 block (2000×1000 shown as 200×200).', { exact: true })).toHaveCount(3);
    await section.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(200);
    await section.screenshot({ path: `${SHOTS}/plots-big-panel.png` });
  });
});

test('in the app, the loss curve starts at iteration 0 with the initial error before Run', async ({ page }) => {
  await page.goto('./');
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^Ready · iteration 0 · relative error [\d.]+/, { timeout: 15_000 });
  const shown = Number(/relative error ([\d.]+)/.exec((await status.textContent())!)![1]);
  const loss = figure(page, LOSS);
  await expect.poll(() => lossPixels(loss, '#1f77b4')).toBeGreaterThan(10);
  const hover = await hoverLoss(page, loss, 0);
  expect(hover).toMatch(/^iteration 0HALS.*: [\d.]+$/);
  expect(Number(/: ([\d.]+)$/.exec(hover)![1])).toBeCloseTo(shown, 3);
  const xTicks = await loss.locator('.axis-xticks .axis-tick').allTextContents();
  expect(xTicks[0]).toBe('0');
  expect(xTicks[xTicks.length - 1]).toBe('10');
  await page.mouse.move(0, 0);
  await expectDrawn(figure(page, 'V (data)'), 'V (data)');
  await expectDrawn(figure(page, 'WH (reconstruction)'), 'WH (reconstruction)');
});
