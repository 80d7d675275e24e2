// Per-iteration cost of als and anls on a planted 2000×1000, rank-20 matrix, with a full mask
// and with ~15% of the entries missing, next to the cost of the two big products alone
// (WᵀV and VHᵀ, timed on the solver's own final W, H) that should dominate it.
// Run: npx tsx bench/als-anls.ts [iterations]   (default 5)
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';

const m = 2000;
const n = 1000;
const k = 20;
const iterations = Number(process.argv[2] ?? 5);

/** A planted rank-k matrix plus 1% noise; `missing` of the entries hidden (NaN). */
function planted(seed: number, missing: number): DataMatrix {
  const rng = new Rng(seed);
  const W = Float64Array.from({ length: m * k }, () => rng.next());
  const H = Float64Array.from({ length: k * n }, () => rng.next());
  const values = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += W[i * k + a] * H[a * n + j];
      values[i * n + j] = rng.next() < missing ? NaN : s * (1 + 0.01 * rng.next());
    }
  }
  return { rows: m, cols: n, values };
}

/** Mean ms per iteration of `algorithm` after one warm-up iteration, and of WᵀV + VHᵀ alone on its final W, H. */
async function timeSolver(data: DataMatrix, algorithm: AlgorithmId): Promise<{ ms: number; products: number; relError: number }> {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, data);
  const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm, rank: k, seed: 1, maxIter: iterations + 1, tol: 0 });
  f.step(); // warm-up (and the cold NNLS start)
  let t0 = performance.now();
  for (let it = 0; it < iterations; it++) f.step();
  const ms = (performance.now() - t0) / iterations;
  const K = engine.k;
  const WtV = engine.mat(k, n);
  const VHt = engine.mat(m, k);
  t0 = performance.now();
  for (let it = 0; it < iterations; it++) {
    K.gemm_tn(f.W.ptr, problem.V.ptr, WtV.ptr, m, k, n);
    K.gemm_nt(problem.V.ptr, f.H.ptr, VHt.ptr, m, n, k);
  }
  return { ms, products: (performance.now() - t0) / iterations, relError: f.relError };
}

for (const [label, missing] of [['full mask', 0], ['15% missing', 0.15]] as const) {
  const data = planted(7, missing);
  console.log(`${m}×${n}, k = ${k}, ${label}:`);
  for (const algorithm of ['als', 'anls'] as const) {
    const r = await timeSolver(data, algorithm);
    console.log(
      `  ${algorithm.padEnd(4)} ${r.ms.toFixed(1)} ms/iteration (mean of ${iterations} after 1); ` +
        `WᵀV + VHᵀ alone ${r.products.toFixed(1)} ms (${((100 * r.products) / r.ms).toFixed(0)}%); relError ${r.relError.toFixed(4)}`,
    );
  }
}
