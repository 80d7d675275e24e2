// One matrix as a heatmap: block means when it is bigger than the plot can show, missing entries
// grey, a diverging scale centred at 0 for residuals, row 1 at the top, hover = row, column, value.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { Data, Layout } from 'plotly.js-dist-min';
import { hoverTexts, indexTicks } from './axes.js';
import { blockAverage, blockEdges, blockFactor, type BlockGrid } from './blocks.js';
import { colorStops, MISSING_COLOR, openRange, symmetricRange } from './colors.js';
import { PlotFrame } from './PlotFrame.js';
import { plotConfig } from './plotly.js';
import { blockNote, matrixSummary } from './summary.js';
import { usePlot } from './usePlot.js';

/** Props of Heatmap. `data` is read as immutable: pass a new array (or bump `revision`) to redraw. */
export interface HeatmapProps {
  /** Title shown on the plot, also its accessible name. */
  label: string;
  rows: number;
  cols: number;
  /** rows×cols values, row-major; NaN = missing. */
  data: ArrayLike<number>;
  /** rows×cols, 1 = observed, 0 = missing (shown grey); null/absent = all observed. */
  mask?: ArrayLike<number> | null;
  /** rows×cols subtracted from `data` for display: shows data − minus (the residual V − WH without forming it). */
  minus?: ArrayLike<number> | null;
  /** 'diverging': red–white–blue centred at 0 with a symmetric range (residuals). */
  colorScale: 'sequential' | 'diverging';
  /** Colour range to share between plots (a diverging scale widens it to be symmetric about 0). */
  zRange?: [number, number];
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Plot height in px (default 320). */
  height?: number;
  /** Axis titles (default none) and the nouns used in hover ("row", "col"). */
  xTitle?: string;
  yTitle?: string;
  rowNoun?: string;
  colNoun?: string;
  /** An extra note shown under the plot. */
  note?: string;
  /** At most this many cells per side are drawn; bigger matrices are block-averaged (default 200). */
  maxCells?: number;
  /** Change (any value, compared with Object.is) to redraw when `data` was changed in place. */
  revision?: unknown;
}

interface Stats {
  min: number;
  max: number;
  missing: number;
}

/** A heatmap of one rows×cols matrix (see HeatmapProps). */
export function Heatmap(props: HeatmapProps) {
  const { label, rows, cols, data, mask, minus, colorScale, zRange, rowLabels, colLabels, height = 320, note } = props;
  const maxCells = props.maxCells ?? 200;
  const grid = useRef<BlockGrid | null>(null);
  // What the grid was averaged from: a colour range change alone redraws without averaging again.
  const source = useRef<unknown[]>([]);
  // The arrays handed to plotly for the current grid: z (rows of the block means), x and y (cell edges).
  const shown = useRef<{ z: Float64Array[]; x: number[]; y: number[] } | null>(null);
  const revision = useRef(0);
  const [stats, setStats] = useState<Stats | null>(null);
  const display = {
    rowFactor: blockFactor(rows, maxCells),
    colFactor: blockFactor(cols, maxCells),
    rows: Math.ceil(rows / blockFactor(rows, maxCells)),
    cols: Math.ceil(cols / blockFactor(cols, maxCells)),
  };
  const averaged = display.rowFactor > 1 || display.colFactor > 1;
  const rowNoun = props.rowNoun ?? 'row';
  const colNoun = props.colNoun ?? 'col';
  // Hover names per cell are only needed for labels or blocks; otherwise x and y are the indices.
  const text = useMemo(
    () =>
      averaged || rowLabels || colLabels
        ? hoverTexts(display.rows, display.cols, display.rowFactor, display.colFactor, rows, cols, rowLabels, colLabels, rowNoun, colNoun)
        : null,
    [averaged, display.rows, display.cols, display.rowFactor, display.colFactor, rows, cols, rowLabels, colLabels, rowNoun, colNoun],
  );

  const plot = usePlot(
    label,
    (Plotly, div, width) => {
      if (rows * cols === 0) return;
      const inputs = [rows, cols, data, mask, minus, maxCells, props.revision];
      if (!grid.current || !shown.current || inputs.some((x, i) => !Object.is(x, source.current[i]))) {
        const g = (grid.current = blockAverage({ rows, cols, data, mask, minus }, maxCells, maxCells, grid.current));
        const z: Float64Array[] = [];
        for (let r = 0; r < g.rows; r++) z.push(g.means.subarray(r * g.cols, (r + 1) * g.cols));
        shown.current = { z, x: blockEdges(g.colFactor, cols), y: blockEdges(g.rowFactor, rows) };
        revision.current++;
        source.current = inputs;
      }
      // Unchanged z, x, y (same arrays, same datarevision) let plotly skip its recalculation
      // when only the colour range or the layout changed.
      const g = grid.current;
      const { z, x, y } = shown.current;
      setStats((s) => (s && s.min === g.min && s.max === g.max && s.missing === g.missing ? s : { min: g.min, max: g.max, missing: g.missing }));
      let range = zRange && openRange(zRange);
      if (colorScale === 'diverging') {
        const [lo, hi] = range ?? symmetricRange(g.means);
        const a = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
        range = [-a, a];
      }
      const trace = {
        type: 'heatmap',
        z,
        x,
        y,
        ...(text
          ? { text, hovertemplate: '%{text}<br>value %{z:.4~g}<extra></extra>' }
          : { hovertemplate: `${rowNoun} %{y}<br>${colNoun} %{x}<br>value %{z:.4~g}<extra></extra>` }),
        hoverongaps: false,
        colorscale: colorStops(colorScale),
        ...(range ? { zauto: false, zmin: range[0], zmax: range[1] } : { zauto: true }),
        colorbar: { thickness: 10, outlinewidth: 0, len: 1, tickfont: { size: 10 } },
      } as unknown as Data; // z rows are Float64Array views: plotly reads them, its types only list number[][]
      const plotW = Math.max(80, width - 130);
      const plotH = Math.max(60, height - 90);
      const layout: Partial<Layout> = {
        title: { text: label, x: 0, xanchor: 'left', xref: 'paper', font: { size: 14 } },
        width,
        height,
        margin: { l: 40, r: 10, t: 34, b: 36 },
        plot_bgcolor: MISSING_COLOR,
        paper_bgcolor: 'rgba(0,0,0,0)',
        font: { family: 'system-ui, sans-serif', size: 11 },
        xaxis: {
          tickmode: 'array', ...indexTicks(cols, plotW / Math.max(42, 6.5 * longest(colLabels) + 12), colLabels),
          title: { text: props.xTitle ?? '' }, showgrid: false, zeroline: false, automargin: true,
        },
        yaxis: {
          tickmode: 'array', ...indexTicks(rows, plotH / 18, rowLabels), autorange: 'reversed',
          title: { text: props.yTitle ?? '' }, showgrid: false, zeroline: false, automargin: true,
        },
        uirevision: 'heatmap',
        datarevision: revision.current,
      };
      return Plotly.react(div, [trace], layout, plotConfig(label));
    },
    [label, rows, cols, data, mask, minus, colorScale, zRange?.[0], zRange?.[1], rowLabels, colLabels, height, maxCells, text, props.xTitle, props.yTitle, props.revision],
    () => {
      grid.current = null;
      shown.current = null;
      source.current = [];
    },
  );

  const notes: ReactNode[] = [];
  if (averaged) notes.push(`${capitalize(blockNote(display))}.`);
  if (stats && stats.missing > 0)
    notes.push(
      <>
        <span className="plot-swatch" style={{ background: MISSING_COLOR }} aria-hidden="true" />
        Grey: missing ({stats.missing} {stats.missing === 1 ? 'entry' : 'entries'}).
      </>,
    );
  if (note) notes.push(note);
  const summary =
    rows * cols === 0
      ? `${label}: empty (${rows}×${cols}).`
      : stats
        ? matrixSummary(label, rows, cols, stats.min, stats.max, stats.missing, display)
        : `${label}: ${rows}×${cols}.`;
  return <PlotFrame plot={plot} title={label} summary={summary} height={height} notes={notes} />;
}

/** Characters in the longest of the labels that can show as ticks (0 when none). */
function longest(labels?: readonly string[]): number {
  let n = 0;
  if (labels) for (const l of labels) if (l.length > n) n = l.length;
  return Math.min(n, 24);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
