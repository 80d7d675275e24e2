// plotly.js, loaded lazily (4.8 MB) so the first paint does not wait for it, and the config every plot uses.
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

/** Plot config: no plotly logo, follow window resizes, the modebar's camera button = "download plot as PNG" named after the plot. */
export function plotConfig(title: string): Partial<Config> {
  return {
    displaylogo: false,
    responsive: true,
    // A short modebar (zoom, reset, PNG) that does not reach over the plot's title.
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'pan2d', 'zoomIn2d', 'zoomOut2d', 'autoScale2d'],
    toImageButtonOptions: { format: 'png', filename: fileName(title), scale: 2 },
  };
}

/** A download file name from a plot title: "V − WH (residual)" → "V-WH-residual". */
export function fileName(title: string): string {
  const s = title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'plot';
}
