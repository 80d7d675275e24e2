// The state of the Explore rank sweep on the page and its reducer: the ranks surveyed so far (they
// stay when the sweep is cancelled), where it stands, and the words the view shows for that (the
// progress bar's label, the time left). Pure: no worker, no DOM.
import type { RunOptions } from '../../../src/driver/options.js';
import type { RankSurvey } from '../../../src/rank/survey.js';
import type { ExploreStep } from './exploreJob.js';
import type { ExploreSettings } from './settings.js';

/** idle: never started (or cleared); running: its job is on; the rest say how it ended. */
export type SweepPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** What a sweep was started with: its settings and options, and the matrix it surveys. */
export interface SweepRun {
  readonly settings: ExploreSettings;
  readonly base: RunOptions;
  readonly dataName: string;
}

/** Where a sweep stands: what its last step said. */
export interface SweepProgress {
  readonly rank: number;
  readonly restart: number;
  readonly restartsDone: number;
  readonly restartsTotal: number;
  readonly workDone: number;
  readonly workTotal: number;
  readonly elapsedMs: number;
}

export interface SweepState {
  /** The job whose steps are taken (0: none). */
  readonly jobId: number;
  readonly phase: SweepPhase;
  readonly run: SweepRun | null;
  /** The ranks surveyed so far, in rank order. */
  readonly ranks: readonly RankSurvey[];
  readonly progress: SweepProgress | null;
  /** Why the sweep ended when it did not finish (cancelled, failed), or why the results were cleared. */
  readonly message: string | null;
}

export type SweepAction =
  | { readonly type: 'started'; readonly jobId: number; readonly run: SweepRun }
  | { readonly type: 'step'; readonly jobId: number; readonly step: ExploreStep }
  | { readonly type: 'done'; readonly jobId: number }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string }
  /** The running sweep stopped (Cancel); what it computed stays. */
  | { readonly type: 'cancelled'; readonly message: string }
  /** The results no longer describe the data (it changed): gone, with the reason. */
  | { readonly type: 'cleared'; readonly message: string };

/** No sweep yet. */
export function idleSweep(): SweepState {
  return { jobId: 0, phase: 'idle', run: null, ranks: [], progress: null, message: null };
}

/** The next sweep state after `a`; steps of any job but the current one are dropped. */
export function reduceSweep(s: SweepState, a: SweepAction): SweepState {
  switch (a.type) {
    case 'started':
      return { jobId: a.jobId, phase: 'running', run: a.run, ranks: [], progress: null, message: null };
    case 'step': {
      if (a.jobId !== s.jobId || s.phase !== 'running') return s;
      const { finishedRank, ...progress } = a.step;
      return { ...s, progress, ranks: finishedRank ? [...s.ranks, finishedRank] : s.ranks };
    }
    case 'done':
      return a.jobId === s.jobId && s.phase === 'running' ? { ...s, phase: 'done' } : s;
    case 'failed':
      return a.jobId === s.jobId && s.phase === 'running' ? { ...s, phase: 'failed', message: a.message } : s;
    case 'cancelled':
      return s.phase === 'running' ? { ...s, phase: 'cancelled', message: a.message } : s;
    case 'cleared':
      return s.phase === 'idle' && s.message === a.message ? s : { ...idleSweep(), message: a.message };
  }
}

/** The restart the sweep works on after `p` (0-based), or null when `p` was the last; before any step, the first. */
export function nextRestart(p: SweepProgress | null, settings: ExploreSettings): { rank: number; restart: number } | null {
  if (!p) return { rank: settings.lowest, restart: 0 };
  if (p.restartsDone >= p.restartsTotal) return null;
  return p.restart + 1 < settings.restarts ? { rank: p.rank, restart: p.restart + 1 } : { rank: p.rank + 1, restart: 0 };
}

/** The progress bar's label: the rank and restart being worked on, or how the sweep ended. */
export function progressLabel(s: SweepState): string {
  const run = s.run;
  if (!run) return 'No sweep yet';
  const { lowest, highest, restarts } = run.settings;
  const next = nextRestart(s.progress, run.settings);
  const at = next ? `rank ${next.rank}, restart ${next.restart + 1} of ${restarts}` : '';
  switch (s.phase) {
    case 'idle':
      return 'No sweep yet';
    case 'running':
      return next ? `Rank ${next.rank}, restart ${next.restart + 1} of ${restarts}` : 'Finishing';
    case 'done':
      return `Done: ranks ${lowest} to ${highest}, ${restarts} ${restarts === 1 ? 'restart' : 'restarts'} each`;
    case 'cancelled':
      return next ? `Cancelled at ${at}` : 'Cancelled';
    case 'failed':
      return next ? `Failed at ${at}` : 'Failed';
  }
}

/** Fraction of the work done, 0..1. */
export function workFraction(p: SweepProgress | null): number {
  return p && p.workTotal > 0 ? p.workDone / p.workTotal : 0;
}

/**
 * Seconds left, estimated from the work done so far at the pace so far (a restart at rank k
 * costs about k times one at rank 1): elapsed · (total − done) / done; null before any work.
 */
export function secondsLeft(p: SweepProgress | null): number | null {
  if (!p || !(p.workDone > 0)) return null;
  return ((p.elapsedMs / 1000) * (p.workTotal - p.workDone)) / p.workDone;
}

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left"; "estimating the time left…" for null. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'estimating the time left…';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** "12.3 s" for the time a finished sweep took. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const whole = Math.round(s);
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
