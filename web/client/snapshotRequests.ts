// When the page asks the worker for a display snapshot (block means of W, H, WH and their
// extremes): once the iteration has moved, never two in flight, at a throttled rate, when the main
// thread is idle, and the one before a Step ahead of the Step.
import type { AppState } from '../state/app.js';

/**
 * At most this many snapshot requests per second: at a watchable pace (≤ WATCHED_SPEED
 * iterations/s) nearly every iteration shows; faster, a few a second, since on two cores the
 * page's drawing takes time from the worker's threads.
 */
const SNAPSHOTS_PER_SEC = 15;
const FAST_SNAPSHOTS_PER_SEC = 4;
const WATCHED_SPEED = 30;

/** Calls `fn` when the main thread has nothing else to do (or after a second at most). */
function whenIdle(fn: () => void): void {
  // looked up on globalThis: the unit tests run this in Node, which has no requestIdleCallback
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  if (typeof idle === 'function') idle.call(globalThis, fn, { timeout: 1000 });
  else setTimeout(fn, 0);
}

/** Decides when to ask for a snapshot of the run in `state()`; `request` sends the ask to the worker. */
export class SnapshotRequests {
  private inFlight = false;
  /** The iteration of the last snapshot received for the current run (−1: none). */
  private iteration = -1;
  private lastAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** A request waits for the main thread to be idle (sent by then, or at a Step). */
  private waiting = false;

  constructor(
    private readonly state: () => AppState,
    private readonly request: () => void,
  ) {}

  /** A new run (or a fresh worker): nothing in flight, nothing received. */
  reset(): void {
    this.inFlight = false;
    this.waiting = false;
    this.iteration = -1;
  }

  /** The snapshot of the current run at `iteration` arrived: the next may be asked for. */
  received(iteration: number): void {
    this.inFlight = false;
    this.iteration = iteration;
    this.maybe();
  }

  /** Asks for a snapshot when the iteration moved, none is in flight and the rate allows. */
  maybe(): void {
    const { run, speed } = this.state();
    if (run.phase === 'starting' || run.phase === 'invalid' || this.inFlight || run.iteration === this.iteration) return;
    const rate = speed !== null && speed <= WATCHED_SPEED ? SNAPSHOTS_PER_SEC : FAST_SNAPSHOTS_PER_SEC;
    const wait = this.lastAt + 1000 / rate - performance.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = null;
        this.maybe();
      }, wait);
      return;
    }
    // Ask when the main thread is idle: while the plots are still drawing the last snapshot,
    // the next one waits, so drawing never queues up behind itself.
    this.inFlight = true;
    this.waiting = true;
    whenIdle(() => {
      if (this.waiting) this.send();
    });
  }

  /**
   * Called just before a Step is sent: the snapshot of the iteration before it goes ahead of it in
   * the worker's queue (the rate limit or an idle wait could otherwise skip it), so "What Step
   * changed" has both sides.
   */
  beforeStep(): void {
    const { run } = this.state();
    const unasked = !this.inFlight && run.iteration !== this.iteration && run.phase !== 'starting' && run.phase !== 'invalid';
    if (this.waiting || unasked) this.send();
  }

  private send(): void {
    this.inFlight = true;
    this.waiting = false;
    this.lastAt = performance.now();
    this.request();
  }
}
