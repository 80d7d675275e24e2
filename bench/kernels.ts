// Every kernel on the shapes of one NMF problem (V m×n, rank k), in wasm and as the plain
// TypeScript loop of src/kernels-ts, with its nominal flop count. Data are seeded uniform
// values; V has a 30% missing mask for the masked kernels.
import { Rng } from '../src/core/rng.js';
import type { Mat } from '../src/core/matrix.js';
import * as T from '../src/kernels-ts/index.js';
import type { Engine } from '../src/wasm/engine.js';

/** One kernel call to time: `numpy` names the same product in bench/numpy_products.py. */
export interface KernelCase {
  kernel: string;
  /** What it computes here, in the names of the math. */
  what: string;
  flops: number;
  wasm: () => void;
  /** The plain TypeScript loop of src/kernels-ts (none for the float32 kernels). */
  ts?: () => void;
  numpy?: string;
}

/** The matrices of one problem, in wasm memory and as TS arrays (separate copies). */
function data(engine: Engine, m: number, n: number, k: number) {
  const rng = new Rng(42);
  const mats = new Map<string, { mat: Mat; ts: Float64Array }>();
  const make = (name: string, rows: number, cols: number, fill: (t: number) => number) => {
    const mat = engine.mat(rows, cols);
    const ts = new Float64Array(rows * cols);
    for (let t = 0; t < ts.length; t++) ts[t] = fill(t);
    engine.view(mat).set(ts);
    mats.set(name, { mat, ts });
  };
  make('M', m, n, () => (rng.next() < 0.3 ? 0 : 1));
  const M = mats.get('M')!.ts;
  make('V', m, n, (t) => rng.next() * 2 * M[t]);
  make('Vfull', m, n, () => rng.next() * 2);
  make('W', m, k, () => rng.next());
  make('H', k, n, () => rng.next());
  make('WtV', k, n, () => rng.next() * m);
  make('VHt', m, k, () => rng.next() * n);
  for (const [name, rows, cols] of [
    ['P', m, n],
    ['R', m, n],
    ['Q', m, n],
    ['WtVout', k, n],
    ['VHtout', m, k],
    ['WHout', m, n],
    ['kn', k, n],
    ['mk', m, k],
  ] as const) {
    make(name, rows, cols, () => 0);
  }
  make('Num', k, n, () => 0.5 + rng.next());
  const num = mats.get('Num')!.ts;
  make('Den', k, n, (t) => num[t]); // Num = Den: repeated in-place updates stay bounded
  make('G', k, n, () => rng.next() - 0.5);
  make('dk', k, 1, () => 1 + rng.next());
  make('dn', 1, n, () => 1 + rng.next());
  // Numerators equal to the denominators, so repeated in-place updates leave X about where it is
  // (a shrinking X would reach subnormal numbers and time those instead).
  const dk = mats.get('dk')!.ts,
    dn = mats.get('dn')!.ts;
  make('NumR', k, n, (t) => dk[Math.floor(t / n)]);
  make('NumC', k, n, (t) => dn[t % n]);
  make('X', k, n, () => 0.5 + rng.next());
  make('sums', Math.max(m, n), 1, () => 0);
  make('scratch', 3, n, () => 0);
  // Gram matrices of the factors, so that HALS sweeps are real iterations.
  const W = mats.get('W')!.ts,
    H = mats.get('H')!.ts;
  const WtW = new Float64Array(k * k),
    HHt = new Float64Array(k * k);
  T.gram_tn(W, WtW, m, k);
  T.gram_nt(H, HHt, k, n);
  make('WtW', k, k, (t) => WtW[t]);
  make('HHt', k, k, (t) => HHt[t]);
  make('kk', k, k, () => 0);
  // SGD: a shuffled subset of entries and their values, with H transposed (Ht, n×k).
  const count = Math.min(m * n, 200_000);
  const order = Int32Array.from({ length: m * n }, (_, t) => t);
  rng.shuffle(order, order.length);
  const orderPtr = engine.i32(count);
  engine.viewI32(orderPtr, count).set(order.subarray(0, count));
  const Vf = mats.get('Vfull')!.ts;
  make('vals', count, 1, (t) => Vf[order[t]]);
  make('Ht', n, k, (t) => H[(t % k) * n + Math.floor(t / k)]);
  const R = mats.get('R')!.ts;
  T.residual(mats.get('V')!.ts, M, W, H, R, m, k, n);
  engine.view(mats.get('R')!.mat).set(R);
  // float32 copies of V, W, H for the float32 mode's products
  const f32 = (name: string, len: number, room = len) => {
    const b = engine.block(room * 4);
    engine.kernels.to_f32(mats.get(name)!.mat.ptr, b.ptr, len);
    return b.ptr;
  };
  return {
    // room past W and H for the kernels' last tiles (float32ScratchLen)
    f32: { V: f32('Vfull', m * n), W: f32('W', m * k, m * k + 3), H: f32('H', k * n, (k + 3) * n) },
    p: (name: string) => mats.get(name)!.mat.ptr,
    a: (name: string) => mats.get(name)!.ts,
    order: order.subarray(0, count),
    orderPtr,
    count,
  };
}

/** The kernel cases for V (m×n) and rank k; allocates in `engine`. */
export function kernelCases(engine: Engine, m: number, n: number, k: number): KernelCase[] {
  const K = engine.kernels;
  const d = data(engine, m, n, k);
  const { p, a } = d;
  const mnk = 2 * m * n * k;
  const eps = 1e-9;
  return [
    {
      kernel: 'gemm_tn',
      what: 'WᵀV (k×n)',
      flops: mnk,
      numpy: 'WtV',
      wasm: () => K.gemm_tn(p('W'), p('Vfull'), p('WtVout'), m, k, n),
      ts: () => T.gemm_tn(a('W'), a('Vfull'), a('WtVout'), m, k, n),
    },
    {
      kernel: 'gemm_tn_f32',
      what: 'WᵀV, float32 mode',
      flops: mnk,
      numpy: 'WtV_f32',
      wasm: () => K.gemm_tn_f32_cols(d.f32.W, d.f32.V, p('WtVout'), m, k, n, 0, n),
    },
    {
      kernel: 'gemm_nt_f32',
      what: 'VHᵀ, float32 mode',
      flops: mnk,
      numpy: 'VHt_f32',
      wasm: () => K.gemm_nt_f32_rows(d.f32.V, d.f32.H, p('VHtout'), m, n, k, 0, m),
    },
    {
      kernel: 'gemm_nt',
      what: 'VHᵀ (m×k)',
      flops: mnk,
      numpy: 'VHt',
      wasm: () => K.gemm_nt(p('Vfull'), p('H'), p('VHtout'), m, n, k),
      ts: () => T.gemm_nt(a('Vfull'), a('H'), a('VHtout'), m, n, k),
    },
    {
      kernel: 'gemm_nn',
      what: 'WH (m×n)',
      flops: mnk,
      numpy: 'WH',
      wasm: () => K.gemm_nn(p('W'), p('H'), p('WHout'), m, k, n),
      ts: () => T.gemm_nn(a('W'), a('H'), a('WHout'), m, k, n),
    },
    {
      kernel: 'gemm_nn',
      what: '(WᵀW)H (k×n)',
      flops: 2 * k * k * n,
      numpy: 'WtW_H',
      wasm: () => K.gemm_nn(p('WtW'), p('H'), p('kn'), k, k, n),
      ts: () => T.gemm_nn(a('WtW'), a('H'), a('kn'), k, k, n),
    },
    {
      kernel: 'gemm_nn',
      what: 'W(HHᵀ) (m×k)',
      flops: 2 * m * k * k,
      numpy: 'W_HHt',
      wasm: () => K.gemm_nn(p('W'), p('HHt'), p('mk'), m, k, k),
      ts: () => T.gemm_nn(a('W'), a('HHt'), a('mk'), m, k, k),
    },
    {
      kernel: 'gram_tn',
      what: 'WᵀW (k×k)',
      flops: 2 * m * k * k,
      numpy: 'WtW',
      wasm: () => K.gram_tn(p('W'), p('kk'), m, k),
      ts: () => T.gram_tn(a('W'), a('kk'), m, k),
    },
    {
      kernel: 'gram_nt',
      what: 'HHᵀ (k×k)',
      flops: 2 * n * k * k,
      numpy: 'HHt',
      wasm: () => K.gram_nt(p('H'), p('kk'), k, n),
      ts: () => T.gram_nt(a('H'), a('kk'), k, n),
    },
    {
      kernel: 'masked_wh',
      what: 'M∘(WH)',
      flops: mnk + m * n,
      wasm: () => K.masked_wh(p('W'), p('H'), p('M'), p('P'), m, k, n),
      ts: () => T.masked_wh(a('W'), a('H'), a('M'), a('P'), m, k, n),
    },
    {
      kernel: 'residual',
      what: 'M∘(V−WH)',
      flops: mnk + 2 * m * n,
      wasm: () => K.residual(p('V'), p('M'), p('W'), p('H'), p('Q'), m, k, n),
      ts: () => T.residual(a('V'), a('M'), a('W'), a('H'), a('Q'), m, k, n),
    },
    {
      kernel: 'kl_quotient',
      what: 'V/(WH+ε)',
      flops: mnk + 2 * m * n,
      wasm: () => K.kl_quotient(p('V'), p('W'), p('H'), p('Q'), m, k, n, eps),
      ts: () => T.kl_quotient(a('V'), a('W'), a('H'), a('Q'), m, k, n, eps),
    },
    {
      kernel: 'kl_quotient_loss',
      what: 'V/(WH+ε), KL, Σ(V−WH)²',
      flops: mnk + 9 * m * n,
      wasm: () => K.kl_quotient_loss(p('Vfull'), 0, p('W'), p('H'), p('Q'), p('scratch'), m, k, n, eps, p('scratch') + 16),
      ts: () => {
        T.kl_quotient(a('Vfull'), a('W'), a('H'), a('Q'), m, k, n, eps);
        T.kl_divergence(a('Vfull'), null, a('W'), a('H'), m, k, n, a('scratch'));
        T.sq_residual(a('Vfull'), null, a('W'), a('H'), m, k, n, a('scratch'));
      },
    },
    {
      kernel: 'sq_residual',
      what: 'Σ(M∘(V−WH))²',
      flops: mnk + 3 * m * n,
      wasm: () => K.sq_residual(p('V'), p('M'), p('W'), p('H'), m, k, n, p('scratch')),
      ts: () => T.sq_residual(a('V'), a('M'), a('W'), a('H'), m, k, n, a('scratch')),
    },
    {
      kernel: 'sq_residual',
      what: 'Σ(V−WH)², no mask',
      flops: mnk + 3 * m * n,
      wasm: () => K.sq_residual(p('Vfull'), 0, p('W'), p('H'), m, k, n, p('scratch')),
      ts: () => T.sq_residual(a('Vfull'), null, a('W'), a('H'), m, k, n, a('scratch')),
    },
    {
      kernel: 'kl_divergence',
      what: 'Σ V log(V/WH)−V+WH',
      flops: mnk + 5 * m * n,
      wasm: () => K.kl_divergence(p('Vfull'), 0, p('W'), p('H'), m, k, n, p('scratch')),
      ts: () => T.kl_divergence(a('Vfull'), null, a('W'), a('H'), m, k, n, a('scratch')),
    },
    {
      kernel: 'dot',
      what: 'tr(Wᵀ·VHᵀ), m·k',
      flops: 2 * m * k,
      wasm: () => K.dot(p('W'), p('VHt'), m * k),
      ts: () => T.dot(a('W'), a('VHt'), m * k),
    },
    {
      kernel: 'has_nonfinite',
      what: 'scan of V, m·n',
      flops: m * n,
      wasm: () => K.has_nonfinite(p('Vfull'), m * n),
      ts: () => T.has_nonfinite(a('Vfull'), m * n),
    },
    {
      kernel: 'mu_update',
      what: 'H∘Num/(Den+ε), k·n',
      flops: 3 * k * n,
      wasm: () => K.mu_update(p('H'), p('Num'), p('Den'), k * n, eps),
      ts: () => T.mu_update(a('H'), a('Num'), a('Den'), k * n, eps),
    },
    {
      kernel: 'mu_update_rowden',
      what: 'k×n, d (k)',
      flops: 2 * k * n,
      wasm: () => K.mu_update_rowden(p('X'), p('NumR'), p('dk'), k, n, eps),
      ts: () => T.mu_update_rowden(a('X'), a('NumR'), a('dk'), k, n, eps),
    },
    {
      kernel: 'mu_update_colden',
      what: 'k×n, d (n)',
      flops: 3 * k * n,
      wasm: () => K.mu_update_colden(p('X'), p('NumC'), p('dn'), k, n, eps),
      ts: () => T.mu_update_colden(a('X'), a('NumC'), a('dn'), k, n, eps),
    },
    {
      kernel: 'col_sums',
      what: 'of W (m×k)',
      flops: m * k,
      wasm: () => K.col_sums(p('W'), p('sums'), m, k),
      ts: () => T.col_sums(a('W'), a('sums'), m, k),
    },
    {
      kernel: 'row_sums',
      what: 'of V (m×n)',
      flops: m * n,
      wasm: () => K.row_sums(p('Vfull'), p('sums'), m, n),
      ts: () => T.row_sums(a('Vfull'), a('sums'), m, n),
    },
    {
      kernel: 'hals_rows',
      what: 'sweep of H (k×n)',
      flops: 2 * k * k * n + 4 * k * n,
      wasm: () => K.hals_rows(p('H'), p('WtV'), p('WtW'), k, n),
      ts: () => T.hals_rows(a('H'), a('WtV'), a('WtW'), k, n),
    },
    {
      kernel: 'hals_cols',
      what: 'sweep of W (m×k)',
      flops: 2 * m * k * k + 4 * m * k,
      wasm: () => K.hals_cols(p('W'), p('VHt'), p('HHt'), m, k),
      ts: () => T.hals_cols(a('W'), a('VHt'), a('HHt'), m, k),
    },
    {
      kernel: 'gd_update',
      what: 'H + η(G−λH), k·n',
      flops: 4 * k * n,
      wasm: () => K.gd_update(p('H'), p('G'), k * n, 1e-6, 0.01, 1),
      ts: () => T.gd_update(a('H'), a('G'), k * n, 1e-6, 0.01, 1),
    },
    {
      kernel: 'hals_rows_masked',
      what: 'sweep of H on R',
      flops: 6 * m * n * k,
      wasm: () => K.hals_rows_masked(p('H'), p('W'), p('M'), p('R'), p('scratch'), m, k, n),
      ts: () => T.hals_rows_masked(a('H'), a('W'), a('M'), a('R'), a('scratch'), m, k, n),
    },
    {
      kernel: 'hals_cols_masked',
      what: 'sweep of W on R',
      flops: 6 * m * n * k,
      wasm: () => K.hals_cols_masked(p('W'), p('H'), p('M'), p('R'), m, k, n),
      ts: () => T.hals_cols_masked(a('W'), a('H'), a('M'), a('R'), m, k, n),
    },
    {
      kernel: 'sgd_epoch',
      what: `${d.count} entries`,
      flops: 12 * k * d.count,
      wasm: () => K.sgd_epoch(p('vals'), p('W'), p('Ht'), d.orderPtr, d.count, k, n, 1e-4, 0.01, 1),
      ts: () => T.sgd_epoch(a('vals'), a('W'), a('Ht'), d.order, d.count, k, n, 1e-4, 0.01, 1),
    },
  ];
}
