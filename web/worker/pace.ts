// How many iterations a running session does per tick, and when it comes back: as many as fit
// in one time slice at full speed, or one every 1/speed seconds, without bursts after a delay.
import type { Speed } from '../shared/protocol.js';

/** Milliseconds of iterating before the worker posts progress and yields to its message queue. */
export const SLICE_MS = 10;

/**
 * Fewest milliseconds between two progress messages of a run at full speed (the one at a halt
 * always goes): 10 a second. Each message costs the page a render, a layout and a paint that on
 * two cores come out of the pool's time (bench/ui.ts, anls on 2 threads: 0.69 of Node at 50 ms,
 * 0.73–0.75 at 100 ms).
 */
export const PROGRESS_GAP_MS = 100;

/** Display frames per second: the most iterations a paced run does at once is speed / this. */
const FRAMES_PER_SEC = 60;

/** Keeps a run at `speed` iterations per second (null: as fast as possible). */
export class Pacer {
  private start: number;
  private done = 0;

  constructor(
    readonly speed: Speed,
    now: number,
  ) {
    this.start = now;
  }

  /**
   * Iterations owed at time `now` (at full speed: unbounded, the slice time decides). Never more
   * than about a frame's worth at once: when iterations fall behind the clock, the schedule is
   * re-anchored instead of catching up in a burst, so at a slow speed each iteration shows.
   */
  due(now: number): number {
    if (this.speed === null) return Infinity;
    const owed = Math.floor(((now - this.start) * this.speed) / 1000) + 1 - this.done;
    const burst = Math.max(1, Math.ceil(this.speed / FRAMES_PER_SEC));
    if (owed > burst) {
      this.start = now;
      this.done = 0;
      return burst;
    }
    return Math.max(owed, 0);
  }

  /** Records `n` iterations done. */
  record(n: number): void {
    this.done += n;
  }

  /** Milliseconds until the next iteration is owed (0 at full speed). */
  wait(now: number): number {
    if (this.speed === null) return 0;
    const next = this.start + (this.done * 1000) / this.speed;
    return Math.max(0, next - now);
  }
}

/** Iterations per second over roughly the last second, from (time, iteration) samples. */
export class RateMeter {
  private samples: { t: number; it: number }[] = [];

  /** Starts measuring afresh at iteration `it`. */
  restart(now: number, it: number): void {
    this.samples = [{ t: now, it }];
  }

  /** Adds a sample and returns the rate since the newest sample at least a second old (or the first). */
  sample(now: number, it: number): number {
    const s = this.samples;
    s.push({ t: now, it });
    while (s.length > 2 && now - s[1].t >= 1000) s.shift();
    const first = s[0];
    const dt = now - first.t;
    return dt > 0 ? ((it - first.it) * 1000) / dt : 0;
  }
}

/** Most of a running worker's time that display snapshots may take (the rest iterates). */
export const SNAPSHOT_SHARE = 0.25;

/**
 * Whether a running session may send a snapshot now: one whose last took c ms waits until
 * c·(1/SNAPSHOT_SHARE − 1) ms have passed since it ended, so snapshots of a large V (block
 * means, residual, predictions: tens of ms) never take more than SNAPSHOT_SHARE of the time.
 */
export class SnapshotBudget {
  private cost = 0;
  private end = Number.NEGATIVE_INFINITY;

  /** True when a snapshot fits the budget at `now`. */
  due(now: number): boolean {
    return now - this.end >= this.cost * (1 / SNAPSHOT_SHARE - 1);
  }

  /** Records a snapshot made from `start` to `end` (ms). */
  record(start: number, end: number): void {
    this.cost = end - start;
    this.end = end;
  }
}
