// bench/sklearn.ts's pieces: the target arithmetic and table, the "skipped: …" paths of the
// python side, and (when Debian's python3 has scikit-learn) the claims the bench rests on:
// V, W0, H0 arrive intact, sklearn's chained trajectory is its max_iter=N run bit for bit, and
// sklearn on Vᵀ (H updated before W) follows our hals and mu iteration by iteration.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bestOf,
  elementwiseMin,
  firstReaching,
  formatRows,
  marginLabel,
  maxRelDiff,
  medianStep,
  ratioOf,
  targetsFrom,
} from '../bench/sklearn-compare.js';
import { benchOptions, randomStart, runOurs } from '../bench/sklearn-ours.js';
import { DEFAULT_PYTHON, SklearnProcess } from '../bench/sklearn-python.js';
import { loadProblem } from '../src/core/problem.js';
import { lowRank } from '../src/data/generate.js';
import { createEngineNode } from '../src/wasm/node.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nmf-bench-sklearn-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('targets and times to target', () => {
  it('firstReaching: the 1-based iteration of the first error at or below the target, 0 when none is', () => {
    const errors = [0.5, 0.3, 0.2, 0.2, 0.1];
    expect(firstReaching(errors, 0.2)).toBe(3);
    expect(firstReaching(errors, 0.25)).toBe(3);
    expect(firstReaching(errors, 0.6)).toBe(1);
    expect(firstReaching(errors, 0.1)).toBe(5);
    expect(firstReaching(errors, 0.09)).toBe(0);
    expect(firstReaching([], 1)).toBe(0);
  });

  it('targets are the best error of either side times 1.1, 1.01, 1.001', () => {
    const best = bestOf([0.4, 0.21, 0.2], [0.5, 0.25, 0.19]);
    expect(best).toBe(0.19);
    const t = targetsFrom(best);
    expect(t.map((x) => x.margin)).toEqual([0.1, 0.01, 0.001]);
    expect(t.map((x) => x.target)).toEqual([0.19 * 1.1, 0.19 * 1.01, 0.19 * 1.001]);
    expect(t.map((x) => marginLabel(x.margin))).toEqual(['+10%', '+1%', '+0.1%']);
  });

  it('maxRelDiff: the worst |a−b|/b over the common length and where it is; 0 for identical histories', () => {
    expect(maxRelDiff([1, 2, 3], [1, 2, 3])).toEqual({ value: 0, iteration: 0 });
    const d = maxRelDiff([1, 2.2, 3.3, 9], [1, 2, 3]);
    expect(d.iteration).toBe(2);
    expect(d.value).toBeCloseTo(0.1, 12);
  });

  it('medianStep: the median time between consecutive iterations; elementwiseMin keeps the fastest run per iteration', () => {
    expect(medianStep([1, 3, 4, 8])).toBe(2);
    expect(medianStep([1, 3, 4, 8, 9])).toBe(1.5);
    expect(medianStep([0.5])).toBe(0.5);
    expect(
      elementwiseMin([
        [1, 5, 9],
        [2, 4, 10],
      ]),
    ).toEqual([1, 4, 9]);
  });

  it('the table: aligned columns, ratio ours/sklearn, "—" where a side did not reach the target', () => {
    const rows = [
      { margin: 0.1, target: 0.11, ours: { iteration: 12, seconds: 1.5 }, sklearn: { iteration: 10, seconds: 0.25 } },
      { margin: 0.001, target: 0.1001, ours: null, sklearn: { iteration: 40, seconds: 0.875 } },
    ];
    expect(ratioOf(rows[0])).toBe(6);
    expect(ratioOf(rows[1])).toBeNull();
    expect(formatRows(rows)).toEqual([
      'target  relError ≤  ours it  ours s  sklearn it  sklearn s  ours/sklearn',
      '+10%    0.110000         12    1.50          10      0.250          6.00',
      '+0.1%   0.100100          —       —          40      0.875             —',
    ]);
  });
});

describe('without scikit-learn the bench says "skipped: …"', () => {
  function fakePython(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('names the missing python', async () => {
    const r = await SklearnProcess.start('/nonexistent/python3');
    expect(r).toEqual({
      skip: 'skipped: /nonexistent/python3 not found, so scikit-learn cannot run (Debian: apt-get install -y python3-sklearn)',
    });
  });

  it("passes on the script's own reason when sklearn does not import", async () => {
    const python = fakePython('no-sklearn', `echo '{"skip": "No module named sklearn"}'`);
    expect(await SklearnProcess.start(python)).toEqual({ skip: 'skipped: scikit-learn is not available: No module named sklearn' });
  });

  it('quotes the last line of stderr when python exits without answering', async () => {
    const python = fakePython('crash', 'echo "Traceback (most recent call last):" >&2; echo "SyntaxError: bad" >&2; exit 1');
    const r = await SklearnProcess.start(python, '/some/script.py');
    expect(r).toEqual({ skip: `skipped: ${python} /some/script.py exited before answering: SyntaxError: bad` });
  });

  it.skipIf(!existsSync(DEFAULT_PYTHON))(
    'the real script, with sklearn shadowed by a package that fails to import, asks to install it',
    async () => {
      mkdirSync(join(dir, 'shadow', 'sklearn'), { recursive: true });
      writeFileSync(join(dir, 'shadow', 'sklearn', '__init__.py'), 'raise ImportError("sklearn shadowed by the test")\n');
      const saved = process.env.PYTHONPATH;
      process.env.PYTHONPATH = join(dir, 'shadow');
      try {
        const r = await SklearnProcess.start();
        expect(r).toHaveProperty('skip');
        const { skip } = r as { skip: string };
        expect(skip.startsWith('skipped: scikit-learn is not available: ')).toBe(true);
        expect(skip.endsWith(`(under ${DEFAULT_PYTHON}; Debian: apt-get install -y python3-sklearn)`)).toBe(true);
      } finally {
        if (saved === undefined) delete process.env.PYTHONPATH;
        else process.env.PYTHONPATH = saved;
      }
    },
  );
});

const hasSklearn = spawnSync(DEFAULT_PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!hasSklearn)('bench/sklearn_nmf.py against our solvers (Debian python3-sklearn installed)', () => {
  const m = 40;
  const n = 30;
  const k = 3;
  const iterations = 30;

  it('same numbers in, sklearn on Vᵀ follows our hals and mu, timed fits reproduce the trajectory', async () => {
    const data = lowRank({ rows: m, cols: n, rank: k, noise: 0.1, seed: 2 });
    const engine = await createEngineNode();
    const problem = loadProblem(engine, data);
    const start = randomStart(engine, problem, k, 3);
    for (const [name, x] of [
      ['V', data.values],
      ['W0', start.W0.data],
      ['H0', start.H0.data],
    ] as const) {
      writeFileSync(join(dir, `${name}.f64`), new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    }
    const py = await SklearnProcess.start();
    if (!(py instanceof SklearnProcess)) throw new Error(py.skip);
    try {
      expect(py.versions.pools.every((p) => p.num_threads === 1)).toBe(true);
      const loaded = await py.load(dir, m, n, k);
      const hals = runOurs(engine, problem, benchOptions('hals', 'given', k, iterations, 3, start));
      expect(loaded.normV).toBeCloseTo(Math.sqrt(problem.normV2), 10);
      expect(Math.abs(loaded.initRelError - hals.initRelError)).toBeLessThan(1e-13);

      const cdT = await py.trajectory('cd', 'custom', iterations, true);
      expect(cdT.relErrors).toHaveLength(iterations);
      expect(maxRelDiff(hals.relErrors, cdT.relErrors).value).toBeLessThan(1e-9);
      const mu = runOurs(engine, problem, benchOptions('mu', 'given', k, iterations, 3, start));
      const muT = await py.trajectory('mu', 'custom', iterations, true);
      expect(maxRelDiff(mu.relErrors, muT.relErrors).value).toBeLessThan(1e-9);

      // sklearn's own order (W first) is another trajectory: different errors, both decreasing
      const cd = await py.trajectory('cd', 'custom', iterations);
      expect(cd.relErrors[0]).not.toBeCloseTo(hals.relErrors[0], 6);
      for (let i = 1; i < iterations; i++) expect(cd.relErrors[i]).toBeLessThanOrEqual(cd.relErrors[i - 1] * (1 + 1e-12));
      const timed = await py.time('cd', 'custom', 17, 1);
      expect(timed.matchesTrajectory).toBe(true);
      expect(timed.relError).toBe(cd.relErrors[16]);
      expect(timed.seconds).toBeGreaterThan(0);
      expect(timed.cpuSeconds).toBeGreaterThan(0);
      expect(hals.cpuSeconds).toHaveLength(iterations);

      const own = await py.trajectory('cd', 'nndsvda', 2);
      const ours = runOurs(engine, problem, benchOptions('hals', 'nndsvda', k, 1, 3));
      expect(own.initRelError).toBeCloseTo(ours.initRelError, 6);
    } finally {
      await py.close();
    }
  });
});
