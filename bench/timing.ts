// Best-of timing for the benchmark: a warm-up call (so wasm has tiered up to its optimizing
// compiler and the TS loops are JIT-compiled), then repetitions until a time budget is spent.

/** How many times and for how long to repeat a measured call. */
export interface Reps {
  /** Calls always made after the warm-up. */
  min: number;
  /** Calls never exceeded. */
  max: number;
  /** Keep repeating (up to max) while the total stays under this many milliseconds. */
  budgetMs: number;
}

/** Repetitions for a kernel call. */
export const KERNEL_REPS: Reps = { min: 3, max: 200, budgetMs: 250 };

/** Repetitions for a slow plain-TypeScript call. */
export const TS_REPS: Reps = { min: 2, max: 50, budgetMs: 400 };

/** The smallest wall time in milliseconds of one call of f, over the repetitions. */
export function bestMs(f: () => void, reps: Reps = KERNEL_REPS): number {
  f();
  let best = Infinity;
  const t0 = performance.now();
  for (let r = 0; r < reps.max; r++) {
    const t = performance.now();
    f();
    const dt = performance.now() - t;
    if (dt < best) best = dt;
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
