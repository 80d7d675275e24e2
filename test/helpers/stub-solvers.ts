// Stub solvers that fail in controlled ways, for the driver tests (never registered for real).
import type { AlgorithmId, Solver, SolverContext, SolverInfo } from '../../src/solvers/types.js';

function stub(id: string, create: (ctx: SolverContext) => Solver, more: Partial<SolverInfo> = {}): SolverInfo {
  return {
    id: id as AlgorithmId,
    label: id,
    description: 'test stub',
    maskUnsupported: null,
    monotone: false,
    objective: 'frobenius',
    params: [],
    create,
    ...more,
  };
}

/** Multiplies every entry of X by `s` in place. */
function scale(ctx: SolverContext, which: 'W' | 'H', s: number): void {
  const x = ctx.engine.view(ctx[which]);
  for (let t = 0; t < x.length; t++) x[t] *= s;
}

let created = 0;

/** Restarts the count of stub-diverge-odd. */
export function resetStubs(): void {
  created = 0;
}

export const STUBS: readonly SolverInfo[] = [
  // does nothing, and refuses missing entries
  stub('stub-full-only', () => ({ step() {} }), { maskUnsupported: 'it needs every entry of V; use hals or mu instead' }),
  // column 0 of W set to 0 and row 0 of H to NaN: NaN only in a factor (W·H may stay finite)
  stub('stub-nan-in-h', (ctx) => ({
    step() {
      const w = ctx.engine.view(ctx.W);
      const h = ctx.engine.view(ctx.H);
      for (let i = 0; i < ctx.W.rows; i++) w[i * ctx.k] = 0;
      for (let j = 0; j < ctx.H.cols; j++) h[j] = NaN;
    },
  })),
  // W becomes exactly 0 at the third step
  stub('stub-zero-w', (ctx) => {
    let steps = 0;
    return { step: () => scale(ctx, 'W', ++steps >= 3 ? 0 : 0.9) };
  }),
  // W shrinks a millionfold per step: the error tends to ‖V‖ but WH never vanishes
  stub('stub-shrink', (ctx) => ({ step: () => scale(ctx, 'W', 1e-6) })),
  // W grows 3× per step: the error grows steadily
  stub('stub-grow', (ctx) => ({ step: () => scale(ctx, 'W', 3) })),
  // the 1st, 3rd, … solver created since resetStubs() diverges (NaN in H); the others shrink H by 1%
  stub('stub-diverge-odd', (ctx) => {
    const bad = created++ % 2 === 0;
    return { step: () => scale(ctx, 'H', bad ? NaN : 0.99) };
  }),
];
