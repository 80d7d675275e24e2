// The draw loop of one plot as a React hook: drawLoop.ts's DrawLoop on the page's frame queue
// (latest wins, see frameQueue.ts) and an IntersectionObserver for on and off screen. A plot
// scrolled away keeps a "dirty" mark and draws when it scrolls back in, or once its data has
// stopped changing for SETTLE_MS (so a stopped run is complete everywhere, e.g. in a full-page
// screenshot or a print, while a running one costs nothing off screen).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { DrawLoop } from './drawLoop.js';
import { cancelDraw, requestDraw, type DrawWeight } from './frameQueue.js';

export { SETTLE_MS } from './drawLoop.js';

/** How far outside the viewport a plot still counts as on screen (drawn just before it scrolls in). */
const NEAR_SCREEN = '200px';

/** What useQueuedDraw gives back. */
export interface QueuedDraw {
  /** Asks for a draw (queued; skipped while off screen until the plot scrolls in). */
  schedule(): void;
  /** Why the last draw failed (it threw or its promise rejected), else null. */
  error: string | null;
}

/**
 * Runs `draw` (which may return a promise) on the frame queue after any of `deps` changes and on
 * `schedule()`, while `active` and while `ref`'s element is on or near the screen (DrawLoop). `name`
 * labels the plot's draw times; `weight` tells the queue how costly a draw is.
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
    const observable = typeof IntersectionObserver !== 'undefined';
    const loop = new DrawLoop(
      () => drawRef.current(),
      {
        request: (job) => requestDraw(me, job, weight),
        cancel: () => cancelDraw(me),
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      (e) => setError(`plot failed: ${e instanceof Error ? e.message : String(e)}`),
      () => setError(null),
      !observable, // with an observer, off screen until it says otherwise
    );
    scheduleRef.current = () => loop.schedule();
    const observer = observable
      ? new IntersectionObserver((entries) => loop.setVisible(entries[entries.length - 1].isIntersecting), { rootMargin: NEAR_SCREEN })
      : null;
    observer?.observe(el);
    loop.schedule();
    return () => {
      observer?.disconnect();
      loop.dispose();
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
