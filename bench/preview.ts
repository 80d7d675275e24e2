// The built app served by `vite preview` for the benches that drive it in Chromium (bench/ui.ts,
// bench/rank-app.ts).
import { spawn } from 'node:child_process';

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
