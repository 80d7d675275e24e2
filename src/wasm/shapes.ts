// Shape checks of the typed kernel layer (src/wasm/ops*.ts): a wrong shape throws a
// ShapeError naming the kernel, the rule and every operand's shape, before any memory is touched.
import type { Mat } from '../core/matrix.js';
import type { Block } from './engine.js';

/** A kernel was called on operands whose shapes do not fit together. */
export class ShapeError extends Error {
  override readonly name = 'ShapeError';
}

/** rows×cols of a matrix, "none" for an absent one (a null mask). */
function shapeOf(x: Mat | Block | null): string {
  if (x === null) return 'none';
  return 'rows' in x ? `${x.rows}×${x.cols}` : `${x.bytes} bytes`;
}

/**
 * The error for kernel `op` whose `rule` the operands broke, e.g.
 * "gemmTN: C = AᵀB needs A m×p, B m×q, C p×q; got A 20×5, B 30×7, C 5×7".
 */
export function shapeError(op: string, rule: string, operands: Record<string, Mat | Block | null>): ShapeError {
  const got = Object.entries(operands)
    .map(([name, x]) => `${name} ${shapeOf(x)}`)
    .join(', ');
  return new ShapeError(`${op}: ${rule}; got ${got}`);
}

/** Whether a and b have the same rows and columns. */
export function sameShape(a: Mat, b: Mat): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

/** Whether an optional mask M fits V: absent, or V's shape. */
export function maskFits(M: Mat | null, V: Mat): boolean {
  return M === null || sameShape(M, V);
}

/** Entries of a matrix (a vector may be stored as 1×len or len×1). */
export function entries(x: Mat): number {
  return x.rows * x.cols;
}
