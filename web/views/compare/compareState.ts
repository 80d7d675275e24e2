// What the Compare algorithms view shows, and the one function that folds the worker's updates
// into it. Pure (no DOM, no worker): the view and the Node tests use it.
import type { Stop } from '../../../src/driver/factorization.js';
import { solverInfo } from '../../../src/solvers/registry.js';
import type { AlgorithmId } from '../../../src/solvers/types.js';
import type { CompareEvent } from './protocol.js';

/** One algorithm of the comparison as the table and the plot show it. */
export interface CompareRow {
  readonly algorithm: AlgorithmId;
  /** Its menu label (the legend entry and the table's first column). */
  readonly label: string;
  readonly initial: number | null;
  /** Relative error after iterations 1, 2, …. */
  readonly history: readonly number[];
  /** Its own iterating time (s) after iterations 1, 2, …. */
  readonly seconds: readonly number[];
  readonly iteration: number;
  readonly stop: Stop | null;
  readonly failure: string | null;
}

/** 'idle' = nothing compared yet; 'running' / 'paused' = a race in the worker; 'done' = all stopped. */
export type ComparePhase = 'idle' | 'running' | 'paused' | 'done';

export interface CompareState {
  readonly phase: ComparePhase;
  readonly rows: readonly CompareRow[];
  /** The whole job failed (e.g. the data could not be made): a sentence for the user. */
  readonly error: string | null;
}

export const IDLE: CompareState = { phase: 'idle', rows: [], error: null };

/** The state of a race just started for `algorithms` (rows empty until the worker reports). */
export function started(algorithms: readonly AlgorithmId[]): CompareState {
  return {
    phase: 'running',
    error: null,
    rows: algorithms.map((algorithm) => ({
      algorithm,
      label: solverInfo(algorithm).label,
      initial: null,
      history: [],
      seconds: [],
      iteration: 0,
      stop: null,
      failure: null,
    })),
  };
}

/** `s` with the worker's update `ev` applied (points appended where each row's last update ended). */
export function applyUpdate(s: CompareState, ev: CompareEvent): CompareState {
  const rows = s.rows.map((row) => {
    const u = ev.rows.find((r) => r.algorithm === row.algorithm);
    if (!u) return row;
    return {
      ...row,
      initial: u.initial,
      history: row.history.slice(0, u.from).concat(u.history),
      seconds: row.seconds.slice(0, u.from).concat(u.seconds),
      iteration: u.iteration,
      stop: u.stop,
      failure: u.failure,
    };
  });
  return { ...s, rows, phase: ev.done ? 'done' : s.phase };
}

/** The Stop reason cell: the failure, the stop's message, or that it is still going. */
export function stopText(row: CompareRow): string {
  if (row.failure) return row.failure;
  if (row.stop) return row.stop.message;
  return row.iteration > 0 ? 'running…' : 'starting…';
}

/** The Final error cell: relative error after the last iteration (of W0, H0 before any), 4 digits. */
export function finalErrorText(row: CompareRow): string {
  const v = row.history.length ? row.history[row.history.length - 1] : row.initial;
  return v === null ? '—' : Number.isFinite(v) ? v.toPrecision(4) : String(v);
}

/** The Time cell: the algorithm's own iterating time. */
export function timeText(row: CompareRow): string {
  const t = row.seconds.length ? row.seconds[row.seconds.length - 1] : 0;
  return t < 1 ? `${(t * 1000).toFixed(1)} ms` : `${t.toFixed(2)} s`;
}
