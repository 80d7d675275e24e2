// The draw loop of one plot: draws go through the page's frame queue (latest wins, see
// frameQueue.ts), never two of one plot at once, and only while the plot is on screen: a plot
// scrolled away keeps a "dirty" mark and draws when it scrolls back in, or once its data has
// stopped changing for SETTLE_MS (so a stopped run is complete everywhere, e.g. in a full-page
// screenshot or a print, while a running one costs nothing off screen).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { cancelDraw, requestDraw, type DrawWeight } from './frameQueue.js';

/** How far outside the viewport a plot still counts as on screen (drawn just before it scrolls in). */
const NEAR_SCREEN = '200px';

/** An off-screen plot whose data has not changed for this long draws anyway. */
export const SETTLE_MS = 250;

/** What useQueuedDraw gives back. */
export interface QueuedDraw {
  /** Asks for a draw (queued; skipped while off screen until the plot scrolls in). */
  schedule(): void;
  /** Why the last draw failed (it threw or its promise rejected), else null. */
  error: string | null;
}

/**
 * Runs `draw` (which may return a promise) on the frame queue after any of `deps` changes and on
 * `schedule()`, while `active` and while `ref`'s element is on or near the screen. `name` labels the
 * plot's draw times; `weight` tells the queue how costly a draw is.
 */
export function useQueuedDraw(
  ref: RefObject<Element | null>,
  name: string,
  weight: DrawWeight,
  draw: () => unknown,
  deps: DependencyList,
  active = true,
): QueuedDraw {
  const [error, setError] = useState<string | null>(null);
  const drawRef = useRef(draw);
  const key = useRef({ name });
  const scheduleRef = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    drawRef.current = draw;
    key.current.name = name;
  });

  useEffect(() => {
    const el = ref.current;
    if (!active || !el) return;
    const me = key.current;
    let alive = true;
    let busy = false; // a draw's promise has not settled yet
    let dirty = false; // a draw was asked for while busy or off screen
    let visible = typeof IntersectionObserver === 'undefined';
    let settle: ReturnType<typeof setTimeout> | undefined;
    const fail = (e: unknown) => alive && setError(`plot failed: ${e instanceof Error ? e.message : String(e)}`);
    const job = (offScreen = false) => {
      if (!alive) return;
      if (busy || (!visible && !offScreen)) {
        dirty = true;
        return;
      }
      dirty = false;
      busy = true;
      let done: unknown;
      try {
        done = drawRef.current();
      } catch (e) {
        fail(e);
      }
      const finish = () => {
        busy = false;
        if (dirty && alive && visible) {
          dirty = false;
          requestDraw(me, job, weight);
        }
      };
      if (done instanceof Promise) done.then(() => alive && setError(null), fail).finally(finish);
      else finish();
    };
    scheduleRef.current = () => {
      if (!alive) return;
      if (visible && !busy) return requestDraw(me, job, weight);
      dirty = true;
      if (!visible) {
        clearTimeout(settle);
        settle = setTimeout(() => dirty && !visible && requestDraw(me, () => job(true), weight), SETTLE_MS);
      }
    };
    const observer =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver(
            (entries) => {
              visible = entries[entries.length - 1].isIntersecting;
              if (visible && dirty && !busy) {
                dirty = false;
                requestDraw(me, job, weight);
              }
            },
            { rootMargin: NEAR_SCREEN },
          );
    observer?.observe(el);
    scheduleRef.current();
    return () => {
      alive = false;
      clearTimeout(settle);
      observer?.disconnect();
      cancelDraw(me);
      scheduleRef.current = () => {};
    };
  }, [active, weight, ref]);

  useEffect(
    () => scheduleRef.current(),
    // biome-ignore lint/correctness/useExhaustiveDependencies: redraw exactly when the caller's deps change
    deps,
  );

  const schedule = useCallback(() => scheduleRef.current(), []);
  return { schedule, error };
}
