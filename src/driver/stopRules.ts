// The stopping rules of a run, in the order they are judged: a divergence (NaN or infinity, W·H
// collapsed to zero, a blow-up), the target error, the tolerance, Max iterations. Pure.
import type { FactorOptions } from './options.js';
import type { Stop } from './runStart.js';

/** The error grew this many times over its best value: a blow-up. */
const BLOW_UP = 100;
/** A relative error this close to 1 may mean WH = 0: only then are the factors scanned for a collapse. */
const COLLAPSE_SUSPECT = 1e-9;

/** Where a run stands after an iteration, as the stopping rules read it. */
export interface StopInput {
  readonly iteration: number;
  /** Relative error ‖V−WH‖/‖V‖ now, and the best so far. */
  readonly rel: number;
  readonly best: number;
  /** ‖V−WH‖_F now. */
  readonly error: number;
  /** The solver's objective now and before this iteration. */
  readonly objective: number;
  readonly prevObjective: number;
  /** Whether the error, the objective, W or H holds NaN or an infinity. */
  readonly nonFinite: boolean;
  /** Whether WH = 0 exactly (a scan of W and H: asked only when the error is 1). */
  productIsZero(): boolean;
  /** The solver's advice on a divergence, or undefined. */
  readonly hint?: string;
}

/** The stop the limits of `o` call for at `s`, or null to go on. */
export function stopFor(s: StopInput, o: Pick<FactorOptions, 'maxIter' | 'tol' | 'target'>): Stop | null {
  const it = s.iteration;
  const hint = s.hint ? ` ${s.hint}` : '';
  if (s.nonFinite) {
    return { reason: 'diverged', iteration: it, message: `diverged at iteration ${it}: the error became NaN or infinite.${hint}` };
  }
  if (Math.abs(s.rel - 1) < COLLAPSE_SUSPECT && s.productIsZero()) {
    // projected steps that overshoot clip everything to 0, where no solver can move again
    return {
      reason: 'diverged',
      iteration: it,
      message: `diverged at iteration ${it}: W·H collapsed to zero, from which no iteration recovers.${hint}`,
    };
  }
  if (s.rel > BLOW_UP * s.best && s.rel > 1) {
    return {
      reason: 'diverged',
      iteration: it,
      message: `diverged at iteration ${it}: the relative error grew to ${fmt(s.rel)}, over ${BLOW_UP}× its best ${fmt(s.best)}.${hint}`,
    };
  }
  if (o.target > 0 && s.error <= o.target) {
    return { reason: 'target', iteration: it, message: `reached the target: ‖V−WH‖_F = ${fmt(s.error)} ≤ ${o.target} at iteration ${it}` };
  }
  if (o.tol > 0) {
    const change = Math.abs(s.prevObjective - s.objective) / Math.max(Math.abs(s.prevObjective), Number.MIN_VALUE);
    if (change < o.tol) {
      return {
        reason: 'tolerance',
        iteration: it,
        message: `converged at iteration ${it}: the objective changed by ${fmt(change)} < tolerance ${o.tol}`,
      };
    }
  }
  if (it >= o.maxIter) {
    // past it: Max iterations was lowered below the iterations run, or Step went on after the stop
    const message =
      it === o.maxIter
        ? `reached the maximum of ${o.maxIter} iterations`
        : `at iteration ${it}, past the maximum of ${o.maxIter} iterations`;
    return { reason: 'max-iter', iteration: it, message };
  }
  return null;
}

function fmt(x: number): string {
  return x.toPrecision(3);
}
