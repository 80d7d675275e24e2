// The main view fits the screen (issue 11): at 1280×800 the data, Algorithm, Rank and Run are on
// screen together and the Example menu shows whole names; only the chosen solver's parameters are
// shown; at 390 px the first controls come before the plots under one slim sticky row; the rank
// slider spans a range that suits the choice; a skip link to the results, PNG buttons after their plots.
import { test, expect, type Page } from './fixtures.js';
import type { Locator } from '@playwright/test';

/** Whether the element lies wholly inside the viewport (w × h) as the page is scrolled now. */
async function inViewport(l: Locator, w: number, h: number): Promise<boolean> {
  const b = await l.boundingBox();
  return !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= w && b.y + b.height <= h;
}

/** The width the select needs to show its longest option whole (text, padding, arrow) and the width it has. */
async function selectFit(l: Locator): Promise<{ need: number; have: number; longest: string }> {
  return l.evaluate((el) => {
    const sel = el as unknown as {
      options: ArrayLike<{ text: string }>;
      clientWidth: number;
      ownerDocument: { createElement(t: string): { getContext(k: string): { font: string; measureText(s: string): { width: number } } } };
    };
    const cs = (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el);
    const ctx = sel.ownerDocument.createElement('canvas').getContext('2d');
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    let need = 0;
    let longest = '';
    for (const o of Array.from(sel.options)) {
      const w = ctx.measureText(o.text).width;
      if (w > need) [need, longest] = [w, o.text];
    }
    // the drop-down arrow takes about 20 px beside the padding
    return { need: need + Number.parseFloat(cs.paddingLeft) + Number.parseFloat(cs.paddingRight) + 20, have: sel.clientWidth, longest };
  });
}

/** The height of the nearest sticky ancestor of `l` (or of `l` itself), null when none is sticky. */
async function stickyHeight(l: Locator): Promise<number | null> {
  return l.evaluate((el) => {
    const g = globalThis as unknown as { getComputedStyle(e: unknown): { position: string } };
    type El = { parentElement: El | null; getBoundingClientRect(): { height: number } };
    for (let e: El | null = el as unknown as El; e; e = e.parentElement)
      if (g.getComputedStyle(e).position === 'sticky') return e.getBoundingClientRect().height;
    return null;
  });
}

/** The accessible name (aria-label or text) of the focused element. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = (
      globalThis as unknown as {
        document: { activeElement: { getAttribute(n: string): string | null; textContent: string | null } | null };
      }
    ).document.activeElement;
    return a?.getAttribute('aria-label') ?? a?.textContent?.trim() ?? '';
  });
}

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('data, Algorithm, Rank and Run are visible together without scrolling; the Example menu shows whole names', async ({
    app,
    page,
  }) => {
    await app.open();
    for (const l of [
      app.field('Example'),
      app.field('Algorithm'),
      app.rankBox(),
      page.getByRole('slider', { name: 'Rank' }),
      app.button('Run'),
    ])
      expect(await inViewport(l, 1280, 800), `${l} on screen`).toBe(true);
    await expect(app.summary).toBeInViewport({ ratio: 1 });
    const fit = await selectFit(app.field('Example'));
    expect(fit.longest).toBe('Low-rank synthetic 60×40 (planted rank 4)');
    expect(fit.need, `the Example menu is ${fit.have} px wide for "${fit.longest}"`).toBeLessThanOrEqual(fit.have);
    await app.screenshot('fit-open-1280');
  });

  test('only the chosen solver’s parameters are shown, with one line saying the others do not apply', async ({ app, page }) => {
    await app.open();
    const fields = ['ε (epsilon)', 'Learning rate η', 'L2 penalty λ', 'Project onto W, H ≥ 0', 'Extrapolate between steps'];
    const shown = async () => {
      const out: string[] = [];
      for (const f of fields) if ((await page.getByLabel(f, { exact: true }).count()) > 0) out.push(f);
      return out;
    };
    await app.chooseAlgorithm('Multiplicative (Frobenius)');
    await expect.poll(shown).toEqual(['ε (epsilon)']);
    await expect(
      page.getByText(
        'Learning rate η, L2 penalty λ, Project onto W, H ≥ 0 and Extrapolate between steps do not apply to Multiplicative (Frobenius).',
      ),
    ).toBeVisible();
    await app.chooseAlgorithm('Gradient descent');
    await expect.poll(shown).toEqual(['Learning rate η', 'L2 penalty λ', 'Project onto W, H ≥ 0']);
    await expect(page.getByText('ε (epsilon) and Extrapolate between steps do not apply to Gradient descent.')).toBeVisible();
    await app.chooseAlgorithm('Alternating NNLS');
    await expect.poll(shown).toEqual(['Extrapolate between steps']);
    await expect(page.getByLabel('Extrapolate between steps', { exact: true })).toBeChecked();
    await app.chooseAlgorithm('HALS (coordinate descent)');
    await expect.poll(shown).toEqual([]);
    await expect(
      page.getByText(
        'HALS (coordinate descent) has no parameters of its own: ε (epsilon), Learning rate η, L2 penalty λ, Project onto W, H ≥ 0 and Extrapolate between steps do not apply.',
      ),
    ).toBeVisible();
    await expect(page.getByText(/Disabled: not used by/)).toHaveCount(0);
  });

  test('the rank slider spans a range that suits the choice; the box takes larger ranks', async ({ app, page }) => {
    await app.open();
    await app.field('Example').selectOption({ label: 'Swimmer 1024×256 (images)' });
    await expect(app.summary).toContainText('1024×256');
    await expect(app.rankBox()).toHaveValue('17');
    const slider = page.getByRole('slider', { name: 'Rank' });
    // min(m, n) = 256, but the slider ends at 50: one step of it is one rank
    await expect(slider).toHaveAttribute('max', '50');
    await expect(
      page.getByText('k from 1 to 256 (min of rows and columns); the slider goes to 50, type a larger k in the box.'),
    ).toBeVisible();
    await app.setNumber(app.rankBox(), 120);
    await expect(app.rankBox()).toHaveValue('120');
    await expect(slider).toHaveValue('120');
    await expect(slider).toHaveAttribute('max', '240');
    await app.waitFor('Ready');
  });

  test('a skip link to the results comes first in the tab order; PNG buttons come after their plots', async ({ app, page }) => {
    await app.open();
    // a heatmap's PNG button is disabled (so out of the tab order) until its first drawing, which an
    // off-screen plot makes once its data settles: wait for every one to be enabled (a loaded machine draws late)
    for (const title of ['V (data)', 'WH (reconstruction)', 'V − WH (residual)', 'W (rows × components)', 'H (components × columns)'])
      await expect(page.getByRole('button', { name: `Download ${title} as PNG` })).toBeEnabled({ timeout: 30_000 });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to results' });
    await expect(skip).toBeFocused();
    expect(await inViewport(skip, 1280, 800), 'the skip link shows when focused').toBe(true);
    const box = await skip.boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Results' })).toBeInViewport();
    // from the results, Tab reaches the heatmaps' PNG buttons in the order of their plots, each below its plot
    const names: string[] = [];
    for (let i = 0; i < 14 && names.length < 6; i++) {
      await page.keyboard.press('Tab');
      const name = await focusedName(page);
      if (name.startsWith('Download ')) names.push(name);
    }
    expect(names).toEqual([
      // the loss plot's own (plotly's modebar, after the plot's drawing in the page)
      'Download Relative error per iteration as PNG',
      'Download V (data) as PNG',
      'Download WH (reconstruction) as PNG',
      'Download V − WH (residual) as PNG',
      'Download W (rows × components) as PNG',
      'Download H (components × columns) as PNG',
    ]);
    for (const title of ['V (data)', 'H (components × columns)']) {
      const figure = page.getByRole('figure', { name: title, exact: true });
      const plot = (await figure.locator('canvas').first().boundingBox())!;
      const png = (await figure.getByRole('button', { name: `Download ${title} as PNG` }).boundingBox())!;
      expect(png.y, `${title}: the PNG button is under the plot`).toBeGreaterThanOrEqual(plot.y + plot.height);
    }
  });
});

test.describe('small matrices and images at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the tutorial 5×6 reads as V ≈ W·H: numbers in the cells, W left of WH, H above it, V beside it', async ({ app, page }) => {
    await app.open();
    await app.field('Example').selectOption({ label: 'Tutorial 5×6' });
    await expect(app.summary).toContainText('5×6, 30 observed');
    await expect(app.rankBox()).toHaveValue('3');
    await app.waitFor('Ready');
    const fig = (title: string) => page.getByRole('figure', { name: title, exact: true });
    const V = fig('V (data)');
    // the tutorial's first row, 0.2572934 0.7850774 0.1964726 0.89460898 0.5124385 0.6538741, in 2 digits
    const cells = V.locator('.heatmap-numbers span');
    await expect(cells).toHaveCount(30);
    expect((await cells.allTextContents()).slice(0, 6)).toEqual(['0.26', '0.79', '0.2', '0.89', '0.51', '0.65']);
    await expect(V.getByText('0.89', { exact: true })).toBeVisible();
    await expect(fig('WH (reconstruction)').locator('.heatmap-numbers span')).toHaveCount(30);
    await expect(fig('W (rows × components)').locator('.heatmap-numbers span')).toHaveCount(15);
    await expect(fig('H (components × columns)').locator('.heatmap-numbers span')).toHaveCount(18);
    await app.steps(1);
    await app.screenshot('fit-tutorial-1280');
    const area = async (title: string) => (await fig(title).locator('canvas').boundingBox())!;
    const [v, wh, w, h] = [
      await area('V (data)'),
      await area('WH (reconstruction)'),
      await area('W (rows × components)'),
      await area('H (components × columns)'),
    ];
    expect(w.x + w.width, 'W left of WH').toBeLessThanOrEqual(wh.x);
    expect(Math.abs(w.y - wh.y), 'W and WH on the same rows').toBeLessThan(3);
    expect(Math.abs(w.height - wh.height), 'W as tall as WH').toBeLessThan(3);
    expect(h.y + h.height, 'H above WH').toBeLessThanOrEqual(wh.y);
    expect(Math.abs(h.x + h.width / 2 - (wh.x + wh.width / 2)), 'H over WH').toBeLessThan(wh.width / 4);
    expect(v.x, 'V beside WH').toBeGreaterThanOrEqual(wh.x + wh.width);
    expect(Math.abs(v.y - wh.y), 'V level with WH').toBeLessThan(3);
  });

  test('the swimmer shows a few columns of V and the same columns of WH as images', async ({ app, page }) => {
    await app.open();
    await app.field('Example').selectOption({ label: 'Swimmer 1024×256 (images)' });
    await expect(app.summary).toContainText('1024×256', { timeout: 30_000 });
    await expect(app.rankBox()).toHaveValue('17');
    await app.waitFor('Ready');
    const V = page.getByRole('figure', { name: 'Columns of V as images' });
    const WH = page.getByRole('figure', { name: 'The same columns of WH' });
    const names = ['column 1', 'column 52', 'column 103', 'column 154', 'column 205', 'column 256'];
    for (const name of names) {
      await expect(V.getByRole('img', { name, exact: true })).toBeVisible();
      await expect(WH.getByRole('img', { name, exact: true })).toBeVisible();
    }
    // V's images are stick figures: dark pixels on white; WH's fill in as the run goes
    const dark = (l: Locator) =>
      l.evaluate((el) => {
        const c = el as unknown as {
          width: number;
          height: number;
          getContext(k: string): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
        };
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let t = 0; t < px.length; t += 4) if (px[t] < 128) n++;
        return n;
      });
    await expect.poll(() => dark(V.getByRole('img', { name: 'column 52', exact: true }))).toBeGreaterThan(20);
    await app.setSpeed('As fast as possible');
    await app.setNumber('Max iterations', 30);
    await app.waitFor('Ready');
    await app.button('Run').click();
    await app.waitFor('Stopped', 60_000);
    await expect.poll(() => dark(WH.getByRole('img', { name: 'column 52', exact: true }))).toBeGreaterThan(20);
    await V.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/fit-swimmer-columns-1280.png' });
  });
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('data, algorithm, rank and Run come before the plots; the sticky part is one slim row', async ({ app, page }) => {
    await app.open();
    const loss = page.getByRole('figure', { name: 'Relative error per iteration' });
    const plotsTop = (await loss.boundingBox())!.y;
    for (const l of [app.field('Example'), app.field('Algorithm'), app.rankBox(), app.button('Run')]) {
      const b = (await l.boundingBox())!;
      expect(b.y + b.height, `${l} above the plots`).toBeLessThanOrEqual(plotsTop);
    }
    await app.screenshot('fit-open-390');
    const sticky = await stickyHeight(app.button('Run'));
    expect(sticky, 'Run is in a sticky row').not.toBeNull();
    expect(sticky!).toBeLessThanOrEqual(56);
    // scrolled down to the plots, Run, Pause, Step and Reset are still on screen
    await page.getByRole('figure', { name: 'V − WH (residual)' }).scrollIntoViewIfNeeded();
    for (const name of ['Run', 'Pause', 'Step', 'Reset'])
      expect(await inViewport(app.button(name), 390, 844), `${name} on screen`).toBe(true);
    await page.screenshot({ path: 'e2e/screenshots/fit-scrolled-390.png' });
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return d.documentElement.scrollWidth - d.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
