// What the worker sends the page about a run, built from the run (Factorization) and its data:
// the display snapshot (block means of W, H, WH, and the extremes or the sparse residual), the
// full factors to keep a session, and a sparse V's top predictions. Each returns the message and
// the buffers to transfer; the Session (session.ts) decides when to send them.
import type { DataMatrix } from '../../src/core/problem.js';
import type { SparseData } from '../../src/core/sparse.js';
import { topPredictionsSparse } from '../../src/data/recommend.js';
import type { Factorization } from '../../src/driver/factorization.js';
import type { Engine } from '../../src/wasm/engine.js';
import { imageColumnIndices, productColumns } from '../shared/imageColumns.js';
import type { FromWorker } from '../shared/protocol.js';
import { isSparseData } from './dataInfo.js';
import { displayFactors, negativeCounts } from './display.js';
import { wasmProductExtremes, withSampledProduct } from './productRows.js';
import { sparseResidual } from './sparseDisplay.js';

/** A message for the page and the buffers it moves. */
export interface Outgoing {
  readonly msg: FromWorker;
  readonly buffers: ArrayBuffer[];
}

/**
 * The snapshot of run `runId` for display: W, H and WH as block means; for a dense V the extremes
 * of WH and V − WH per cell (WH from the wasm gemm) and, for image data, the full W and a few
 * columns of WH; for a sparse V the residual at its observed entries only.
 */
export function snapshotMessage(f: Factorization, data: DataMatrix | SparseData | null, runId: number): Outgoing {
  const { m, n } = f.problem;
  const W = f.factorW();
  const H = f.factorH();
  const d = displayFactors(W, H, m, f.k, n);
  const sparse = data && isSparseData(data) ? data : null;
  const dense = data && !sparse ? (data as DataMatrix) : null;
  const Wfull = dense?.imageWidth ? W.slice() : undefined;
  const WHcols = dense?.imageWidth ? productColumns(W, H, m, f.k, n, imageColumnIndices(n)) : undefined;
  // W and H may be views on wasm memory, which the scratch below can grow (detaching them): read them first
  const negatives = negativeCounts(W, H);
  // extremes of WH and V − WH need every entry of WH: a sparse V gets its residual at the entries instead
  const extremes = dense ? wasmProductExtremes(f, d.WH) : null;
  const residual = sparse ? withSampledProduct(f, (wh) => sparseResidual(sparse, wh, d.WH)) : undefined;
  const buffers: ArrayBuffer[] = [d.W.data.buffer, d.H.data.buffer, d.WH.data.buffer] as ArrayBuffer[];
  if (Wfull) buffers.push(Wfull.buffer as ArrayBuffer);
  if (WHcols) buffers.push(WHcols.buffer as ArrayBuffer);
  if (extremes) for (const e of [extremes.WH, extremes.R]) buffers.push(e.min.buffer as ArrayBuffer, e.max.buffer as ArrayBuffer);
  if (residual) for (const a of [residual.means, residual.extremes.min, residual.extremes.max]) buffers.push(a.buffer as ArrayBuffer);
  const msg: FromWorker = { type: 'snapshot', runId, iteration: f.iteration, ...d, Wfull, WHcols, extremes, negatives, residual };
  return { msg, buffers };
}

/** The full W (m×k), H (k×n), history and counters of run `runId`, answering `factors` request `requestId` (copies, moved). */
export function factorsMessage(engine: Engine, f: Factorization, runId: number, requestId: number): Outgoing {
  const W = engine.copyOut(f.W);
  const H = engine.copyOut(f.H);
  const solverState = f.solverState;
  const msg: FromWorker = {
    type: 'factors',
    runId,
    requestId,
    m: f.problem.m,
    k: f.k,
    n: f.problem.n,
    W,
    H,
    iteration: f.iteration,
    history: f.history.slice(),
    initialRelError: f.initialRelError,
    stop: f.stop,
    objective: f.objectiveValue,
    ...(solverState ? { solverState } : {}),
  };
  const buffers = [W.buffer as ArrayBuffer, H.buffer as ArrayBuffer];
  if (solverState) buffers.push(solverState.buffer as ArrayBuffer);
  return { msg, buffers };
}

/** The top `count` predictions of `row` of a sparse V from the run's full W and H; throws InputError for a bad row. */
export function predictionsMessage(
  f: Factorization,
  data: SparseData,
  runId: number,
  requestId: number,
  row: number,
  count: number,
): FromWorker {
  const { m, n } = f.problem;
  const W = { rows: m, cols: f.k, data: f.factorW() };
  const H = { rows: f.k, cols: n, data: f.factorH() };
  return { type: 'predictions', runId, requestId, iteration: f.iteration, result: topPredictionsSparse(data, W, H, row, count) };
}
