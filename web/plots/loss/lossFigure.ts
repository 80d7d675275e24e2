// The plotly figure of the loss plot: one line trace per run, a trace of start dots, a fixed layout
// (fixed size and margins, explicit ranges and log ticks: nothing for plotly to autorange or
// automargin), and a config whose only modebar button saves the plot as a PNG with its title.
import type { Config, Data, Layout, ModeBarButton } from 'plotly.js-basic-dist-min';
import { firstPoint, type LossSeries } from './lossScale.js';
import { tracePoints, type LossRanges } from './lossTraces.js';

/** Axis titles of the loss plot. */
export const LOSS_AXES = { x: 'Iteration', y: 'Relative error ‖V−WH‖/‖V‖' } as const;

/** Line colours of the series, in order. */
export const LOSS_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Fixed margins (px) around the plot area: room for tick labels and axis titles; the top row holds the legend and the modebar. */
export const LOSS_MARGIN = { l: 66, r: 14, t: 30, b: 44, pad: 0 } as const;

/** `text` with &, < and > escaped (plotly reads trace names and templates as HTML-like text). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The line colour of series `s` at place `i`. */
function colorOf(s: LossSeries, i: number): string {
  return LOSS_COLORS[(s.color ?? i) % LOSS_COLORS.length];
}

/**
 * The traces: series i is trace i (a line from its first point; a faded one thinner and
 * half-transparent), then one trace of the start dots of the series that are not faded.
 */
export function lossTraces(series: readonly LossSeries[]): Data[] {
  const lines = series.map(
    (s, i) =>
      ({
        type: 'scatter',
        mode: 'lines',
        name: escapeText(s.name),
        ...tracePoints(s),
        line: { color: colorOf(s, i), width: s.faded ? 1.5 : 2 },
        ...(s.faded ? { opacity: 0.45 } : {}),
        hovertemplate: `%{y:.4~g}<extra>${escapeText(s.name)}</extra>`,
      }) as Data,
  );
  const starts = series.map((s, i) => ({ p: s.faded ? null : firstPoint(s), color: colorOf(s, i) })).filter((d) => d.p);
  const dots = {
    type: 'scatter',
    mode: 'markers',
    x: starts.map((d) => d.p!.x),
    y: starts.map((d) => d.p!.y),
    marker: { color: starts.map((d) => d.color), size: 7 },
    cliponaxis: false, // a dot at iteration 0 sits on the y axis: show it whole
    hoverinfo: 'skip',
    showlegend: false,
  } as Data;
  return [...lines, dots];
}

/** Axis ranges, log ticks and hover distance as layout attributes (what changes while a run goes). */
export function rangeLayout(r: LossRanges): { xaxis: Partial<Layout['xaxis']>; yaxis: Partial<Layout['yaxis']>; hoverdistance: number } {
  return {
    hoverdistance: r.hoverdistance,
    xaxis: { range: [r.x[0], r.x[1]], autorange: false },
    yaxis: { range: [r.y[0], r.y[1]], autorange: false, tickmode: 'array', tickvals: r.tickvals, ticktext: r.ticktext },
  };
}

/** The layout of a width×height px figure with the given ranges; a legend when there are several series; the y axis titled `yTitle`. */
export function lossLayout(width: number, height: number, r: LossRanges, legend: boolean, yTitle: string = LOSS_AXES.y): Partial<Layout> {
  const ranges = rangeLayout(r);
  return {
    hoverdistance: ranges.hoverdistance,
    width,
    height,
    autosize: false,
    margin: { ...LOSS_MARGIN },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: '#fff',
    font: { family: 'system-ui, sans-serif', size: 11, color: '#333' },
    showlegend: legend,
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: 1, yanchor: 'bottom', font: { size: 12 } },
    hovermode: 'x unified',
    dragmode: false,
    xaxis: {
      ...ranges.xaxis,
      title: { text: LOSS_AXES.x, font: { size: 12 } },
      fixedrange: true,
      zeroline: false,
      automargin: false,
      ticklabeloverflow: 'allow',
      showline: true,
      linecolor: '#888',
      gridcolor: '#e6e9ee',
      hoverformat: 'd',
      unifiedhovertitle: { text: 'iteration %{x}' },
    },
    yaxis: {
      ...ranges.yaxis,
      type: 'log',
      title: { text: yTitle, font: { size: 12 } },
      fixedrange: true,
      automargin: false,
      ticklabeloverflow: 'allow',
      showline: true,
      linecolor: '#888',
      gridcolor: '#e6e9ee',
    },
  } as Partial<Layout>;
}

/** The config: no drag, zoom or resize handling; the modebar always shown, with `png` as its only button. */
export function lossConfig(png: ModeBarButton): Partial<Config> {
  return {
    displaylogo: false,
    displayModeBar: true,
    modeBarButtons: [[png]],
    responsive: false,
    scrollZoom: false,
    doubleClick: false,
    showTips: false,
  };
}
