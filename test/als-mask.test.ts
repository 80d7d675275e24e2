// The mask's index lists (src/solvers/als-mask.ts): which rows build each column's Gram and
// which columns build each row's, summed (mode 0) or subtracted from the full Gram (mode 1);
// and the wasm kernel that forms a Gram from them (assembly/linalg-masked-ls.ts).
import { expect, it } from 'vitest';
import { columnLists, rowLists, type MaskLists } from '../src/solvers/als-mask.js';
import { createEngineNode } from '../src/wasm/node.js';
import type { Engine } from '../src/wasm/engine.js';
import { Rng } from '../src/core/rng.js';
import { gramOf, scaledDiff, uniform } from './helpers/linalg.js';

function read(engine: Engine, l: MaskLists) {
  const ptr = Array.from(engine.viewI32(l.ptr, l.count + 1));
  const idx = Array.from(engine.viewI32(l.idx, l.total));
  return {
    mode: Array.from(engine.viewI32(l.mode, l.count)),
    lists: Array.from({ length: l.count }, (_, j) => idx.slice(ptr[j], ptr[j + 1])),
  };
}

it('lists the fewer of the observed and the missing entries of each column and row', async () => {
  const engine = await createEngineNode();
  // 4×3 mask: column 0 fully observed, column 1 has one missing row (2), column 2 observes only row 3.
  const M = engine.matFrom(4, 3, [1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1]);
  const cols = columnLists(engine, M);
  expect(read(engine, cols)).toEqual({ mode: [1, 1, 0], lists: [[], [2], [3]] });
  expect(cols.total).toBe(2);
  const rows = rowLists(engine, M);
  // Rows 0, 1 observe 2 of 3 (subtract the missing column 2); row 2 observes 1 (sum it); row 3 all.
  expect(read(engine, rows)).toEqual({ mode: [1, 1, 0, 1], lists: [[2], [2], [0], []] });
});

it('masked_gram forms Base − Σ f fᵀ (mode 1) or Σ f fᵀ (mode 0) over the listed rows, for k = 1..6 and 0..5 rows', async () => {
  const engine = await createEngineNode();
  const rng = new Rng(31);
  for (let k = 1; k <= 6; k++) {
    for (let r = 0; r <= 5; r++) {
      for (const subtract of [0, 1]) {
        const rows = 7;
        const F = uniform(rng, rows, k, -1, 1);
        const list = Array.from({ length: r }, () => rng.int(rows));
        const Base = gramOf(uniform(rng, 9, k), 9, k);
        const want = subtract ? Base.slice() : new Float64Array(k * k);
        for (const i of list)
          for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) want[a * k + b] += (subtract ? -1 : 1) * F[i * k + a] * F[i * k + b];
        const mark = engine.mark();
        const f = engine.matFrom(rows, k, F);
        const base = engine.matFrom(k, k, Base);
        const ptr = engine.i32(2);
        const idx = engine.i32(Math.max(r, 1));
        const mode = engine.i32(1);
        const G = engine.mat(k, k);
        const bytes = engine.kernels.gather_bytes(k, r);
        const T = engine.allocBytes(bytes);
        new Float64Array(engine.kernels.memory.buffer, T, bytes / 8).fill(NaN); // stale contents must not leak in
        engine.viewI32(ptr, 2).set([0, r]);
        engine.viewI32(idx, r).set(list);
        engine.viewI32(mode, 1)[0] = subtract;
        engine.kernels.masked_gram(f.ptr, base.ptr, ptr, idx, mode, 0, k, G.ptr, T);
        expect(scaledDiff(engine.view(G), want)).toBeLessThan(1e-14);
        engine.release(mark);
      }
    }
  }
});
