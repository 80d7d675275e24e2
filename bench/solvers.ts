// Milliseconds per iteration of every registered solver, through the Factorization driver
// (so the error computation after each step is included), on a planted low-rank matrix,
// fully observed and with 30% of its entries missing; each solver the float32 mode changes
// also in that mode (a row "<id> f32").
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { planted } from '../src/data/generate.js';
import { Factorization } from '../src/driver/factorization.js';
import { type Precision, usesFloat32 } from '../src/driver/float32.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import { SOLVERS } from '../src/solvers/registry.js';
import type { Engine } from '../src/wasm/engine.js';
import { cpuMs, median } from './timing.js';

/** One solver on one problem: best and median CPU ms per iteration, or why it was skipped. */
export interface SolverTiming {
  id: string;
  best?: number;
  median?: number;
  iterations?: number;
  skipped?: string;
}

/** A planted rank-k matrix (m×n, 5% noise), with `missing` of its entries set to NaN (src/data/generate.ts planted). */
export function plantedData(m: number, n: number, k: number, missing: number): DataMatrix {
  return planted({ rows: m, cols: n, rank: k, noise: 0.05, seed: 7, missing }).data;
}

/**
 * Times up to maxSteps single iterations of each solver (after 2 untimed ones), stopping early
 * once budgetMs is spent; the arena is released after each solver.
 */
export function timeSolvers(engine: Engine, data: DataMatrix, k: number, maxSteps = 8, budgetMs = 1500): SolverTiming[] {
  engine.reset();
  const problem = loadProblem(engine, data);
  const out: SolverTiming[] = [];
  for (const info of SOLVERS) {
    if (problem.M && info.maskUnsupported) {
      out.push({ id: info.id, skipped: 'refuses missing entries' });
      continue;
    }
    const precisions: Precision[] = usesFloat32(info.id, problem.M !== null) ? ['float64', 'float32'] : ['float64'];
    for (const precision of precisions) {
      const id = precision === 'float32' ? `${info.id} f32` : info.id;
      const mark = engine.mark();
      try {
        const f = new Factorization(engine, problem, {
          ...DEFAULT_OPTIONS,
          algorithm: info.id,
          precision,
          rank: k,
          init: 'random',
          seed: 1,
          maxIter: 1_000_000,
          tol: 0,
          params: solverParams(info.id),
        });
        f.step();
        f.step();
        const times: number[] = [];
        const t0 = performance.now();
        while (times.length < maxSteps && (times.length < 3 || performance.now() - t0 < budgetMs)) {
          const c = cpuMs();
          f.step();
          times.push(cpuMs() - c);
        }
        out.push({ id, best: Math.min(...times), median: median(times), iterations: times.length });
      } catch (e) {
        out.push({ id, skipped: `error: ${(e as Error).message}` });
      } finally {
        engine.release(mark);
      }
    }
  }
  return out;
}
