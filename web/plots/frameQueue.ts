// One queue of plot draws for the whole page, run on animation frames: each plot keeps only its
// latest pending draw, and a frame runs draws until a time budget is spent (at least one), the
// rest wait for the next frame. So five heatmaps updated at once become a few short tasks.

/** A draw; may return a promise (plotly's) that settles when it is done. */
export type DrawJob = () => unknown;

/** Milliseconds of drawing after which a frame leaves the remaining draws to the next one. */
export const FRAME_BUDGET_MS = 12;

const pending = new Map<object, DrawJob>();
let frame = 0;

/** Time spent in draws, per key name, since the page loaded (for the demo's measurements). */
const stats = new Map<string, { count: number; total: number; max: number }>();

/** Queues `job` as the draw of `key`, replacing an earlier pending one (which keeps its place in line). */
export function requestDraw(key: object, job: DrawJob): void {
  pending.set(key, job);
  if (!frame) frame = requestAnimationFrame(flush);
}

/** Drops the pending draw of `key`, if any. */
export function cancelDraw(key: object): void {
  pending.delete(key);
}

/** Records how long the synchronous part of a draw named `name` took. */
function record(name: string, ms: number): void {
  const s = stats.get(name) ?? { count: 0, total: 0, max: 0 };
  s.count++;
  s.total += ms;
  if (ms > s.max) s.max = ms;
  stats.set(name, s);
}

/** Count, mean and longest synchronous draw time in ms per plot name. */
export function drawStats(): Record<string, { count: number; mean: number; max: number }> {
  const out: Record<string, { count: number; mean: number; max: number }> = {};
  for (const [name, s] of stats) out[name] = { count: s.count, mean: s.total / s.count, max: s.max };
  return out;
}

/** Forgets the draw times recorded so far. */
export function resetDrawStats(): void {
  stats.clear();
}

/** Names of keys, for drawStats: a key may carry a `name`. */
function nameOf(key: object): string {
  return (key as { name?: string }).name ?? 'plot';
}

function flush(): void {
  frame = 0;
  const start = performance.now();
  for (const [key, job] of pending) {
    pending.delete(key);
    const t0 = performance.now();
    try {
      job();
    } catch (e) {
      console.error(e);
    }
    record(nameOf(key), performance.now() - t0);
    if (performance.now() - start >= FRAME_BUDGET_MS) break;
  }
  if (pending.size && !frame) frame = requestAnimationFrame(flush);
}
