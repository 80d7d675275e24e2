// Best-of timing for the benchmark. Times are this process's CPU time (user + system), not
// wall time: on a shared machine a benchmark that waits for a core would otherwise count the
// wait. A warm-up call comes first (so wasm has tiered up to V8's optimizing compiler and the
// TS loops are JIT-compiled); short calls are timed in batches of at least ~2 ms.

/** How many times and for how long to repeat a measured call. */
export interface Reps {
  /** Batches always timed after the warm-up. */
  min: number;
  /** Batches never exceeded. */
  max: number;
  /** Keep timing batches (up to max) while the total wall time stays under this many ms. */
  budgetMs: number;
}

/** Repetitions for a kernel call. */
export const KERNEL_REPS: Reps = { min: 3, max: 200, budgetMs: 250 };

/** Repetitions for a slow plain-TypeScript call. */
export const TS_REPS: Reps = { min: 2, max: 50, budgetMs: 400 };

/** CPU milliseconds used by this process so far. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The smallest CPU time in milliseconds of one call of f, over batches of calls. */
export function bestMs(f: () => void, reps: Reps = KERNEL_REPS): number {
  f();
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let b = 0; b < batch; b++) f();
    if (performance.now() - t >= 2 || batch >= 1 << 16) break;
    batch *= 2;
  }
  let best = Infinity;
  const t0 = performance.now();
  for (let r = 0; r < reps.max; r++) {
    const c = cpuMs();
    for (let b = 0; b < batch; b++) f();
    best = Math.min(best, (cpuMs() - c) / batch);
    if (r + 1 >= reps.min && performance.now() - t0 > reps.budgetMs) break;
  }
  return best;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

/** GFLOP/s of `flops` operations done in `ms` milliseconds. */
export function gflops(flops: number, ms: number): number {
  return flops / ms / 1e6;
}
