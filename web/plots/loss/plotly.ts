// plotly.js, the partial bundle with scatter only (plotly.js-basic-dist-min, 1.2 MB: what the
// loss plot draws), run as a classic <script> of its own (window.Plotly) so the page paints
// without it: web/vite/plotlyScript.ts serves it with V8's compile hint, and in a build the page's
// head preloads it. Types come from plotly.js-dist-min (plotly-basic.d.ts).
//
// Under the app's Content-Security-Policy (style-src 'self', no inline styles) plotly must not
// add <style> elements: before it loads, the page links an empty same-origin stylesheet with the
// id plotly looks for (plotly.js-style-global), into which plotly inserts its rules through the
// CSSOM, and marks the id of the map-style injector the bundle carries (maps are not drawn here)
// as present, so it injects nothing.
import plotlyUrl from 'virtual:plotly-script';
import rulesUrl from './plotly-rules.css?url';

/** The id under which the bundle's maplibre code injects its CSS (only when no element has it). */
const MAP_STYLE_ID = '9f215cf04c5486422605d13261cb87401f4e7763b6296af81e98efbc0130da53';

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
  loading ??= plotlyStyleSheet()
    .then(plotlyScript)
    .then(
      (api) => (loaded = api),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
  return loading;
}

/** Links plotly's (empty) rule sheet and marks the map styles as present; resolves once the sheet can take rules. */
function plotlyStyleSheet(): Promise<void> {
  if (!document.getElementById(MAP_STYLE_ID)) {
    const mark = document.createElement('meta');
    mark.id = MAP_STYLE_ID;
    document.head.append(mark);
  }
  const existing = document.getElementById('plotly.js-style-global') as HTMLLinkElement | null;
  if (existing?.sheet) return Promise.resolve();
  const link = existing ?? document.createElement('link');
  const ready = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error('the plot style sheet could not be loaded')), { once: true });
  });
  if (!existing) {
    link.id = 'plotly.js-style-global';
    link.rel = 'stylesheet';
    link.href = rulesUrl;
    document.head.append(link);
  }
  return ready;
}

/** Runs the bundle as a classic script (window.Plotly): parsed and compiled off the main thread as it streams in. */
function plotlyScript(): Promise<PlotlyApi> {
  const global = globalThis as unknown as { Plotly?: PlotlyApi };
  if (global.Plotly) return Promise.resolve(global.Plotly);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = plotlyUrl;
    script.async = true;
    script.addEventListener('load', () => (global.Plotly ? resolve(global.Plotly) : reject(new Error('the plot library did not load'))), {
      once: true,
    });
    script.addEventListener('error', () => reject(new Error('the plot library could not be loaded')), { once: true });
    document.head.append(script);
  });
}
