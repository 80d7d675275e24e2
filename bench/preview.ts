// The built app served by `vite preview` for the benches that drive it in Chromium (bench/ui.ts,
// bench/rank-app.ts, bench/sparse-app.ts, bench/quality-app.ts), and their helpers on its page.
import { spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from '@playwright/test';

/**
 * Chromium's own start-up work that a fresh browser does beside the first page: Chromium 156
 * preloads its omnibox popup (a WebUI page of ~300 modules, in a renderer of its own) at launch.
 * The benches launch a browser per page load, so without this they time the browser's start-up
 * with the page on two cores (README, first view: 1.73–1.87 s with it, 1.10–1.21 s without).
 */
export const NO_BROWSER_UI_PRELOAD =
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup';

/** Debian's Chromium, headless, as the benches run it (`browserPreload`: keep Chromium's own start-up preloads). */
export function launchChromium(browserPreload = false): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...(browserPreload ? [] : [NO_BROWSER_UI_PRELOAD])],
  });
}

/** Types `value` into the number field labelled `label` and commits it with Enter. */
export async function setNumber(page: Page, label: string, value: number): Promise<void> {
  const f = page.getByLabel(label, { exact: true });
  await f.fill(String(value));
  await f.press('Enter');
}

/** Starts `vite preview` on `port` and resolves when it answers. */
export async function preview(port: number, dist: string): Promise<() => void> {
  const child = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', dist],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return () => child.kill();
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not start on ${url}`);
}
