// The sparse kernels (assembly/sparse.ts) against their plain-TypeScript versions and against
// dense products of the same matrix, at ranks on and off the SIMD width.
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../src/core/rng.js';
import { loadSparseProblem } from '../src/core/sparse-problem.js';
import type { SparseData } from '../src/core/sparse.js';
import { sparse_sample, sparse_times } from '../src/kernels-ts/sparse.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** A seeded m×n sparse matrix with about `density`·m·n entries, at least one per row. */
function randomSparse(m: number, n: number, density: number, seed: number): SparseData {
  const rng = new Rng(seed, 0);
  const rowPtr = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (rng.next() < density || j === i % n) {
        cols.push(j);
        vals.push(rng.next());
      }
    }
    rowPtr[i + 1] = cols.length;
  }
  return { rows: m, cols: n, nnz: cols.length, rowPtr, colIdx: Int32Array.from(cols), values: Float64Array.from(vals) };
}

function close(a: Float64Array, b: Float64Array) {
  expect(a.length).toBe(b.length);
  for (let t = 0; t < a.length; t++) expect(Math.abs(a[t] - b[t])).toBeLessThan(1e-12 * (1 + Math.abs(b[t])));
}

describe('sparse kernels', () => {
  it.each([1, 2, 3, 7, 8, 13, 20, 31])('k = %i: S·B and WH at the entries, by rows and by columns, match the plain loops', (k) => {
    engine.reset();
    const s = randomSparse(23, 17, 0.2, k);
    const p = loadSparseProblem(engine, s);
    const rng = new Rng(99, k);
    const W = engine.matFrom(
      23,
      k,
      Array.from({ length: 23 * k }, () => rng.next()),
    );
    const Ht = engine.matFrom(
      17,
      k,
      Array.from({ length: 17 * k }, () => rng.next()),
    );
    const out = engine.mat(23, k);
    const outT = engine.mat(17, k);
    const P = engine.mat(1, s.nnz);
    const Pc = engine.mat(1, s.nnz);
    const view = (ptr: number, len: number) => engine.viewI32(ptr, len).slice();
    const rowPtr = view(p.rows.ptr, 24);
    const rowIdx = view(p.rows.idx, s.nnz);
    const colPtr = view(p.cols.ptr, 18);
    const colIdx = view(p.cols.idx, s.nnz);
    const colVals = new Float64Array(engine.kernels.memory.buffer, p.cols.vals, s.nnz).slice();

    engine.ops.sparseTimes(p.rows, null, Ht, out);
    const want = new Float64Array(23 * k);
    sparse_times(rowPtr, rowIdx, s.values, engine.view(Ht), k, want);
    close(engine.view(out), want);

    engine.ops.sparseTimes(p.cols, null, W, outT);
    const wantT = new Float64Array(17 * k);
    sparse_times(colPtr, colIdx, colVals, engine.view(W), k, wantT);
    close(engine.view(outT), wantT);

    engine.ops.sparseSample(p.rows, W, Ht, P);
    const wantP = new Float64Array(s.nnz);
    sparse_sample(rowPtr, rowIdx, engine.view(W), engine.view(Ht), k, wantP);
    close(engine.view(P), wantP);

    // by columns, then gathered back: the same WH values in the other order
    engine.ops.sparseSample(p.cols, Ht, W, Pc);
    const perm = view(p.perm, s.nnz);
    const pc = engine.view(Pc);
    for (let q = 0; q < s.nnz; q++) expect(Math.abs(pc[q] - wantP[perm[q]])).toBeLessThan(1e-12);

    let sq = 0;
    for (let t = 0; t < s.nnz; t++) sq += (s.values[t] - wantP[t]) ** 2;
    expect(engine.ops.sparseSqResidual(p.rows, P)).toBeCloseTo(sq, 10);
    expect(engine.ops.sparseSqResidualOf(p.rows, W, Ht)).toBeCloseTo(sq, 10);

    // mu's fused pass: VHᵀ and (M∘WH)Hᵀ at once
    const num = engine.mat(23, k);
    const den = engine.mat(23, k);
    const scratch = engine.mat(1, s.nnz);
    engine.ops.sparseMuPass(p.rows, W, Ht, num, den, scratch);
    close(engine.view(num), want);
    close(engine.view(scratch), wantP);
    const wantDen = new Float64Array(23 * k);
    sparse_times(rowPtr, rowIdx, wantP, engine.view(Ht), k, wantDen);
    close(engine.view(den), wantDen);
  });

  it('checks shapes before touching memory', () => {
    engine.reset();
    const p = loadSparseProblem(engine, randomSparse(5, 4, 0.5, 1));
    expect(() => engine.ops.sparseTimes(p.rows, null, engine.mat(4, 2), engine.mat(4, 2))).toThrow('sparseTimes: out = S·B needs');
  });
});
