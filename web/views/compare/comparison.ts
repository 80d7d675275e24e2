// The page side of Compare algorithms: its state (comparisonState.ts) in a store of its own;
// Compare starts the race in the job worker, Pause comparison / Reset comparison act on it. One per
// app store, made when the view first opens, so what was compared stays (and a race goes on) while
// another tab is open.
import { JobLink } from '../../client/jobLink.js';
import type { Action, AppState } from '../../state/app.js';
import { createStore, type Store } from '../../state/store.js';
import { type ComparisonAction, type ComparisonState, initialComparison, reduceComparison } from './comparisonState.js';
import type { CompareControl, CompareEvent, CompareRequest } from './protocol.js';

/** Most times a second the race's updates are taken in (each may redraw the plot). */
const UPDATES_PER_SEC = 8;

/** The comparison of one app: its state, Compare, Pause / Resume and Reset. */
export class Comparison {
  readonly store: Store<ComparisonState, ComparisonAction>;
  private readonly link: JobLink<CompareRequest, CompareControl, CompareEvent>;
  private pending: CompareEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly app: Store<AppState, Action>,
    spawn: () => Worker,
  ) {
    this.store = createStore(reduceComparison, initialComparison(app.getState().options.algorithm));
    this.link = new JobLink(spawn, {
      event: (ev) => {
        // updates arrive every few milliseconds: taken in at most UPDATES_PER_SEC times a second
        this.pending.push(ev);
        this.timer ??= setTimeout(() => this.flush(), 1000 / UPDATES_PER_SEC);
      },
      done: () => {
        this.flush();
        this.store.dispatch({ type: 'done', error: null });
      },
      failed: (message) => {
        this.flush();
        this.store.dispatch({ type: 'done', error: message });
      },
    });
  }

  /** Races the chosen algorithms on the current data with the Options panel's options (a running race is replaced). */
  compare(): void {
    const s = this.app.getState();
    const algorithms = this.store.getState().chosen;
    if (!s.data || algorithms.length === 0) return;
    const o = s.options;
    const about = `${s.data.info.name}, rank ${o.rank}, initialization ${o.init}, seed ${o.seed}, at most ${o.maxIter} iterations`;
    this.drop();
    this.store.dispatch({ type: 'started', algorithms, about });
    this.link.start({ spec: s.data.spec, options: o, algorithms });
  }

  /** Pauses the running race, or resumes the paused one. */
  togglePause(): void {
    const phase = this.store.getState().race.phase;
    if (phase !== 'running' && phase !== 'paused') return;
    const pause = phase === 'running';
    this.link.control(pause ? 'pause' : 'resume');
    this.store.dispatch({ type: 'paused', paused: pause });
  }

  /** Stops the race and clears its curves and table. */
  reset(): void {
    this.link.cancel();
    this.drop();
    this.store.dispatch({ type: 'reset' });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const events = this.pending;
    this.pending = [];
    this.store.dispatch({ type: 'updates', events });
  }

  /** Forgets the updates not yet taken in (of a race being replaced or reset). */
  private drop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}

const comparisons = new WeakMap<Store<AppState, Action>, Comparison>();

/** The comparison of the app whose store is `app` (made on first use). */
export function comparisonOf(app: Store<AppState, Action>): Comparison {
  let c = comparisons.get(app);
  if (!c) {
    c = new Comparison(app, () => new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' }));
    comparisons.set(app, c);
  }
  return c;
}
