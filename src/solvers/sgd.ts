// Stochastic gradient descent, one observed entry at a time (the recommender setting): one
// step() is one epoch over every observed entry, in an order the run's seeded rng shuffles
// afresh each epoch. For entry (i, j) with error e = V[i,j] − W[i,:]·H[:,j]:
//   W[i,:] += η(e·H[:,j] − λW[i,:]),  H[:,j] += η(e·W[i,:] − λH[:,j])  (clipped at 0 by default).
// The entries' indices and values are shuffled together in place (wasm memory, allocated once),
// so the kernel reads them in sequence instead of jumping around V.
import type { Rng } from '../core/rng.js';
import type { Solver, SolverContext, SolverInfo, SparseSolverContext } from './types.js';

function createSgd(ctx: SolverContext): Solver {
  const { engine, problem } = ctx;
  return createEpochs(ctx, (vals) => {
    const v = engine.view(problem.V);
    const idx = engine.viewI32(problem.observedIdx, problem.observed);
    for (let t = 0; t < vals.length; t++) vals[t] = v[idx[t]];
  });
}

/** The sparse form: the entries' values are V's in the order of observedIdx (compressed rows). */
function createSparseSgd(ctx: SparseSolverContext): Solver {
  const { engine, problem } = ctx;
  return createEpochs(ctx, (vals) => vals.set(new Float64Array(engine.kernels.memory.buffer, problem.rows.vals, problem.observed)));
}

/** SGD epochs over the observed entries; fill(vals) writes the value of each entry of observedIdx, in order (once, here). */
function createEpochs(ctx: SolverContext | SparseSolverContext, fill: (vals: Float64Array) => void): Solver {
  const { engine, problem, k, W, H, params, rng } = ctx;
  const { n, observed, observedIdx } = problem;
  const { transpose, sgdEpoch } = engine.ops;
  const lr = params.learningRate;
  const l2 = params.l2;
  const project = params.project;
  const Ht = engine.mat(n, k);
  const order = engine.i32(observed); // linear indices i·n + j of the observed entries, in visiting order
  const vals = engine.mat(1, observed); // V at order[t]
  let orderView = engine.viewI32(order, observed);
  let valsView = engine.view(vals);
  orderView.set(engine.viewI32(observedIdx, observed));
  fill(valsView);

  let trail: [number, number, number, number][] | null = null; // the stream's position at each epoch since the oldest mark
  let partners: Int32Array | null = null; // rollback's scratch, made at the first rollback
  const views = () => {
    if (orderView.buffer !== engine.kernels.memory.buffer) {
      // memory grew since the views were taken (another allocation in this engine)
      orderView = engine.viewI32(order, observed);
      valsView = engine.view(vals);
    }
  };

  return {
    step() {
      views();
      trail?.push(rng.save());
      shuffleTogether(rng, orderView, valsView);
      transpose(H, Ht);
      sgdEpoch(vals, order, W, Ht, lr, l2, project);
      transpose(Ht, H);
    },
    fastForward(iterations) {
      // each epoch's shuffle permutes the previous epoch's order: replay them in turn
      views();
      for (let t = 0; t < iterations; t++) shuffleTogether(rng, orderView, valsView);
    },
    checkpoint(back) {
      trail = trail ? trail.slice(trail.length - Math.min(back, trail.length)) : [];
    },
    rollback(steps) {
      if (!trail || steps > trail.length) throw new Error(`sgd cannot take back ${steps} epochs: it kept ${trail?.length ?? 0}`);
      views();
      partners ??= new Int32Array(observed);
      // each epoch's shuffle undone, the last first: the order and the stream as at the mark
      for (let t = 0; t < steps; t++) unshuffleTogether(rng, trail.pop()!, orderView, valsView, partners);
    },
  };
}

/**
 * Fisher–Yates over idx and val (equal lengths) with the same swaps, so the pairs stay together.
 * Each swap partner is uniform on 0..t by rejection from the smallest 2^p > t: integer
 * operations only, about twice as fast as Rng.int (which needs two floating-point modulos).
 */
export function shuffleTogether(rng: Rng, idx: Int32Array, val: Float64Array): void {
  for (let t = idx.length - 1; t > 0; t--) swapPair(idx, val, t, partner(rng, t));
}

/**
 * Undoes the shuffleTogether that started at the stream position `from` (and leaves the stream
 * there): its swap partners drawn again into `partners` (length of idx), then swapped back last-first.
 */
export function unshuffleTogether(
  rng: Rng,
  from: readonly [number, number, number, number],
  idx: Int32Array,
  val: Float64Array,
  partners: Int32Array,
): void {
  rng.restore(from);
  for (let t = idx.length - 1; t > 0; t--) partners[t] = partner(rng, t);
  for (let t = 1; t < idx.length; t++) swapPair(idx, val, t, partners[t]);
  rng.restore(from);
}

/** A swap partner for position t of Fisher–Yates: uniform on 0..t by rejection from the smallest 2^p > t. */
function partner(rng: Rng, t: number): number {
  const mask = -1 >>> Math.clz32(t); // 2^p − 1 ≥ t
  let s: number;
  do s = rng.nextU32() & mask;
  while (s > t);
  return s;
}

/** Swaps entries t and s of idx, and of val. */
function swapPair(idx: Int32Array, val: Float64Array, t: number, s: number): void {
  const i = idx[t];
  idx[t] = idx[s];
  idx[s] = i;
  const x = val[t];
  val[t] = val[s];
  val[s] = x;
}

/** Registry entry of stochastic gradient descent; its own learning rate and penalty defaults. */
export const sgd: SolverInfo = {
  id: 'sgd',
  label: 'Stochastic gradient (SGD)',
  description: 'One observed entry at a time in a shuffled order, one epoch per iteration; made for ratings with many missing entries.',
  maskUnsupported: null,
  monotone: false,
  objective: 'frobenius',
  params: ['learningRate', 'l2', 'project'],
  defaults: { learningRate: 0.02, l2: 0.001 },
  divergenceHint: 'Lower the learning rate (try 10× smaller); large values in V need a smaller rate.',
  create: createSgd,
  createSparse: createSparseSgd,
};
