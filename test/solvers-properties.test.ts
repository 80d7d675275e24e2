// Properties every registered solver must have, on seeded data, fully observed and (where the
// solver accepts it) with missing entries. Iterates SOLVERS, so solvers added later are covered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProblem } from '../src/core/problem.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams, type FactorOptions } from '../src/driver/options.js';
import { factorize } from '../src/driver/run.js';
import { SOLVERS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { planted } from '../src/data/generate.js';

/** Relative slack for "never increases": far below any real increase, above rounding. */
const ROUNDING = 1e-9;
/** Absolute slack, as a fraction of ‖M∘V‖²: an exact fit's objective wanders at ~1e-29 of it. */
const FLOOR = 1e-24;
/** Machine epsilon of f64. */
const EPS = 2 ** -52;

/**
 * How much rounding alone can move the objective near a fit: each residual entry carries an error
 * of about ε·|v|, which moves ½‖R‖² by up to about ε·‖R‖·‖V‖ (a few ε·√(2·obj·‖V‖²)); each term
 * v·log(v/wh) − v + wh of the KL divergence carries about ε·(v + wh), so ε·ΣV in all.
 */
function roundingFloor(objective: 'frobenius' | 'kl', obj: number, normV2: number, sumV: number): number {
  return objective === 'kl' ? 8 * EPS * sumV : 8 * EPS * Math.sqrt(2 * Math.abs(obj) * normV2);
}

/**
 * With ε > 0 in the denominators, multiplicative updates settle where Wᵀ(V − WH) ≈ ε (not 0): near
 * an exact fit the objective may move by about ε² per entry of V before it settles there.
 */
function epsilonFloor(algorithm: AlgorithmId, m: number, n: number): number {
  const info = SOLVERS.find((s) => s.id === algorithm)!;
  return info.params.includes('epsilon') ? solverParams(algorithm).epsilon ** 2 * m * n : 0;
}
const ITERATIONS = 25;

interface Case {
  m: number;
  n: number;
  k: number;
  seed: number;
  missing: number;
}

/** Small seeded shapes: m, n in 2..12, k in 1..min(m, n), a data seed. */
function cases(missing: number): fc.Arbitrary<Case> {
  return fc
    .record({ m: fc.integer({ min: 2, max: 12 }), n: fc.integer({ min: 2, max: 12 }), seed: fc.integer({ min: 0, max: 1e6 }) })
    .chain((c) => fc.record({ k: fc.integer({ min: 1, max: Math.min(c.m, c.n) }) }).map(({ k }) => ({ ...c, k, missing })));
}

function options(algorithm: AlgorithmId, c: Case, more: Partial<FactorOptions> = {}): FactorOptions {
  return { ...DEFAULT_OPTIONS, algorithm, rank: c.k, seed: c.seed, maxIter: ITERATIONS, tol: 0, params: solverParams(algorithm), ...more };
}

async function start(algorithm: AlgorithmId, c: Case, more: Partial<FactorOptions> = {}) {
  const engine = await createEngineNode();
  const p = planted({ rows: c.m, cols: c.n, rank: Math.max(1, c.k - 1), seed: c.seed, noise: 0.2, missing: c.missing });
  const problem = loadProblem(engine, p.data);
  return { engine, problem, f: new Factorization(engine, problem, options(algorithm, c, more)) };
}

const RUNS = { seed: 20261126, numRuns: 12 };

for (const info of SOLVERS) {
  const masks = info.maskUnsupported ? [0] : [0, 0.3];
  for (const missing of masks) {
    const data = missing ? 'with missing entries' : 'fully observed';

    describe(`${info.id}, ${data}`, () => {
      it('keeps W, H ≥ 0 (and finite) after every iteration', async () => {
        await fc.assert(
          fc.asyncProperty(cases(missing), async (c) => {
            const { engine, f } = await start(info.id, c);
            for (let t = 0; t < ITERATIONS; t++) {
              f.step();
              for (const X of [f.W, f.H]) {
                const x = engine.view(X);
                const bad = x.findIndex((v) => !(v >= 0 && v < Infinity));
                expect(bad, `iteration ${t + 1}: entry ${bad} = ${x[bad]}`).toBe(-1);
              }
            }
          }),
          RUNS,
        );
      });

      if (info.monotone) {
        it('never increases its objective (up to rounding)', async () => {
          await fc.assert(
            fc.asyncProperty(cases(missing), async (c) => {
              const { f } = await start(info.id, c);
              const sumV = f.problem.meanV * f.problem.observed;
              let prev = f.objectiveValue;
              for (let t = 0; t < ITERATIONS; t++) {
                f.step();
                const slack =
                  ROUNDING * Math.abs(prev) +
                  FLOOR * f.problem.normV2 +
                  roundingFloor(info.objective, prev, f.problem.normV2, sumV) +
                  epsilonFloor(info.id, c.m, c.n);
                expect(f.objectiveValue, `iteration ${t + 1}`).toBeLessThanOrEqual(prev + slack);
                prev = f.objectiveValue;
              }
            }),
            RUNS,
          );
        });
      }

      it('gives identical histories and factors for the same seed', async () => {
        const c = { m: 9, n: 7, k: 3, seed: 11, missing };
        const runs = [];
        for (let r = 0; r < 2; r++) {
          const { engine, f } = await start(info.id, c);
          while (!f.stop) f.step();
          runs.push({
            history: f.history,
            objective: f.objectiveHistory,
            W: Array.from(engine.view(f.W)),
            H: Array.from(engine.view(f.H)),
          });
        }
        expect(runs[1]).toEqual(runs[0]);
      });

      it('starts from different random factors for different seeds, and ends elsewhere', async () => {
        const c = { m: 9, n: 7, k: 3, seed: 11, missing };
        const a = await start(info.id, c, { seed: 1 });
        const b = await start(info.id, c, { seed: 2 });
        expect(Array.from(b.engine.view(b.f.W))).not.toEqual(Array.from(a.engine.view(a.f.W)));
        expect(Array.from(b.engine.view(b.f.H))).not.toEqual(Array.from(a.engine.view(a.f.H)));
        for (let t = 0; t < 5; t++) {
          a.f.step();
          b.f.step();
        }
        expect(b.f.history).not.toEqual(a.f.history);
      });

      it('allocates nothing while iterating', async () => {
        const { engine, f } = await start(info.id, { m: 8, n: 6, k: 2, seed: 3, missing });
        const used = engine.used;
        for (let t = 0; t < 5; t++) f.step();
        expect(engine.used).toBe(used);
      });

      it('keeps the best of several restarts, reproducible from its seed', async () => {
        const engine = await createEngineNode();
        const p = planted({ rows: 10, cols: 8, rank: 3, seed: 5, noise: 0.3, missing });
        const problem = loadProblem(engine, p.data);
        const c = { m: 10, n: 8, k: 3, seed: 40, missing };
        const run = factorize(engine, problem, options(info.id, c, { restarts: 4 }));
        expect(run.restarts.map((r) => r.seed)).toEqual([40, 41, 42, 43]);
        const objectives = run.restarts.map((r) => r.objective);
        expect(run.objective).toBe(Math.min(...objectives));
        expect(run.seed).toBe(40 + objectives.indexOf(run.objective));
        expect(new Set(objectives).size).toBeGreaterThan(1); // the seeds did make a difference

        const again = factorize(engine, problem, options(info.id, c, { seed: run.seed }));
        expect(again.history).toEqual(run.history);
        expect(again.objective).toBe(run.objective);
        expect(again.W.data).toEqual(run.W.data);
        expect(again.H.data).toEqual(run.H.data);
      });
    });
  }
}
