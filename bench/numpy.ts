// numpy's single-thread GFLOP/s for the same products, measured in the same run by
// bench/numpy_products.py; null (with the reason) when python3 or numpy is missing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** GFLOP/s per product name (WtV, VHt, WH, WtW_H, W_HHt, WtW, HHt) per shape key "m×n×k". */
export interface NumpyResult {
  numpy: string;
  python: string;
  blas: string;
  results: Record<string, Record<string, number>>;
}

/** Runs the python script for the shapes; returns its numbers or the reason they are missing. */
export function measureNumpy(shapes: readonly (readonly [number, number, number])[]): NumpyResult | { missing: string } {
  const script = fileURLToPath(new URL('./numpy_products.py', import.meta.url));
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const r = spawnSync('python3', [script, JSON.stringify(shapes)], { env, encoding: 'utf8', timeout: 600_000 });
  if (r.error) return { missing: `python3 not runnable (${r.error.message})` };
  if (r.status !== 0) {
    const last = (r.stderr || '').trim().split('\n').at(-1) ?? '';
    return { missing: `python3 ${script} failed: ${last}` };
  }
  try {
    return JSON.parse(r.stdout) as NumpyResult;
  } catch {
    return { missing: 'numpy script printed no JSON' };
  }
}

/** Key of a shape in NumpyResult.results. */
export function shapeKey(m: number, n: number, k: number): string {
  return `${m}x${n}x${k}`;
}
