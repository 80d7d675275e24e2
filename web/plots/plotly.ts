// plotly.js, loaded lazily (4.6 MB) so the first paint does not wait for it, and the config the loss plot uses.
import type { Config } from 'plotly.js-dist-min';

/** The plotly API object (Plotly.react, extendTraces, purge, …). */
export type PlotlyApi = typeof import('plotly.js-dist-min').default;

let loading: Promise<PlotlyApi> | null = null;
let loaded: PlotlyApi | null = null;

/** plotly once loaded, else null (so a component mounted later can draw without waiting a tick). */
export function plotlyIfLoaded(): PlotlyApi | null {
  return loaded;
}

/** Loads plotly.js-dist-min once (a separate chunk); later calls share the same promise. */
export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-dist-min').then((m) => {
    loaded = m.default;
    return loaded;
  });
  return loading;
}

/**
 * Plot config: no plotly logo and no modebar (the title row above the plot has its own PNG button,
 * so nothing covers the title on a narrow screen); drag to zoom, double-click to zoom back out.
 */
export function plotConfig(): Partial<Config> {
  return { displaylogo: false, displayModeBar: false, responsive: false };
}
