// plotly.js, the partial bundle with scatter only (plotly.js-basic-dist-min, 1.2 MB: what the
// loss plot draws), loaded lazily as a chunk of its own so the page paints without it. Types
// come from plotly.js-dist-min (plotly-basic.d.ts).

/** The plotly API object (Plotly.react, extendTraces, toImage, purge, …). */
export type PlotlyApi = typeof import('plotly.js-basic-dist-min').default;

let loading: Promise<PlotlyApi> | null = null;
let loaded: PlotlyApi | null = null;

/** plotly once loaded, else null (so a plot mounted later draws without waiting a tick). */
export function plotlyIfLoaded(): PlotlyApi | null {
  return loaded;
}

/** Loads the plotly bundle once; later calls share the same promise (a failed load is tried again next time). */
export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import('plotly.js-basic-dist-min').then(
    (m) => (loaded = m.default),
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}
