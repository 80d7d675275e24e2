// The built app served by `vite preview` for the benches that drive it in Chromium (bench/ui.ts,
// bench/rank-app.ts, bench/sparse-app.ts, bench/quality-app.ts), and their helpers on its page.
import { spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from '@playwright/test';

/** Debian's Chromium, headless, as the benches run it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
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
