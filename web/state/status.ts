// The status line's sentence for an app state: phase, iteration, relative error, iterations per
// second, a Pause pressed but not yet confirmed, on a stop the reason, restarts, and the threads
// the products run on (and float32, when they run in it). Pure (web/components/StatusBar shows it).
import { usesFloat32 } from '../../src/driver/float32.js';
import { solverInfo } from '../../src/solvers/registry.js';
import { fieldBlock, type AppState } from './app.js';
import type { RestartsProgress } from '../shared/protocol.js';

/** The status sentence for a state, the thread mode at its end once the worker has said it. */
export function statusText(s: AppState): string {
  const phase = runText(s) + restartsText(s.run.restarts);
  // a field that blocks Run is the whole message: nothing runs, on any number of threads
  const blocked = fieldBlock(s) !== null && s.run.phase !== 'running';
  return s.data && s.threads && !blocked ? `${phase} · ${threadsText(s.threads)}${precisionText(s)}` : phase;
}

/** " · float32 products" when the run's products with V are in float32: asked for, and its solver forms them on this data (usesFloat32). */
export function precisionText(s: AppState): string {
  const info = s.data?.info;
  if (s.options.precision !== 'float32' || !info || info.sparse) return '';
  return usesFloat32(s.options.algorithm, info.summary.missing > 0) ? ' · float32 products' : '';
}

/** "2 threads", "1 thread", or "1 thread (no cross-origin isolation)" when the page cannot share memory. */
export function threadsText(t: { readonly count: number; readonly isolated: boolean }): string {
  if (t.count > 1) return `${t.count} threads`;
  return t.isolated ? '1 thread' : '1 thread (no cross-origin isolation)';
}

/** Which restart is shown, for a run with restarts: " · restart 2 of 3 (seed 2)", " · best of 3 restarts (seed 2)". */
export function restartsText(r: RestartsProgress | null): string {
  if (!r) return '';
  return r.done ? ` · best of ${r.total} restarts (seed ${r.seed})` : ` · restart ${r.current + 1} of ${r.total} (seed ${r.seed})`;
}

function runText(s: AppState): string {
  const r = s.run;
  if (!s.data) return s.pendingLoad ? 'Loading the matrix…' : 'No matrix loaded.';
  const field = fieldBlock(s);
  if (field && r.phase !== 'running') return `Cannot run: ${field}. The run keeps the previous value until it is fixed.`;
  // kl minimizes the KL divergence: say that first, with the Frobenius error beside it
  const kl = solverInfo(s.options.algorithm).objective === 'kl' && r.objective !== null;
  const rel = r.relError === null ? '' : ` · relative error ${fmt(r.relError)}`;
  const neg = s.snapshot?.negatives;
  const negatives = neg && neg.W + neg.H > 0 ? ` · negative entries: ${neg.W} in W, ${neg.H} in H` : '';
  const err = (kl ? ` · KL divergence ${fmt(r.objective as number)}${rel} (Frobenius)` : rel) + negatives;
  switch (r.phase) {
    case 'starting':
      return 'Initializing W and H…';
    case 'invalid':
      return `Cannot run: ${s.optionError?.message ?? 'the options do not fit this matrix'}.`;
    case 'ready':
      return `Ready · iteration 0${err} (initial W, H)${r.why ? ` · new run: ${r.why}` : ''} · press Run or Step`;
    case 'running':
      // Pause pressed: paused at once where the user saw it (the worker takes back the steps it took after)
      if (r.intent === 'pause') return `Paused · iteration ${r.iteration}${err}`;
      return `Running · iteration ${r.iteration}${err} · ${Math.round(r.itersPerSec)} iterations/s`;
    case 'paused':
      return `Paused · iteration ${r.iteration}${err}`;
    case 'stopped':
      return `Stopped · iteration ${r.iteration}${err} · ${r.stop?.message ?? ''}`;
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(4) : String(x);
}
