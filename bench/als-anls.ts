// Per-iteration cost of als and anls on a planted 2000×1000, rank-20 matrix, with a full mask
// and with ~15% of the entries missing, split by kernel: every wasm call of the iteration
// (solver and driver) is timed, so the share of the two big products WᵀV and VHᵀ is measured
// within the same iterations as the total (the machine's load then affects both alike).
// Prints the fastest and the median of `iterations` iterations.
// Run: npx tsx bench/als-anls.ts [iterations] (default 7)
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { Engine } from '../src/wasm/engine.js';
import type { Kernels } from '../src/wasm/kernels.js';
import { loadKernelsNode } from '../src/wasm/node.js';

const m = 2000;
const n = 1000;
const k = 20;
const iterations = Number(process.argv[2] ?? 7);

/** Kernel groups reported; anything else counts as "other". */
const GROUPS: Record<string, string> = {
  gemm_tn: 'WᵀV + VHᵀ',
  gemm_nt: 'WᵀV + VHᵀ',
  chol_factor: 'k×k solves',
  chol_solve: 'k×k solves',
  nnls_batch: 'k×k solves',
  masked_ls: 'masked Grams + solves',
  transpose: 'masked Grams + solves',
  gram_tn: 'WᵀW, HHᵀ',
  gram_nt: 'WᵀW, HHᵀ',
  dot: 'residual',
  sq_residual: 'residual',
  has_nonfinite: 'driver checks',
};

/** A planted rank-k matrix plus 1% noise; `missing` of the entries hidden (NaN) (src/data/generate.ts planted). */
function plantedData(seed: number, missing: number): DataMatrix {
  return planted({ rows: m, cols: n, rank: k, seed, noise: 0.01, missing }).data;
}

/** The kernels with every function call's duration added to spent[group]. */
function timedKernels(kernels: Kernels, spent: Map<string, number>): Kernels {
  const wrapped: Record<string, unknown> = { memory: kernels.memory };
  // The raw bindings put the wasm exports on the prototype: walk the chain.
  const names = new Set<string>();
  for (let o: object | null = kernels; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.keys(o)) names.add(name);
  }
  for (const name of names) {
    const value = (kernels as unknown as Record<string, unknown>)[name];
    if (typeof value !== 'function') continue;
    const group = GROUPS[name] ?? 'other';
    wrapped[name] = (...args: number[]) => {
      const t0 = performance.now();
      const r = (value as (...a: number[]) => number)(...args);
      spent.set(group, (spent.get(group) ?? 0) + performance.now() - t0);
      return r;
    };
  }
  return wrapped as unknown as Kernels;
}

async function run(data: DataMatrix, algorithm: AlgorithmId): Promise<void> {
  const spent = new Map<string, number>();
  const engine = new Engine(timedKernels(await loadKernelsNode(), spent));
  const problem = loadProblem(engine, data);
  const f = new Factorization(engine, problem, { ...DEFAULT_OPTIONS, algorithm, rank: k, seed: 1, maxIter: iterations + 1, tol: 0 });
  f.step(); // warm-up (and the cold NNLS start)
  const totals: number[] = [];
  const shares = new Map<string, number[]>();
  for (let it = 0; it < iterations; it++) {
    spent.clear();
    const t0 = performance.now();
    f.step();
    const total = performance.now() - t0;
    totals.push(total);
    for (const [g, t] of spent) shares.set(g, [...(shares.get(g) ?? []), t / total]);
  }
  const sorted = totals.slice().sort((a, b) => a - b);
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const split = [...shares]
    .sort((a, b) => median(b[1]) - median(a[1]))
    .map(([g, s]) => `${g} ${(100 * median(s)).toFixed(0)}%`)
    .join(', ');
  console.log(
    `  ${algorithm.padEnd(4)} ${sorted[0].toFixed(1)} ms/iteration (median ${median(totals).toFixed(1)}); relError ${f.relError.toFixed(4)}`,
  );
  console.log(`       median share: ${split}`);
}

for (const [label, missing] of [
  ['full mask', 0],
  ['15% missing', 0.15],
] as const) {
  const data = plantedData(7, missing);
  console.log(`${m}×${n}, k = ${k}, ${label}:`);
  for (const algorithm of ['als', 'anls'] as const) await run(data, algorithm);
}
