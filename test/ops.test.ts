// The typed kernel layer (src/wasm/ops.ts): each op reads its sizes from the matrices in the
// order of its formula, refuses operands that do not fit with a message naming the op and
// every shape (touching nothing), and an engine without the checks computes the same numbers.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mat } from '../src/core/matrix.js';
import { loadProblem } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { lowRank } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import * as T from '../src/kernels-ts/index.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { Engine } from '../src/wasm/engine.js';
import { loadKernelsNode } from '../src/wasm/node.js';
import { ShapeError } from '../src/wasm/ops.js';
import { firstDiff, uniform, worstRel } from './helpers/kernels.js';

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await loadKernelsNode());
});

/** A rows×cols matrix in the engine holding `data` (seeded uniform values when omitted). */
function mat(rows: number, cols: number, data?: Float64Array): Mat {
  return engine.matFrom(rows, cols, data ?? uniform(new Rng(rows * 100 + cols), rows * cols, 0.1, 1));
}

describe('typed products: sizes read from the matrices, in the order of the formula', () => {
  // m, n, k all different, so a swapped size either throws or changes the result
  const m = 7,
    n = 5,
    k = 3;

  it('gemmTN(W, V, WtV) is WᵀV, gemmNT(V, H, VHt) is VHᵀ, gemmNN(W, H, WH) is WH, as the TS loops', () => {
    engine.reset();
    const rng = new Rng(1);
    const w = uniform(rng, m * k),
      v = uniform(rng, m * n),
      h = uniform(rng, k * n);
    const W = mat(m, k, w),
      V = mat(m, n, v),
      H = mat(k, n, h);
    const WtV = engine.mat(k, n),
      VHt = engine.mat(m, k),
      WH = engine.mat(m, n);
    engine.ops.gemmTN(W, V, WtV);
    engine.ops.gemmNT(V, H, VHt);
    engine.ops.gemmNN(W, H, WH);
    const refTN = new Float64Array(k * n),
      refNT = new Float64Array(m * k),
      refNN = new Float64Array(m * n);
    T.gemm_tn(w, v, refTN, m, k, n);
    T.gemm_nt(v, h, refNT, m, n, k);
    T.gemm_nn(w, h, refNN, m, k, n);
    expect(worstRel(engine.view(WtV), refTN)).toBeLessThan(1e-14);
    expect(worstRel(engine.view(VHt), refNT)).toBeLessThan(1e-14);
    expect(worstRel(engine.view(WH), refNN)).toBeLessThan(1e-14);
  });

  it('gramTN(W, WtW) is WᵀW, gramNT(H, HHt) is HHᵀ, transpose(H, Ht) is Hᵀ', () => {
    engine.reset();
    const rng = new Rng(2);
    const w = uniform(rng, m * k),
      h = uniform(rng, k * n);
    const W = mat(m, k, w),
      H = mat(k, n, h);
    const WtW = engine.mat(k, k),
      HHt = engine.mat(k, k),
      Ht = engine.mat(n, k);
    engine.ops.gramTN(W, WtW);
    engine.ops.gramNT(H, HHt);
    engine.ops.transpose(H, Ht);
    const refW = new Float64Array(k * k),
      refH = new Float64Array(k * k),
      refT = new Float64Array(n * k);
    T.gram_tn(w, refW, m, k);
    T.gram_nt(h, refH, k, n);
    T.transpose(h, refT, k, n);
    expect(worstRel(engine.view(WtW), refW)).toBeLessThan(1e-14);
    expect(worstRel(engine.view(HHt), refH)).toBeLessThan(1e-14);
    expect(firstDiff(engine.view(Ht), refT)).toBe(-1);
  });

  it('residual(V, M, W, H, R) with and without a mask, and sqResidual, as the TS loops', () => {
    engine.reset();
    const rng = new Rng(3);
    const w = uniform(rng, m * k),
      h = uniform(rng, k * n),
      v = uniform(rng, m * n);
    const mk = Float64Array.from({ length: m * n }, (_, t) => (t % 3 === 0 ? 0 : 1));
    const V = mat(m, n, v),
      W = mat(m, k, w),
      H = mat(k, n, h),
      M = mat(m, n, mk),
      R = engine.mat(m, n);
    for (const mask of [null, M]) {
      engine.ops.residual(V, mask, W, H, R);
      const ref = new Float64Array(m * n);
      T.residual(v, mask ? mk : null, w, h, ref, m, k, n);
      expect(worstRel(engine.view(R), ref)).toBeLessThan(1e-14);
      const sq = T.sq_residual(v, mask ? mk : null, w, h, m, k, n, new Float64Array(n));
      expect(worstRel([engine.ops.sqResidual(V, mask, W, H)], [sq])).toBeLessThan(1e-13);
    }
  });
});

describe('shape errors name the op, its rule and every operand', () => {
  const cases: [string, () => unknown, string][] = [
    [
      'gemmTN with A and B of different heights',
      () => engine.ops.gemmTN(mat(7, 3), mat(6, 5), engine.mat(3, 5)),
      'gemmTN: C = AᵀB needs A m×p, B m×q, C p×q; got A 7×3, B 6×5, C 3×5',
    ],
    [
      'gemmNT with C of the wrong width',
      () => engine.ops.gemmNT(mat(7, 5), mat(3, 5), engine.mat(7, 5)),
      'gemmNT: C = ABᵀ needs A m×q, B p×q, C m×p; got A 7×5, B 3×5, C 7×5',
    ],
    [
      'gemmNN with inner sizes that differ',
      () => engine.ops.gemmNN(mat(7, 3), mat(4, 5), engine.mat(7, 5)),
      'gemmNN: C = AB needs A m×p, B p×q, C m×q; got A 7×3, B 4×5, C 7×5',
    ],
    ['gramTN into an n×n G', () => engine.ops.gramTN(mat(7, 3), engine.mat(7, 7)), 'gramTN: G = AᵀA needs A m×p, G p×p; got A 7×3, G 7×7'],
    ['gramNT into a q×q G', () => engine.ops.gramNT(mat(3, 5), engine.mat(5, 5)), 'gramNT: G = AAᵀ needs A m×q, G m×m; got A 3×5, G 5×5'],
    [
      'transpose into A’s own shape',
      () => engine.ops.transpose(mat(3, 5), engine.mat(3, 5)),
      'transpose: B = Aᵀ needs A r×c, B c×r; got A 3×5, B 3×5',
    ],
    [
      'residual with a mask of another shape',
      () => engine.ops.residual(mat(7, 5), mat(5, 7), mat(7, 3), mat(3, 5), engine.mat(7, 5)),
      'residual: R = M∘(V − WH) needs V, M, R m×n, W m×k, H k×n; got V 7×5, M 5×7, W 7×3, H 3×5, R 7×5',
    ],
    [
      'klDivergence with a scratch shorter than a row',
      () => engine.ops.klDivergence(mat(7, 5), null, mat(7, 3), mat(3, 5), engine.mat(1, 4)),
      'klDivergence: D(V‖WH) needs V, M m×n, W m×k, H k×n, scratch of ≥ n entries; got V 7×5, M none, W 7×3, H 3×5, scratch 1×4',
    ],
    [
      'muUpdate with a transposed denominator',
      () => engine.ops.muUpdate(mat(3, 5), mat(3, 5), mat(5, 3), 1e-9),
      'muUpdate: X ← X∘Num/(Den + ε) needs X, Num, Den of one shape; got X 3×5, Num 3×5, Den 5×3',
    ],
    [
      'halsCols with VHᵀ in place of HHᵀ',
      () => engine.ops.halsCols(mat(7, 3), mat(7, 3), mat(7, 3)),
      'halsCols: the columns of W need W, VHt m×k and HHt k×k; got W 7×3, VHt 7×3, HHt 7×3',
    ],
    [
      'cholSolveCols with too little work',
      () => engine.ops.cholSolveCols(mat(3, 3), mat(3, 5), engine.mat(3, 5), engine.block(16)),
      'cholSolveCols: B, X k×n need L k×k and work of ≥ 8k bytes; got L 3×3, B 3×5, X 3×5, work 16 bytes',
    ],
    ['dot of two shapes', () => engine.ops.dot(mat(7, 3), mat(3, 7)), 'dot: tr(AᵀB) needs A and B of one shape; got A 7×3, B 3×7'],
    [
      'orthRows past the last row',
      () => engine.ops.orthRows(mat(3, 5), null, 0, 4),
      'orthRows: rows 0..4 need 0 ≤ from ≤ to ≤ r for A r×c, L r×r; got A 3×5, L none',
    ],
  ];
  for (const [what, call, message] of cases) {
    it(what, () => {
      engine.reset();
      expect(call).toThrow(ShapeError);
      expect(call).toThrow(message);
    });
  }

  it('a refused op writes nothing: its output keeps its values', () => {
    engine.reset();
    const C = mat(3, 5);
    const before = engine.copyOut(C);
    expect(() => engine.ops.gemmTN(mat(7, 3), mat(6, 5), C)).toThrow(ShapeError);
    expect(firstDiff(engine.view(C), before)).toBe(-1);
  });
});

describe('checks off (EngineOptions.checkShapes = false)', () => {
  /** W and H after 15 iterations of `algorithm` on a planted 30×20 rank-4 matrix with 20% missing. */
  async function run(checkShapes: boolean, algorithm: AlgorithmId): Promise<Float64Array[]> {
    const e = new Engine(await loadKernelsNode(), { checkShapes });
    const d = lowRank({ rows: 30, cols: 20, rank: 4, noise: 0.05, seed: 9 });
    const values = d.values.map((x, t) => (t % 5 === 2 ? NaN : x));
    const f = new Factorization(e, loadProblem(e, { ...d, values }), {
      ...DEFAULT_OPTIONS,
      algorithm,
      rank: 4,
      maxIter: 15,
      tol: 0,
      params: solverParams(algorithm),
    });
    while (!f.stop) f.step();
    return [e.copyOut(f.W), e.copyOut(f.H)];
  }

  for (const algorithm of ['mu', 'kl', 'als', 'anls', 'hals', 'gd', 'sgd'] as const) {
    it(`${algorithm}: the same W and H bit for bit as with checks on`, async () => {
      const [W1, H1] = await run(true, algorithm);
      const [W0, H0] = await run(false, algorithm);
      expect(firstDiff(W0, W1)).toBe(-1);
      expect(firstDiff(H0, H1)).toBe(-1);
    });
  }
});
