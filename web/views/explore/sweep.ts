// The page side of the Explore rank sweep: starts the survey of the current data in its job
// worker, turns its steps into sweep state, cancels it (what was computed stays) and clears it
// when the data changes. One per app store, made when the view first opens, so a sweep goes on
// while another tab is open.
import type { DataSpec } from '../../../src/data/spec.js';
import { JobLink } from '../../client/jobLink.js';
import type { Action, AppState } from '../../state/app.js';
import { createStore, type Store } from '../../state/store.js';
import type { ExploreRequest, ExploreStep } from './exploreJob.js';
import { type ExploreSettings, exploreProblem, fitExploreSettings, type SettingProblem } from './settings.js';
import { idleSweep, reduceSweep, type SweepAction, type SweepState } from './sweepState.js';

/** Said when the user cancels. */
export const CANCELLED = 'Cancelled: the ranks surveyed so far stay, and the suggestion is made from them.';
/** Said when the data changes under a sweep or its results. */
export const DATA_CHANGED = 'The data changed, so the sweep was stopped and its results, of the previous matrix, were cleared.';

/** The sweep of one app: its state, Explore and Cancel. */
export class Sweep {
  readonly store: Store<SweepState, SweepAction>;
  private readonly link: JobLink<ExploreRequest, never, ExploreStep>;
  /** The data the results describe (or the sweep will, once started). */
  private spec: DataSpec | null;

  constructor(
    private readonly app: Store<AppState, Action>,
    spawn: () => Worker,
  ) {
    this.store = createStore(reduceSweep, idleSweep());
    this.link = new JobLink(spawn, {
      event: (step, jobId) => this.store.dispatch({ type: 'step', jobId, step }),
      done: (jobId) => this.store.dispatch({ type: 'done', jobId }),
      failed: (message, jobId) => this.store.dispatch({ type: 'failed', jobId, message }),
    });
    this.spec = app.getState().data?.spec ?? null;
    app.subscribe(() => this.dataChanged());
  }

  /** Starts a sweep of the current data with `settings` and the Options panel's options (a running one is replaced). */
  explore(settings: ExploreSettings): void {
    const s = this.app.getState();
    if (!s.data) return;
    this.spec = s.data.spec;
    const jobId = this.link.start({ spec: s.data.spec, settings, base: s.options });
    this.store.dispatch({ type: 'started', jobId, run: { settings, base: s.options, dataName: s.data.info.name } });
  }

  /**
   * Starts a sweep of the current data with `settings` fitted to its size (ranks lowered to
   * min(m, n)); the problem that keeps it from starting, or null when it started (or there is no data).
   */
  exploreFitted(settings: ExploreSettings): SettingProblem | null {
    const info = this.app.getState().data?.info;
    if (!info) return null;
    const { rows: m, cols: n } = info.summary;
    const fitted = fitExploreSettings(settings, m, n).settings;
    const problem = exploreProblem(fitted, m, n);
    if (!problem) this.explore(fitted);
    return problem;
  }

  /** Stops the running sweep at once; the ranks it finished stay. */
  cancel(): void {
    if (this.store.getState().phase !== 'running') return;
    this.link.cancel();
    this.store.dispatch({ type: 'cancelled', message: CANCELLED });
  }

  private dataChanged(): void {
    const spec = this.app.getState().data?.spec ?? null;
    if (spec === this.spec) return;
    this.spec = spec;
    const s = this.store.getState();
    if (s.phase === 'idle') return;
    this.link.cancel();
    this.store.dispatch({ type: 'cleared', message: DATA_CHANGED });
  }
}

const sweeps = new WeakMap<Store<AppState, Action>, Sweep>();

/** The sweep of the app whose store is `app` (made on first use). */
export function sweepOf(app: Store<AppState, Action>): Sweep {
  let s = sweeps.get(app);
  if (!s) {
    s = new Sweep(app, () => new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'explore' }));
    sweeps.set(app, s);
  }
  return s;
}
