// The files the worker builds for the page's downloads: the run's results (W, H, WH, history) and
// what the Reproduce elsewhere programs read (V, and the run's initial W0, H0), as CSV Blobs.
import type { Dense } from '../../src/core/matrix.js';
import type { DataMatrix } from '../../src/core/problem.js';
import type { AnyProblem } from '../../src/core/sparse-problem.js';
import { toCsv } from '../../src/data/csv-write.js';
import type { SparseData } from '../../src/core/sparse.js';
import { dataPieces, observedProductPieces, type ResultFile, resultFileName, resultPieces } from '../../src/data/results.js';
import { Factorization } from '../../src/driver/factorization.js';
import type { RunOptions } from '../../src/driver/options.js';
import type { Engine } from '../../src/wasm/engine.js';

/**
 * The CSV of `what` (W m×k, H k×n, WH m×n or the history from iteration 0, with the `seconds`
 * spent up to each iteration) of run `f` on `data` with `options`, and its file name (data,
 * algorithm, rank, iteration: "lowrank-60x40_hals_k4_it200_W.csv").
 */
export function resultFile(
  what: ResultFile,
  f: Factorization,
  data: Pick<DataMatrix, 'name' | 'rowLabels' | 'colLabels'>,
  options: RunOptions,
  seconds: readonly number[],
): { fileName: string; blob: Blob } {
  const pieces = resultPieces(what, {
    W: f.factorW(),
    H: f.factorH(),
    m: f.problem.m,
    k: f.k,
    n: f.problem.n,
    rowLabels: data.rowLabels,
    colLabels: data.colLabels,
    history: Array.from(f.history),
    initialRelError: f.initialRelError,
    seconds,
  });
  const about = {
    dataName: data.name ?? 'data',
    m: f.problem.m,
    n: f.problem.n,
    algorithm: options.algorithm,
    rank: f.k,
    iteration: f.iteration,
  };
  return { fileName: resultFileName(what, about), blob: new Blob(pieces, { type: 'text/csv' }) };
}

/**
 * WH of run `f` at the observed entries of the sparse V `data` (long format, nnz lines: an m×n
 * file would not fit), named like the other results with `WH-observed`.
 */
export function observedProductFile(f: Factorization, data: SparseData, options: RunOptions): { fileName: string; blob: Blob } {
  const pieces = observedProductPieces(data, f.factorW(), f.factorH(), f.k);
  const about = {
    dataName: data.name ?? 'data',
    m: data.rows,
    n: data.cols,
    algorithm: options.algorithm,
    rank: f.k,
    iteration: f.iteration,
  };
  return { fileName: resultFileName('WH-observed', about), blob: new Blob(pieces, { type: 'text/csv' }) };
}

/** V (m×n, with its labels) as the programs read it. */
export function dataFile(data: DataMatrix): Blob {
  return new Blob(dataPieces(data.values, data.rows, data.cols, data.rowLabels, data.colLabels), { type: 'text/csv' });
}

/** One initial factor (W0 m×k or H0 k×n) as CSV. */
export function factorFile(F: Dense): Blob {
  return new Blob([toCsv(F)], { type: 'text/csv' });
}

/**
 * W0 (m×k) and H0 (k×n), in the data's units, that `options` initialize on `problem`, in scratch
 * memory released after (a running factorization's own factors are not touched).
 */
export function initialFactors(engine: Engine, problem: AnyProblem, options: RunOptions): { W0: Dense; H0: Dense } {
  const mark = engine.mark();
  try {
    const f0 = new Factorization(engine, problem, { ...options, restarts: 1 });
    return {
      W0: { rows: f0.W.rows, cols: f0.W.cols, data: f0.factorW().slice() },
      H0: { rows: f0.H.rows, cols: f0.H.cols, data: f0.factorH().slice() },
    };
  } finally {
    engine.release(mark);
  }
}
