// Same numbers in Node and in Chromium: runs chosen through the UI, their W.csv, H.csv and
// history.csv downloaded, and compared bit for bit (parsed, then exact equality) with the same
// runs done here in Node with the same engine (src/, build/kernels.wasm).
import { loadProblem } from '../src/core/problem.js';
import { exampleInfo } from '../src/data/examples.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, solverParams } from '../src/driver/options.js';
import type { InitId } from '../src/init/types.js';
import { SOLVERS } from '../src/solvers/registry.js';
import type { AlgorithmId } from '../src/solvers/types.js';
import { createEngineNode } from '../src/wasm/node.js';
import { download, readCsv, readHistory } from './downloads.js';
import { test, expect } from './fixtures.js';

const ITERATIONS = 25;
const SEED = 7;

/** The same run in Node: W, H and the relative-error history after it stopped. */
async function nodeRun(example: string, algorithm: AlgorithmId, init: InitId, rank: number) {
  const engine = await createEngineNode();
  const problem = loadProblem(engine, exampleInfo(example).make());
  const f = new Factorization(engine, problem, {
    ...DEFAULT_OPTIONS,
    algorithm,
    init,
    rank,
    params: solverParams(algorithm),
    seed: SEED,
    maxIter: ITERATIONS,
    tol: 0,
    target: 0,
    restarts: 1,
  });
  while (!f.stop) f.step();
  return { W: f.factorW().slice(), H: f.factorH().slice(), history: Array.from(f.history), iterations: f.iteration };
}

const CASES: { example: string; exampleLabel: RegExp; init: InitId; initLabel: string; algorithms: readonly AlgorithmId[] }[] = [
  // Missing entries (three in four), every algorithm.
  { example: 'ratings', exampleLabel: /^Ratings/, init: 'random', initLabel: 'Random', algorithms: SOLVERS.map((s) => s.id) },
  // Complete data from an SVD start.
  { example: 'lowrank', exampleLabel: /^Low-rank/, init: 'nndsvda', initLabel: 'NNDSVDa', algorithms: ['hals', 'kl'] },
];

for (const c of CASES) {
  test(`${c.example} (${c.init} start): every algorithm gives bit-identical W, H and history in Chromium and Node`, async ({
    app,
    page,
  }) => {
    test.setTimeout(120_000);
    await app.open();
    const label = (await app.field('Example').locator('option').allTextContents()).find((l) => c.exampleLabel.test(l))!;
    await app.field('Example').selectOption({ label });
    // the example's own rank shown in the Rank box says its load has been applied (a "Ready" status
    // may still be the previous example's)
    const rank = exampleInfo(c.example).rank;
    await expect(app.rankBox()).toHaveValue(String(rank));
    await app.waitFor('Ready');
    await app.field('Initialization').selectOption({ label: c.initLabel });
    await app.setNumber('Seed', SEED);
    await app.setNumber('Max iterations', ITERATIONS);
    await app.setNumber('Tolerance', 0);
    for (const algorithm of c.algorithms) {
      await app.chooseAlgorithm(SOLVERS.find((s) => s.id === algorithm)!.label);
      await app.waitFor('Ready');
      await app.button('Run').click();
      const stopped = await app.waitFor('Stopped', 30_000);
      const node = await nodeRun(c.example, algorithm, c.init, rank);
      expect(stopped.iteration, algorithm).toBe(node.iterations);

      const W = readCsv((await download(page, 'W.csv')).text);
      const H = readCsv((await download(page, 'H.csv')).text);
      const history = readHistory((await download(page, 'history.csv')).text);
      expect([W.rows, W.cols, H.rows, H.cols], algorithm).toEqual([node.W.length / rank, rank, rank, node.H.length / rank]);
      // Exact equality of every entry (toEqual on arrays of numbers compares with Object.is).
      expect(Array.from(W.values), `${algorithm}: W`).toEqual(Array.from(node.W));
      expect(Array.from(H.values), `${algorithm}: H`).toEqual(Array.from(node.H));
      expect(history, `${algorithm}: history`).toEqual(node.history);
    }
  });
}
