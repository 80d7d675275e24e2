// Timing of the truncated SVD and the NNDSVD initialization on 2000×1000, k = 20 (not a test).
// Run: npx tsx bench/nndsvd.ts [m] [n] [k]
// Two matrices, both seeded: a synthetic rank-k matrix plus 1% noise (the design's
// benchmark problem), where the subspace iteration converges in a few rounds, and a uniform
// random one (a flat spectrum after σ₁), where it runs to its cap of SVD_MAX_ITER rounds.
import { loadProblem, type DataMatrix } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { planted } from '../src/data/generate.js';
import { initInfo } from '../src/init/registry.js';
import { truncatedSvd } from '../src/init/svd.js';
import { createEngineNode } from '../src/wasm/node.js';

const [m, n, k] = process.argv
  .slice(2)
  .map(Number)
  .concat([2000, 1000, 20].slice(process.argv.length - 2));

/** A planted rank-k matrix plus 1% noise (src/data/generate.ts planted). */
function lowRankPlusNoise(seed: number): DataMatrix {
  return planted({ rows: m, cols: n, rank: k, seed, noise: 0.01 }).data;
}

function uniform(seed: number): DataMatrix {
  const rng = new Rng(seed);
  return { rows: m, cols: n, values: Float64Array.from({ length: m * n }, () => rng.next()) };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`truncated SVD and NNDSVD on ${m}×${n}, k = ${k} (median of 3 runs each)`);
for (const [name, data] of [
  ['rank-k + noise', lowRankPlusNoise(1)],
  ['uniform random', uniform(2)],
] as const) {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, data);
  const svdTimes: number[] = [];
  const initTimes: number[] = [];
  let info = '';
  for (let run = 0; run < 3; run++) {
    const mark = engine.mark();
    let t0 = performance.now();
    const svd = truncatedSvd(engine, problem.V, k);
    svdTimes.push(performance.now() - t0);
    info = `${svd.iterations} rounds, stop ${svd.stop}, residual ${svd.residual.toExponential(1)}·σ₁`;
    engine.release(mark);
    const W = engine.mat(m, k);
    const H = engine.mat(k, n);
    t0 = performance.now();
    initInfo('nndsvd').run({ engine, problem, k, W, H, rng: new Rng(1) });
    initTimes.push(performance.now() - t0);
    engine.release(mark);
  }
  const median = (x: number[]) => x.sort((a, b) => a - b)[1];
  console.log(`  ${name.padEnd(15)} SVD ${fmt(median(svdTimes))}  NNDSVD init ${fmt(median(initTimes))}  (${info})`);
}
