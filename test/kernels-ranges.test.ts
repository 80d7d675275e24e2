// The products computed in pieces (gemmTNCols over column ranges, gemmNTRows and gemmNNRows over
// row ranges, as threads will call them): the pieces make exactly the whole product, bit for
// bit, whatever the split and whatever packing workspace gemmNTRows is given; and gemm_nt's
// packed panels add each entry in the order of the textbook loop, so it equals it bit for bit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mat } from '../src/core/matrix.js';
import { Rng } from '../src/core/rng.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';
import { createEngineNode } from '../src/wasm/node.js';
import { firstDiff, label, testShapes, uniform, type Shape } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngineNode();
});

/** The edge shapes plus shapes past the packing buffer: more than 64 rows of H, and H too long to pack at once. */
const shapes: Shape[] = [...testShapes(55), { m: 37, n: 300, k: 70 }, { m: 9, n: 5003, k: 8 }, { m: 40, n: 4099, k: 13 }];

/** Split points of 0..len into `parts` uneven ranges (the first may be empty). */
function splits(len: number, parts: number, rng: Rng): number[] {
  const cuts = Array.from({ length: parts - 1 }, () => rng.int(len + 1)).sort((a, b) => a - b);
  return [0, ...cuts, len];
}

function mat(rows: number, cols: number, rng: Rng): Mat {
  return engine.matFrom(rows, cols, uniform(rng, rows * cols, -1, 1));
}

describe('gemm_nt (VHᵀ) on packed panels', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: equals the j-ordered TS loop bit for bit`, () => {
      engine.reset();
      const rng = new Rng(1300 + c);
      const v = uniform(rng, s.m * s.n, -1, 1),
        h = uniform(rng, s.k * s.n, -1, 1);
      const C = engine.mat(s.m, s.k);
      engine.ops.gemmNT(engine.matFrom(s.m, s.n, v), engine.matFrom(s.k, s.n, h), C);
      const ref = new Float64Array(s.m * s.k);
      T.gemm_nt(v, h, ref, s.m, s.n, s.k);
      expect(firstDiff(engine.view(C), ref)).toBe(-1);
    });
  });
});

describe('products in pieces make the whole product bit for bit', () => {
  shapes.forEach((s, c) => {
    it(`${label(s)}: gemmTNCols, gemmNTRows and gemmNNRows (own, small and full workspaces) over 1 to 4 ranges`, () => {
      engine.reset();
      const rng = new Rng(1400 + c);
      const { gemmTN, gemmNT, gemmNN, gemmTNCols, gemmNTRows, gemmNNRows, gemmNTWorkBytes } = engine.ops;
      const V = mat(s.m, s.n, rng),
        W = mat(s.m, s.k, rng),
        H = mat(s.k, s.n, rng);
      const whole = { tn: engine.mat(s.k, s.n), nt: engine.mat(s.m, s.k), nn: engine.mat(s.m, s.n) };
      gemmTN(W, V, whole.tn);
      gemmNT(V, H, whole.nt);
      gemmNN(W, H, whole.nn);
      const works = [null, engine.block(4096), engine.block(gemmNTWorkBytes(H))];
      for (let parts = 1; parts <= 4; parts++) {
        const tn = engine.mat(s.k, s.n),
          nt = engine.mat(s.m, s.k),
          nn = engine.mat(s.m, s.n);
        const cols = splits(s.n, parts, rng),
          rows = splits(s.m, parts, rng);
        for (let t = 0; t < parts; t++) {
          gemmTNCols(W, V, tn, cols[t], cols[t + 1]);
          gemmNTRows(V, H, nt, rows[t], rows[t + 1], works[(t + parts) % 3]);
          gemmNNRows(W, H, nn, rows[t], rows[t + 1], works[(t + parts + 1) % 3]);
        }
        expect(firstDiff(engine.view(tn), engine.view(whole.tn))).toBe(-1);
        expect(firstDiff(engine.view(nt), engine.view(whole.nt))).toBe(-1);
        expect(firstDiff(engine.view(nn), engine.view(whole.nn))).toBe(-1);
      }
    });
  });

  it('a range touches only its own rows (columns) of C', () => {
    engine.reset();
    const rng = new Rng(7);
    const V = mat(10, 9, rng),
      W = mat(10, 3, rng),
      H = mat(3, 9, rng);
    const C = engine.matFrom(10, 3, new Float64Array(30).fill(-7));
    engine.ops.gemmNTRows(V, H, C, 4, 7);
    const c = engine.view(C);
    for (let i = 0; i < 10; i++) for (let a = 0; a < 3; a++) expect(c[i * 3 + a] === -7).toBe(i < 4 || i >= 7);
    const D = engine.matFrom(3, 9, new Float64Array(27).fill(-7));
    engine.ops.gemmTNCols(W, V, D, 2, 5);
    const d = engine.view(D);
    for (let a = 0; a < 3; a++) for (let j = 0; j < 9; j++) expect(d[a * 9 + j] === -7).toBe(j < 2 || j >= 5);
  });

  it('a range outside C is refused with its bounds', () => {
    engine.reset();
    const rng = new Rng(8);
    const V = mat(10, 9, rng),
      H = mat(3, 9, rng);
    expect(() => engine.ops.gemmNTRows(V, H, engine.mat(10, 3), 4, 11)).toThrow(
      'gemmNTRows: rows 4..11 of C = ABᵀ need A m×q, B p×q, C m×p, 0 ≤ row0 ≤ row1 ≤ m; got A 10×9, B 3×9, C 10×3',
    );
  });
});
