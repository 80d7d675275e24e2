// The hook behind every plotly plot: a div, plotly loaded lazily, draws throttled to one per
// animation frame (the latest props win), redraws on width changes, Plotly.purge on unmount.
import { useEffect, useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { loadPlotly, plotlyIfLoaded, type PlotlyApi } from './plotly.js';

/** Draws the current props into `div` (Plotly.react / extendTraces); `width` is the div's width in px. */
export type DrawFn = (Plotly: PlotlyApi, div: HTMLDivElement, width: number) => unknown;

/** What a plot component renders around its div. */
export interface PlotHandle {
  ref: RefObject<HTMLDivElement | null>;
  /** plotly has loaded (until then show the "loading plot…" placeholder). */
  ready: boolean;
  /** Why the plot cannot be drawn (plotly failed to load or a draw threw), else null. */
  error: string | null;
}

/**
 * Calls `draw` at most once per animation frame after any of `deps` changes (and when the div's
 * width changes), never two draws at once; `onPurge` runs after the plot is purged on unmount,
 * so a component can forget what it drew.
 */
export function usePlot(draw: DrawFn, deps: DependencyList, onPurge?: () => void): PlotHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(plotlyIfLoaded);
  const [error, setError] = useState<string | null>(null);
  const drawRef = useRef(draw);
  const purgeRef = useRef(onPurge);
  const schedule = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    drawRef.current = draw;
    purgeRef.current = onPurge;
  });

  useEffect(() => {
    if (plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: unknown) => live && setError(`plot could not load: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [plotly]);

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    let frame = 0;
    let busy = false;
    let dirty = false;
    let alive = true;
    let width = div.clientWidth;
    const run = () => {
      frame = 0;
      dirty = false;
      busy = true;
      Promise.resolve()
        .then(() => drawRef.current(plotly, div, width))
        .then(
          () => setError(null),
          (e: unknown) => alive && setError(`plot failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => {
          busy = false;
          if (dirty && alive) schedule.current();
        });
    };
    schedule.current = () => {
      if (!alive || frame) return;
      if (busy) dirty = true;
      else frame = requestAnimationFrame(run);
    };
    const observer = new ResizeObserver(() => {
      const w = div.clientWidth;
      if (w !== width && w > 0) {
        width = w;
        schedule.current();
      }
    });
    observer.observe(div);
    schedule.current();
    return () => {
      alive = false;
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      schedule.current = () => {};
      plotly.purge(div);
      purgeRef.current?.();
    };
  }, [plotly]);

  useEffect(() => {
    schedule.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { ref, ready: plotly !== null, error };
}
