// The plots (web/plots) on their demo page (e2e/plots-demo, its own server) with seeded data, in Chromium:
// every plot drawn and labelled (heatmap canvases hold more than one colour, colour bars and ticks
// are labelled; plotly's loss plot has a line per run in its colour, a start dot per run, a log axis
// and axis titles in its SVG), notes for block averaging and missing entries, hover, PNG download
// (the loss plot's through its modebar button), live updates, off-screen plots drawn when they scroll
// in, a phone-width layout with nothing over a title, no console errors and no request leaving the
// origin. And in the app: the loss curve starts at iteration 0 before Run.
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_URL } from './ports.js';

const DEMO = DEMO_URL;
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
  await expect.poll(() => lossLine(figure(page, LOSS), 0), { timeout: 30_000 }).toBeGreaterThan(50);
}

/** Length of the SVG path of line `trace` of the loss plot (0 when it has none): how much of that run is drawn. */
function lossLine(plot: Locator, trace: number): Promise<number> {
  return plot
    .locator('.scatterlayer .trace')
    .evaluateAll((traces: any[], i: number) => traces[i]?.querySelector('path.js-line')?.getAttribute('d')?.length ?? 0, trace);
}

/** Colours of the start dots of the loss plot (one per run that has a first point). */
function startDots(plot: Locator): Promise<string[]> {
  return plot.locator('.scatterlayer .trace path.point').evaluateAll((dots: any[]) => dots.map((d) => d.style.fill));
}

/**
 * Hovers the loss plot (an x axis from 0 to xMax) over iteration `it`, at half its height; waits
 * for plotly's hover to name that iteration and returns its text, line by line.
 */
async function hoverLoss(page: Page, plot: Locator, it: number, xMax: number): Promise<string[]> {
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.locator('.nsewdrag').boundingBox())!;
  const x = Math.min(Math.max(box.x + (box.width * it) / xMax, box.x + 1), box.x + box.width - 1);
  await page.mouse.move(x, box.y + box.height / 2);
  await expect(plot.locator('.hoverlayer text').first()).toHaveText(`iteration ${it}`);
  return plot.locator('.hoverlayer text').allTextContents();
}

/** Whether two boxes overlap. */
function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
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
  test.use({ baseURL: DEMO_URL });
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
    await expect(loss.locator('.xtitle')).toHaveText('Iteration');
    await expect(loss.locator('.ytitle')).toHaveText('Relative error ‖V−WH‖/‖V‖');
    await expect(loss.locator('.legendtext')).toHaveText(['hals', 'als', 'mu (live)']);
    // A log axis: 1, 2, 5 per decade; the iteration axis from 0.
    const yTicks = await loss.locator('.ytick text').allTextContents();
    expect(yTicks).toEqual(expect.arrayContaining(['0.05', '0.1', '0.2', '0.5']));
    await expect(loss.locator('.xtick text').first()).toHaveText('0');
    // A line for each finished run; the live run has no iteration yet, but a dot at iteration 0, in its colour.
    for (const trace of [0, 1]) expect(await lossLine(loss, trace)).toBeGreaterThan(200);
    expect(await lossLine(loss, 2)).toBeLessThan(20);
    expect(await startDots(loss)).toEqual(['rgb(31, 119, 180)', 'rgb(255, 127, 14)', 'rgb(44, 160, 44)']);
    // Hover names the iteration and only the runs that have a value there.
    expect(await hoverLoss(page, loss, 0, 150)).toEqual(['iteration 0', expect.stringMatching(/^mu \(live\) : 0\.\d+$/)]);
    expect(await hoverLoss(page, loss, 75, 150)).toEqual([
      'iteration 75',
      expect.stringMatching(/^hals : 0\.\d+$/),
      expect.stringMatching(/^als : 0\.\d+$/),
    ]);
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
    await expect(
      figure(page, 'WH (reconstruction)').getByText(/^At the \d+ missing entries of V, WH shows the predicted values\.$/),
    ).toBeVisible();

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
    await expect(big).toHaveAccessibleDescription(
      /^Big V: 2000×1000, values .*; each cell: mean of a 10×5 block \(2000×1000 shown as 200×200\)\.$/,
    );
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
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download V (data) as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('V-data.png');
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 1040]); // 640×520 at scale 2
    // The loss plot's button is in plotly's modebar; the picture has the title above the plot.
    const lossButton = figure(page, LOSS).getByRole('button', { name: `Download ${LOSS} as PNG` });
    await expect(lossButton).toHaveClass(/modebar-btn/);
    const [lossPng] = await Promise.all([page.waitForEvent('download'), lossButton.click()]);
    expect(lossPng.suggestedFilename()).toBe('Relative-error-per-iteration.png');
    const lossFile = readFileSync((await lossPng.path())!);
    expect(lossFile.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([lossFile.readUInt32BE(16), lossFile.readUInt32BE(20)]).toEqual([1440, 800]); // 720×400 at scale 2
    await lossPng.saveAs(`${SHOTS}/plots-loss-download.png`);
    await expect(figure(page, LOSS).locator('.plot-failed, .plot-note')).toHaveCount(0);
  });

  test('skips an off-screen plot while its data changes, draws it once settled and when it scrolls in', async ({ page }) => {
    // The page's clock is Playwright's: it runs normally while the page loads, then stands still,
    // and the test moves it one animation frame at a time. So the run's 20 iterations come 16 ms
    // apart however busy the machine is, and "settled" (SETTLE_MS = 250 ms without a change) is a
    // time the test chooses, never one it hopes for.
    await page.clock.install();
    await page.setViewportSize({ width: 1280, height: 600 });
    await open(page);
    const draws = (name: string) => page.evaluate((n) => (globalThis as any).plotDrawStats()[n]?.count ?? 0, name);
    const H = 'H (components × columns)';
    const WH = 'WH (reconstruction)';
    await expect.poll(() => draws(H)).toBeGreaterThanOrEqual(1); // drawn once its data settled
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    await page.clock.runFor(100); // whatever was queued before the pause is drawn now
    const [h0, wh0] = [await draws(H), await draws(WH)];
    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    const live = page.getByLabel('live iterations');
    for (let i = 1; i <= 20; i++) {
      await page.clock.runFor(16); // one frame: the demo's next iteration, and the draws queued by the last one
      await expect(live).toHaveText(String(i));
    }
    await page.clock.runFor(32); // the frames that draw the last iteration on screen
    expect(await draws(H)).toBe(h0); // off screen while its data changed: not drawn
    expect(await draws(WH)).toBeGreaterThanOrEqual(wh0 + 5); // on screen: drawn while the run went
    await page.clock.runFor(300); // the data has now been still for longer than SETTLE_MS
    await expect.poll(() => draws(H)).toBe(h0 + 1); // the settled state, once
    await page.clock.runFor(1000);
    expect(await draws(H)).toBe(h0 + 1);
    await figure(page, H).scrollIntoViewIfNeeded();
    await page.clock.resume();
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
    const liveBefore = await lossLine(loss, 2);

    await page.getByRole('button', { name: 'Run 20 iterations' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('20');
    await expect(loss).toHaveAccessibleDescription(/mu \(live\): 20 iterations, last [\d.]+\.$/);
    await expect.poll(() => lossLine(loss, 2)).toBeGreaterThan(liveBefore + 100);
    await expect.poll(pixels).not.toBe(before);
    expect(await wh.locator('canvas').getAttribute('data-marked')).toBe('1');
    await expect(loss.locator('.legendtext')).toHaveText(['hals', 'als', 'mu (live)']);
    // Hover lists every run's error at the iteration under the mouse, and the error fell.
    const at = (lines: string[]) => Number(/^mu \(live\) : ([\d.]+)$/.exec(lines.find((l) => l.startsWith('mu')) ?? '')?.[1]);
    const first = await hoverLoss(page, loss, 0, 150);
    const later = await hoverLoss(page, loss, 20, 150);
    expect(later).toEqual([
      'iteration 20',
      expect.stringMatching(/^hals : [\d.]+$/),
      expect.stringMatching(/^als : [\d.]+$/),
      expect.stringMatching(/^mu \(live\) : [\d.]+$/),
    ]);
    expect(at(later)).toBeLessThan(at(first));
    await loss.screenshot({ path: `${SHOTS}/plots-loss-after-run.png` });
    await page.mouse.move(0, 0);

    await page.getByRole('button', { name: 'New run' }).click();
    await expect(page.getByLabel('live iterations')).toHaveText('0');
    await expect(loss).not.toHaveAccessibleDescription(/mu \(live\)/);
    await expect.poll(() => lossLine(loss, 2)).toBeLessThan(20);
    expect(await startDots(loss)).toHaveLength(3);
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
    for (const title of PANEL) {
      const t = (await figure(page, title).locator('.plot-title').boundingBox())!;
      const b = (await figure(page, title).locator('.plot-png').boundingBox())!;
      expect(overlap(t, b)).toBe(false); // the PNG button is under the plot (after it in the tab order)
    }
    // The loss plot: its modebar (the PNG button) clear of the title and of the legend, all inside the screen.
    const loss = figure(page, LOSS);
    const title = (await loss.locator('.plot-title').boundingBox())!;
    const modebar = (await loss.locator('.modebar').boundingBox())!;
    const legend = (await loss.locator('.legend').boundingBox())!;
    expect(overlap(title, modebar)).toBe(false);
    expect(overlap(title, legend)).toBe(false);
    expect(overlap(legend, modebar)).toBe(false);
    expect(modebar.x + modebar.width).toBeLessThanOrEqual(390);
    await expect(loss.locator('.xtitle')).toBeInViewport();
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
    // the plots of a factor panel no longer repeat the block size under each one (the app's panel says it
    // once per figure: e2e/big.spec.ts); each keeps it in its accessible description
    await expect(section.getByText('Each cell: mean of a 10×5 block (2000×1000 shown as 200×200).', { exact: true })).toHaveCount(0);
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
  await expect.poll(() => startDots(loss)).toEqual(['rgb(31, 119, 180)']);
  const hover = await hoverLoss(page, loss, 0, 10);
  expect(hover).toEqual(['iteration 0', expect.stringMatching(/^Alternating NNLS : [\d.]+$/)]);
  expect(Number(/: ([\d.]+)$/.exec(hover[1])![1])).toBeCloseTo(shown, 3);
  const xTicks = await loss.locator('.xtick text').allTextContents();
  expect(xTicks[0]).toBe('0');
  expect(xTicks[xTicks.length - 1]).toBe('10');
  await page.mouse.move(0, 0);
  await expectDrawn(figure(page, 'V (data)'), 'V (data)');
  await expectDrawn(figure(page, 'WH (reconstruction)'), 'WH (reconstruction)');
});
