// One queue of plot draws for the whole page, run on animation frames: each plot keeps only its
// latest pending draw (so nothing is drawn for data older than the newest), a frame runs at most
// one heavy draw (tens of ms) and light ones (a canvas plot: a few ms) until a time budget is spent;
// the rest wait for the next frame. So five heatmaps and a loss curve updated at once never make
// one long task.

/** A draw; may return a promise that settles when it is done. */
export type DrawJob = () => unknown;

/** 'heavy': at most one per frame (tens of ms); 'light': a few milliseconds at most (a canvas plot). */
export type DrawWeight = 'heavy' | 'light';

/** Milliseconds of drawing after which a frame leaves the remaining draws to the next one. */
export const FRAME_BUDGET_MS = 12;

/** Count, mean and longest synchronous draw time in ms, per plot name. */
export type DrawStats = Record<string, { count: number; mean: number; max: number }>;

/** A queue of draws, latest per key, flushed on frames within FRAME_BUDGET_MS (one heavy draw per frame). */
export interface FrameQueue {
  /** Queues `job` as the draw of `key`, replacing an earlier pending one (which keeps its place in line). */
  request(key: object, job: DrawJob, weight?: DrawWeight): void;
  /** Drops the pending draw of `key`, if any. */
  cancel(key: object): void;
  /** Draws recorded so far, per key name (a key may carry a `name`). */
  stats(): DrawStats;
  /** Forgets the recorded draws. */
  resetStats(): void;
}

/** A frame queue on the given scheduler and clock (the page's is requestAnimationFrame and performance.now). */
export function createFrameQueue(frame: (fn: () => void) => void, now: () => number, budgetMs = FRAME_BUDGET_MS): FrameQueue {
  const pending = new Map<object, { job: DrawJob; weight: DrawWeight }>();
  const recorded = new Map<string, { count: number; total: number; max: number }>();
  let scheduled = false;

  const record = (key: object, ms: number) => {
    const name = (key as { name?: string }).name ?? 'plot';
    const s = recorded.get(name) ?? { count: 0, total: 0, max: 0 };
    s.count++;
    s.total += ms;
    if (ms > s.max) s.max = ms;
    recorded.set(name, s);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    frame(flush);
  };

  function flush(): void {
    scheduled = false;
    const start = now();
    let heavy = false;
    for (const [key, entry] of pending) {
      if (entry.weight === 'heavy' && heavy) continue;
      pending.delete(key);
      if (entry.weight === 'heavy') heavy = true;
      const t0 = now();
      try {
        entry.job();
      } catch (e) {
        console.error(e);
      }
      const t1 = now();
      record(key, t1 - t0);
      if (t1 - start >= budgetMs) break;
    }
    if (pending.size) schedule();
  }

  return {
    request(key, job, weight = 'heavy') {
      pending.set(key, { job, weight });
      schedule();
    },
    cancel(key) {
      pending.delete(key);
    },
    stats() {
      const out: DrawStats = {};
      for (const [name, s] of recorded) out[name] = { count: s.count, mean: s.total / s.count, max: s.max };
      return out;
    },
    resetStats() {
      recorded.clear();
    },
  };
}

/** The page's queue (created on first use, so Node tests can import this module). */
let pageQueue: FrameQueue | null = null;
function page(): FrameQueue {
  if (!pageQueue) {
    const raf = (globalThis as unknown as { requestAnimationFrame(fn: () => void): number }).requestAnimationFrame;
    pageQueue = createFrameQueue(
      (fn) => raf(fn),
      () => performance.now(),
    );
    // Read by bench/ui.ts and the plots' e2e test to print draw counts and times (never to assert on times).
    (globalThis as unknown as { plotDrawStats?: () => DrawStats }).plotDrawStats = pageQueue.stats;
  }
  return pageQueue;
}

/** Queues the draw of `key` on the page's queue (see FrameQueue.request). */
export function requestDraw(key: object, job: DrawJob, weight: DrawWeight = 'heavy'): void {
  page().request(key, job, weight);
}

/** Drops the pending draw of `key` on the page's queue. */
export function cancelDraw(key: object): void {
  page().cancel(key);
}

/** Draw counts and times of the page's plots, per plot name. */
export function drawStats(): DrawStats {
  return page().stats();
}

/** Forgets the page's recorded draw times. */
export function resetDrawStats(): void {
  page().resetStats();
}
