// `npm run bench`: kernel GFLOP/s in wasm, in the plain-TypeScript loop and in numpy
// (single-thread OpenBLAS, same run), then each solver's ms per iteration. See bench/README.md.
//   npm run bench                     everything (a few minutes; sklearn and quality last)
//   npm run bench -- kernels solvers  only some sections (kernels, numpy, sweep, solvers, checks, periter, sklearn, quality)
// The sklearn section runs bench/sklearn.ts (time to a relative error against scikit-learn); the quality
// section bench/quality.ts (time to quality per solver × init against RcppML and scikit-learn, and its plot).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { createEngineNode } from '../src/wasm/node.js';
import { kernelCases } from './kernels.js';
import { measureNumpy, shapeKey } from './numpy.js';
import { measureCheckCost } from './ops-checks.js';
import { perIteration, perIterationArgs } from './per-iteration.js';
import { timeToQuality } from './quality.js';
import { plantedData, timeSolvers } from './solvers.js';
import { SWEEP_PRODUCTS, SWEEP_RANKS, sweepProducts } from './sweep.js';
import { bestMs, gflops, KERNEL_REPS, TS_REPS } from './timing.js';

/** The problems of the brief: V (m×n) and rank k. */
const SHAPES = [
  [500, 400, 10],
  [2000, 1000, 20],
] as const;

/** The targets: every dense product ≥ 0.8 of numpy at both shapes (issue 10); WᵀV and VHᵀ ≥ 20× the TS loop. */
const TARGET_VS_NUMPY = 0.8;
const TARGET_VS_TS = 20;

/** V of the rank sweep (m×n). */
const SWEEP_SHAPE = [2000, 1000] as const;

const args = process.argv.slice(2);
const want = (section: string) => args.length === 0 || args.includes(section);

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function num(x: number | undefined, digits = 2): string {
  return x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

function header(): void {
  const cpu = os.cpus();
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'} ×${cpu.length}, ${os.platform()} ${os.release()}, ` +
      `node ${process.version}, V8 ${process.versions.v8}, load ${os.loadavg()[0].toFixed(2)}, ${new Date().toISOString()}`,
  );
  console.log('times: process CPU time, best of several calls after a warm-up (time spent waiting for a shared core is not counted)');
}

async function main(): Promise<void> {
  const started = performance.now();
  header();
  // numpy is measured shape by shape next to our own figures: the machine's speed drifts
  let said = false;
  const numpyAt = (m: number, n: number, k: number): Record<string, number> | undefined => {
    if (!(want('numpy') || want('kernels') || want('sweep'))) return undefined;
    const r = measureNumpy([[m, n, k]]);
    if (!said)
      console.log(
        'missing' in r ? `numpy: skipped (${r.missing})` : `numpy: ${r.numpy} (python ${r.python}, ${r.blas}), OPENBLAS_NUM_THREADS=1`,
      );
    said = true;
    return 'missing' in r ? undefined : r.results[shapeKey(m, n, k)];
  };
  const checks: string[] = [];
  if (want('numpy') && !want('kernels') && !want('sweep')) {
    for (const [m, n, k] of SHAPES) {
      const r = numpyAt(m, n, k);
      if (r)
        console.log(
          `numpy, V ${m}×${n}, k = ${k} (GFLOP/s): ${Object.entries(r)
            .map(([p, g]) => `${p} ${num(g)}`)
            .join(', ')}`,
        );
    }
  }
  if (want('kernels')) {
    for (const [m, n, k] of SHAPES) {
      const engine = await createEngineNode();
      const npShape = numpyAt(m, n, k);
      console.log(`\nkernels, V ${m}×${n}, k = ${k} (GFLOP/s)`);
      console.log(
        [
          pad('kernel', 17),
          pad('computes', 22),
          pad('wasm', 7, true),
          pad('TS', 7, true),
          pad('wasm/TS', 8, true),
          pad('numpy', 7, true),
          pad('wasm/np', 8, true),
        ].join(' '),
      );
      for (const c of kernelCases(engine, m, n, k)) {
        const w = gflops(c.flops, bestMs(c.wasm, KERNEL_REPS));
        const t = c.ts ? gflops(c.flops, bestMs(c.ts, TS_REPS)) : Number.NaN;
        const ref = c.numpy && npShape ? npShape[c.numpy] : undefined;
        console.log(
          [
            pad(c.kernel, 17),
            pad(c.what, 22),
            pad(num(w), 7, true),
            pad(c.ts ? num(t) : '—', 7, true),
            pad(c.ts ? `${num(w / t, 1)}×` : '—', 8, true),
            pad(num(ref), 7, true),
            pad(ref ? num(w / ref) : '—', 8, true),
          ].join(' '),
        );
        if (c.numpy) {
          const vsNp = ref
            ? `${num(w / ref)} of numpy (target ≥ ${TARGET_VS_NUMPY}: ${w / ref >= TARGET_VS_NUMPY ? 'met' : 'not met'})`
            : 'numpy not measured';
          const vsTs =
            c.numpy === 'WtV' || c.numpy === 'VHt'
              ? `; ${num(w / t, 1)}× the TS loop (target ≥ ${TARGET_VS_TS}: ${w / t >= TARGET_VS_TS ? 'met' : 'not met'})`
              : '';
          checks.push(`${c.kernel} ${c.what} ${m}×${n} k=${k}: ${num(w)} GFLOP/s, ${vsNp}${vsTs}`);
        }
      }
    }
  }
  if (want('sweep')) {
    const [m, n] = SWEEP_SHAPE;
    const engine = await createEngineNode();
    console.log(
      `\nrank sweep, V ${m}×${n}: GFLOP/s of wasm / numpy (ratio) per product; wasm the better of a run before and after numpy's`,
    );
    console.log([pad('k', 3, true), ...SWEEP_PRODUCTS.map((p) => pad(p, 17, true))].join(' '));
    for (const k of SWEEP_RANKS) {
      const before = sweepProducts(engine, m, n, k);
      const ref = numpyAt(m, n, k);
      const after = sweepProducts(engine, m, n, k);
      const ours = Object.fromEntries(SWEEP_PRODUCTS.map((p) => [p, Math.max(before[p], after[p])])) as typeof before;
      const cell = (p: (typeof SWEEP_PRODUCTS)[number]) =>
        ref ? `${num(ours[p], 1)}/${num(ref[p], 1)} ${num(ours[p] / ref[p])}` : `${num(ours[p], 1)}/—`;
      console.log([pad(String(k), 3, true), ...SWEEP_PRODUCTS.map((p) => pad(cell(p), 17, true))].join(' '));
    }
  }
  if (want('solvers')) {
    const engine = await createEngineNode();
    for (const [m, n, k] of SHAPES) {
      for (const missing of [0, 0.3]) {
        const what = missing ? `, ${missing * 100}% missing` : ', fully observed';
        console.log(`\nsolvers, planted rank ${k}, V ${m}×${n}${what} (ms per iteration incl. the error, through Factorization)`);
        console.log([pad('solver', 9), pad('best', 9, true), pad('median', 9, true), pad('iters', 6, true)].join(' '));
        for (const s of timeSolvers(engine, plantedData(m, n, k, missing), k)) {
          if (s.skipped) console.log(`${pad(s.id, 9)} skipped: ${s.skipped}`);
          else
            console.log(
              [pad(s.id, 9), pad(num(s.best), 9, true), pad(num(s.median), 9, true), pad(String(s.iterations), 6, true)].join(' '),
            );
        }
      }
    }
  }
  if (want('checks')) {
    console.log('\nshape checks of the typed ops: µs per iteration through Factorization, checks on / off (alternating batches)');
    console.log([pad('solver', 8), pad('shape', 14), pad('on', 9, true), pad('off', 9, true), pad('cost', 8, true)].join(' '));
    for (const c of await measureCheckCost()) {
      const cost = `${num(100 * (c.checkedUs / c.uncheckedUs - 1), 1)}%`;
      console.log(
        [pad(c.algorithm, 8), pad(c.shape, 14), pad(num(c.checkedUs), 9, true), pad(num(c.uncheckedUs), 9, true), pad(cost, 8, true)].join(
          ' ',
        ),
      );
    }
  }
  if (want('periter')) await perIteration([await createEngineNode()], perIterationArgs([]));
  if (checks.length) {
    console.log('\ntargets (dense products at both shapes):');
    for (const c of checks) console.log(`  ${c}`);
  }
  console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (want('sklearn')) {
    console.log('\nscikit-learn comparison (bench/sklearn.ts)');
    const tsx = new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [tsx, new URL('./sklearn.ts', import.meta.url).pathname], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
  if (want('quality')) await timeToQuality();
}

await main();
