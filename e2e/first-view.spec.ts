// The first view does not wait on plotly (issue 6 §3): the page's <head> preloads plotly's partial
// bundle and links its rule sheet, the bundle runs as a classic script whose first line is V8's
// compile hint (compiled off the main thread while it streams in), and the loss plot is drawn from
// it. The timings themselves are measured by `npm run bench:ui -- --first-view-only`, not here.
import { test, expect } from './fixtures.js';

test('plotly is preloaded by the page, runs as a hinted classic script, and draws the loss plot', async ({ app, page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await app.open();
  const preload = page.locator('head link[rel=preload][as=script][href*="plotly-basic"]');
  await expect(preload).toHaveCount(1);
  await expect(page.locator('head link#plotly\\.js-style-global[rel=stylesheet]')).toHaveCount(1);
  const href = await preload.evaluate((l) => (l as unknown as { href: string }).href);

  // the loss plot's curve is drawn, by the window.Plotly that classic script defined
  await expect(page.locator('.loss .scatterlayer .trace path.js-line').first()).toBeAttached({ timeout: 30_000 });
  expect(await page.evaluate(() => typeof (globalThis as { Plotly?: { react?: unknown } }).Plotly?.react)).toBe('function');
  const scripts = await page.locator('script[src*="plotly-basic"]').evaluateAll((s) => s.map((e) => (e as unknown as { src: string }).src));
  expect(scripts).toEqual([href]);
  expect(await page.locator('script[src*="plotly-basic"]').getAttribute('type')).toBeNull(); // classic, not a module
  // one download of the bundle: the script reused the preload
  expect(fetched.filter((u) => u === href)).toHaveLength(1);

  const head = await page.evaluate(async (url) => (await (await fetch(url)).text()).slice(0, 40), href);
  expect(head.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
});
