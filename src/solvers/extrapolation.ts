// Extrapolation of an alternating solver (Ang & Gillis, "Accelerating nonnegative matrix
// factorization algorithms using extrapolation", Neural Computation 31, 2019), as anls uses it:
//   H_{t+1} = solve for H from Wy_t (warm from Hy_t),  Hy_{t+1} = max(0, H_{t+1} + β(H_{t+1} − H_t)),
//   W_{t+1} = solve for W from Hy_{t+1} (warm from Wy_t), Wy_{t+1} = max(0, W_{t+1} + β(W_{t+1} − W_t)).
// The run's pair is (W_{t+1}, Hy_{t+1}), whose error the W solve gives. A step that raises the error
// is taken back: β̄ ← β, β ← β/η, and the plain step is made from the last pair instead, so the
// error never rises. An accepted step grows β ← min(β̄, γβ), β̄ ← min(1, γ̄β̄). Step 1 is plain.
import type { Mat } from '../core/matrix.js';
import type { Engine } from '../wasm/engine.js';
import type { Solver } from './types.js';

/** β's start, its growth γ on an accepted step, β̄'s growth γ̄, and β's shrink η on a rejected one. */
export const EXTRAPOLATION: Readonly<Record<'beta0' | 'grow' | 'growBar' | 'shrink', number>> = {
  beta0: 0.25,
  grow: 1.05,
  growBar: 1.01,
  shrink: 1.5,
};

/** The half-steps of an alternating solver on the W (m×k), H (k×n) in place. */
export interface Halves {
  /** H from the W in place (warm-started from the H in place). */
  solveH(): void;
  /** W from the H in place (warm-started from the W in place), forming what errorSq needs. */
  solveW(): void;
  /** ‖M∘(V − WH)‖² after solveW from the products it formed, or null when they would lose digits. */
  errorSq(): number | null;
  /** ‖M∘(V − WH)‖² entry by entry, exactly as the driver computes it. */
  directSq(): number;
  /** The products the solver carries from W to the next solveH made again from the W in place. */
  resync(): void;
}

/** The extrapolation's own state at the start of a step: Wy (m×k), the plain H (k×n), β, β̄, the last error. */
interface Counters {
  steps: number;
  beta: number;
  betaBar: number;
  last: number;
  started: boolean;
}
interface State extends Counters {
  Wy: Float64Array;
  Hx: Float64Array;
}

/** The solver over `halves` on W (m×k), H (k×n): H then W each step, extrapolated when `extrapolate`. */
export function alternatingSolver(engine: Engine, W: Mat, H: Mat, halves: Halves, extrapolate: boolean): Solver {
  if (extrapolate) return extrapolated(engine, W, H, halves);
  return {
    step() {
      halves.solveH();
      halves.solveW();
    },
    residualSq: halves.errorSq,
    rollback: halves.resync,
  };
}

/**
 * The extrapolated solver over `halves` on W (m×k), H (k×n); allocates Wy, the plain H and the
 * copies a rejected step goes back to here (4 factor-sized blocks), none in step().
 * A resumed run goes on from the state saveState gave (restoreState), or without one
 * (fastForward) starts the extrapolation afresh from its W, H, with a plain step.
 */
export function extrapolated(engine: Engine, W: Mat, H: Mat, halves: Halves): Solver {
  const Wy = engine.mat(W.rows, W.cols);
  const Hx = engine.mat(H.rows, H.cols); // the last plain H
  const Wt = engine.mat(W.rows, W.cols); // W and H at the start of a step
  const Ht = engine.mat(H.rows, H.cols);
  const { beta0, grow, growBar, shrink } = EXTRAPOLATION;
  let s: Counters = { steps: 0, beta: beta0, betaBar: 1, last: Number.POSITIVE_INFINITY, started: false };
  let sq = 0;
  const kept: State[] = []; // the state at each mark, oldest first
  const v = (X: Mat) => engine.view(X);
  const error = () => halves.errorSq() ?? halves.directSq();
  const plain = (): number => {
    halves.solveH();
    v(Hx).set(v(H));
    halves.solveW();
    v(Wy).set(v(W));
    return error();
  };

  return {
    step() {
      s.steps++;
      if (!s.started) {
        s.started = true;
        sq = s.last = plain();
        return;
      }
      v(Wt).set(v(W));
      v(Ht).set(v(H));
      v(W).set(v(Wy));
      halves.resync();
      halves.solveH();
      extrapolate(v(H), v(Hx), s.beta);
      halves.solveW();
      const e = error();
      if (e <= s.last) {
        extrapolateFrom(v(Wy), v(W), v(Wt), s.beta);
        s.beta = Math.min(s.betaBar, grow * s.beta);
        s.betaBar = Math.min(1, growBar * s.betaBar);
        sq = e;
      } else {
        v(W).set(v(Wt));
        v(H).set(v(Ht));
        halves.resync();
        s.betaBar = s.beta;
        s.beta /= shrink;
        sq = plain();
      }
      s.last = sq;
    },
    residualSq() {
      return sq;
    },
    fastForward(iterations) {
      s.steps = iterations;
    },
    saveState() {
      const out = new Float64Array(4 + Wy.rows * Wy.cols + Hx.rows * Hx.cols);
      out.set([s.beta, s.betaBar, s.last, s.started ? 1 : 0]);
      out.set(v(Wy), 4);
      out.set(v(Hx), 4 + Wy.rows * Wy.cols);
      return out;
    },
    restoreState(state, iterations) {
      const mk = Wy.rows * Wy.cols;
      const expected = 4 + mk + Hx.rows * Hx.cols;
      if (state.length !== expected) return `the saved extrapolation state has ${state.length} entries, expected ${expected}`;
      const [beta, betaBar, last, started] = state;
      if (!(beta > 0 && beta <= 1 && betaBar > 0 && betaBar <= 1 && (started === 0 || started === 1) && !Number.isNaN(last))) {
        return `the saved extrapolation state has β = ${beta}, β̄ = ${betaBar}, started = ${started}: expected β, β̄ in (0, 1] and started 0 or 1`;
      }
      s = { steps: iterations, beta, betaBar, last, started: started === 1 };
      v(Wy).set(state.subarray(4, 4 + mk));
      v(Hx).set(state.subarray(4 + mk));
      return null;
    },
    checkpoint(back) {
      while (kept.length > 0 && kept[0].steps < s.steps - back) kept.shift();
      const reused = kept.length > 0 && kept.at(-1)!.steps === s.steps ? kept.pop() : undefined;
      kept.push({
        ...s,
        Wy: copyInto(reused?.Wy, v(Wy)),
        Hx: copyInto(reused?.Hx, v(Hx)),
      });
    },
    rollback(steps) {
      const to = s.steps - steps;
      const at = kept.find((x) => x.steps === to);
      if (!at) throw new Error(`anls's extrapolation cannot take back ${steps} steps: it kept no state at step ${to}`);
      while (kept.at(-1)!.steps > to) kept.pop();
      s = { steps: at.steps, beta: at.beta, betaBar: at.betaBar, last: at.last, started: at.started };
      v(Wy).set(at.Wy);
      v(Hx).set(at.Hx);
      halves.resync();
    },
  };
}

/** X ← max(0, X + β(X − P)) entry by entry, and P ← the X it was given (the plain factor). */
export function extrapolate(X: Float64Array, P: Float64Array, beta: number): void {
  for (let t = 0; t < X.length; t++) {
    const x = X[t];
    const y = x + beta * (x - P[t]);
    P[t] = x;
    X[t] = y > 0 ? y : 0;
  }
}

/** Y ← max(0, X + β(X − P)) entry by entry. */
export function extrapolateFrom(Y: Float64Array, X: Float64Array, P: Float64Array, beta: number): void {
  for (let t = 0; t < X.length; t++) {
    const y = X[t] + beta * (X[t] - P[t]);
    Y[t] = y > 0 ? y : 0;
  }
}

/** `to` (or a new array when absent) holding a copy of `from`. */
function copyInto(to: Float64Array | undefined, from: Float64Array): Float64Array {
  const c = to ?? new Float64Array(from.length);
  c.set(from);
  return c;
}
