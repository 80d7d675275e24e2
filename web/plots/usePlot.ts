// The hook behind the plotly plot (the loss curve): a div, plotly loaded lazily, draws through
// useQueuedDraw (frame queue, latest props win, skipped off screen), redraws on width changes,
// purge on unmount.
import { useEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { loadPlotly, plotlyIfLoaded, type PlotlyApi } from './plotly.js';
import { useQueuedDraw } from './useQueuedDraw.js';

/** Draws the current props into `div` (Plotly.react / extendTraces); `width` is the div's width in px. */
export type DrawFn = (Plotly: PlotlyApi, div: HTMLDivElement, width: number) => unknown;

/** What a plot component renders around its div. */
export interface PlotHandle {
  ref: RefObject<HTMLDivElement | null>;
  /** plotly once it has loaded (until then show the "loading plot…" placeholder), else null. */
  plotly: PlotlyApi | null;
  /** Why the plot cannot be drawn (plotly failed to load or a draw threw), else null. */
  error: string | null;
}

/**
 * Queues `draw` after any of `deps` changes (and when the div's width changes), never two draws of
 * one plot at once; `onPurge` runs after the plot is purged on unmount, so a component can forget
 * what it drew. `name` labels the plot's draw times.
 */
export function usePlot(name: string, draw: DrawFn, deps: DependencyList, onPurge?: () => void): PlotHandle {
  const ref = useRef<HTMLDivElement | null>(null);
  const [plotly, setPlotly] = useState<PlotlyApi | null>(plotlyIfLoaded);
  const [loadError, setLoadError] = useState<string | null>(null);
  const width = useRef(0);
  const purgeRef = useRef(onPurge);
  purgeRef.current = onPurge;

  useEffect(() => {
    if (plotly) return;
    let live = true;
    loadPlotly().then(
      (p) => live && setPlotly(() => p),
      (e: unknown) => live && setLoadError(`plot could not load: ${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [plotly]);

  const { schedule, error } = useQueuedDraw(
    ref, name, 'heavy',
    () => {
      const div = ref.current;
      if (plotly && div) return draw(plotly, div, width.current || div.clientWidth);
    },
    deps, plotly !== null,
  );

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    width.current = div.clientWidth;
    const observer = new ResizeObserver(() => {
      const w = div.clientWidth;
      if (w !== width.current && w > 0) {
        width.current = w;
        schedule();
      }
    });
    observer.observe(div);
    return () => {
      observer.disconnect();
      plotly.purge(div);
      purgeRef.current?.();
    };
  }, [plotly, schedule]);

  return { ref, plotly, error: loadError ?? error };
}
