// The hook behind every plotly plot: a div, plotly loaded lazily, draws queued on animation
// frames (the latest props win, see frameQueue.ts), redraws on width changes, purge on unmount.
import { useEffect, useLayoutEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { cancelDraw, requestDraw } from './frameQueue.js';
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
 * Queues `draw` for the next animation frame after any of `deps` changes (and when the div's width
 * changes), never two draws of one plot at once; `onPurge` runs after the plot is purged on
 * unmount, so a component can forget what it drew. `name` labels the plot's draw times.
 */
export function usePlot(name: string, draw: DrawFn, deps: DependencyList, onPurge?: () => void): PlotHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(plotlyIfLoaded);
  const [error, setError] = useState<string | null>(null);
  const drawRef = useRef(draw);
  const purgeRef = useRef(onPurge);
  const key = useRef({ name });
  const schedule = useRef<() => void>(() => {});
  useLayoutEffect(() => {
    drawRef.current = draw;
    purgeRef.current = onPurge;
    key.current.name = name;
  });

  useEffect(() => {
    if (plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: unknown) => live && setError(`plot could not load: ${message(e)}`),
    );
    return () => {
      live = false;
    };
  }, [plotly]);

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    const me = key.current;
    let busy = false;
    let dirty = false;
    let alive = true;
    let width = div.clientWidth;
    const fail = (e: unknown) => alive && setError(`plot failed: ${message(e)}`);
    const job = () => {
      if (!alive) return;
      if (busy) {
        dirty = true;
        return;
      }
      busy = true;
      let done: unknown;
      try {
        done = drawRef.current(plotly, div, width);
      } catch (e) {
        fail(e);
      }
      Promise.resolve(done)
        .then(() => alive && setError(null), fail)
        .finally(() => {
          busy = false;
          if (dirty && alive) {
            dirty = false;
            requestDraw(me, job);
          }
        });
    };
    schedule.current = () => alive && requestDraw(me, job);
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
      cancelDraw(me);
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

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
