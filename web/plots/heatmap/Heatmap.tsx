// One matrix as a heatmap drawn by our own code: block means (when it is bigger than the plot can
// show) painted one pixel per cell through a colour lookup table into a <canvas>, which CSS scales
// up without smoothing; axes, colour bar, title and hover in light DOM. Missing entries grey, a
// diverging scale centred at 0 for residuals, row 1 at the top, hover = row, column, value (the
// block's range and mean when averaged). Draws go through the frame queue and skip while off screen.
import { useEffect, useMemo, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { cellAt, indexTicks, sourcePosition, spanName, valueTicks } from '../axes.js';
import { fitBlocks, fitLayout, isAveraged, type BlockAverage, type BlockExtremes, type DisplayMatrix } from '../../shared/blocks.js';
import { colorLut, hexRgb, paintCells } from './colormap.js';
import { colorRange, colorStops, MISSING_COLOR, OVER_COLOR } from './colors.js';
import { downloadCanvas } from '../download.js';
import { AxisTicks, ColorBar, HoverBox } from './PlotParts.js';
import { drawHeatmapPicture, type PictureTick } from './heatmapPng.js';
import { PlotFrame } from '../PlotFrame.js';
import { blockNote, cellNumber, fileName, matrixSummary, shortNumber } from '../summary.js';
import { useQueuedDraw } from '../frame/useQueuedDraw.js';
import '../plots.css';

/** Props of Heatmap. `matrix.data` is read as immutable: pass a new array (or bump `revision`) to redraw. */
export interface HeatmapProps {
  /** Title shown on the plot, also its accessible name. */
  label: string;
  /** The matrix (rows×cols, NaN = missing), possibly already block means of a bigger one (the axes count its source). */
  matrix: DisplayMatrix;
  /** rows×cols, 1 = observed, 0 = missing (shown grey); null/absent = all observed. */
  mask?: ArrayLike<number> | null;
  /** rows×cols subtracted from `matrix.data` for display: shows data − minus (the residual V − WH without forming it). */
  minus?: ArrayLike<number> | null;
  /** 'diverging': blue–white–red centred at 0 with a symmetric range (residuals). */
  colorScale: 'sequential' | 'diverging';
  /** Colour range to share between plots (a diverging scale widens it to be symmetric about 0). */
  zRange?: [number, number];
  /** Labels of the source rows and columns (tick texts and hover). */
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Height of the plot area (cells, ticks and axis titles) in px (default 300). */
  height?: number;
  /** Axis titles (default none) and the nouns used in hover ("row", "col"). */
  xTitle?: string;
  yTitle?: string;
  rowNoun?: string;
  colNoun?: string;
  /** One plain line under the plot on what it shows (see PlotFrame). */
  caption?: string;
  /** An extra note shown under the plot. */
  note?: string;
  /** At most this many cells per side are drawn; bigger matrices are block-averaged (default 200). */
  maxCells?: number;
  /** Change (any value, compared with Object.is) to redraw when `data` was changed in place. */
  revision?: unknown;
  /** A diverging scale's half-width is at least this (the residual's floor, tied to the size of V). */
  floor?: number;
  /** Paint cells above the top of `zRange` in OVER_COLOR and count them (a clipped, robust range). */
  markAbove?: boolean;
  /** Smallest and largest source entry of each cell (block means only): shown in hover, and the data range in a note. */
  extremes?: BlockExtremes | null;
  /** Block means of each cell, when the cells show something else (the residual's largest entry); for hover. */
  means?: ArrayLike<number> | null;
  /** What a drawn cell is, in hover (default "mean" for block means, "value" otherwise). */
  cellName?: string;
  /** Say the block size under this plot (default true; a figure of several plots says it once). */
  blockNote?: boolean;
  /** Write each cell's value in it (small matrices drawn cell for cell; ignored for block means). */
  cellNumbers?: boolean;
}

/** What the last draw showed: the source range, missing count and the colour range. */
interface Shown {
  min: number;
  max: number;
  missing: number;
  lo: number;
  hi: number;
  /** Cells above hi, painted OVER_COLOR (markAbove only), and the largest of them. */
  clipped: number;
  top: number;
}

const MISSING_RGB = hexRgb(MISSING_COLOR);
const OVER_RGB = hexRgb(OVER_COLOR);

/** A heatmap of one rows×cols matrix (see HeatmapProps). */
export function Heatmap(props: HeatmapProps) {
  const { label, matrix, mask, minus, colorScale, zRange, rowLabels, colLabels, height = 300, note } = props;
  const { rows, cols, data } = matrix;
  const maxCells = props.maxCells ?? 200;
  const rowNoun = props.rowNoun ?? 'row';
  const colNoun = props.colNoun ?? 'col';
  const d = fitLayout(matrix, maxCells);
  const averaged = isAveraged(d);

  const area = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const grid = useRef<BlockAverage | null>(null);
  const inputs = useRef<unknown[]>([]);
  const image = useRef<ImageData | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [size, setSize] = useState({ w: 320, h: 220 });
  const [hover, setHover] = useState<{ x: number; y: number; fx: number; fy: number } | null>(null);
  const hovering = useRef(false);
  const [, setDraws] = useState(0);
  const stops = colorStops(colorScale);
  const lut = useMemo(() => colorLut(stops), [stops]);

  useQueuedDraw(
    area,
    label,
    'light',
    () => {
      const c = canvas.current;
      const ctx = c?.getContext('2d');
      if (!c || !ctx || rows * cols === 0) return;
      const now = [
        rows,
        cols,
        data,
        matrix.blockRows,
        matrix.blockCols,
        matrix.sourceRows,
        matrix.sourceCols,
        mask,
        minus,
        maxCells,
        props.revision,
      ];
      if (!grid.current || now.some((x, i) => !Object.is(x, inputs.current[i]))) {
        grid.current = fitBlocks(matrix, maxCells, maxCells, { mask, minus, reuse: grid.current });
        inputs.current = now;
      }
      const g = grid.current;
      const cells = g.matrix;
      let [lo, hi] = colorRange(colorScale, zRange, cells.data);
      if (colorScale === 'diverging' && props.floor && hi < props.floor) [lo, hi] = [-props.floor, props.floor];
      let clipped = 0;
      let top = -Infinity;
      if (props.markAbove)
        for (const v of cells.data)
          if (v > hi) {
            clipped++;
            if (v > top) top = v;
          }
      if (c.width !== cells.cols || c.height !== cells.rows) {
        c.width = cells.cols;
        c.height = cells.rows;
      }
      if (!image.current || image.current.width !== cells.cols || image.current.height !== cells.rows)
        image.current = ctx.createImageData(cells.cols, cells.rows);
      paintCells(cells.data, lo, hi, lut, MISSING_RGB, image.current.data, props.markAbove ? OVER_RGB : undefined);
      ctx.putImageData(image.current, 0, 0);
      const [min, max] = props.extremes ? extremeRange(props.extremes) : [g.min, g.max];
      setShown((s) =>
        s &&
        s.min === min &&
        s.max === max &&
        s.missing === g.missing &&
        s.lo === lo &&
        s.hi === hi &&
        s.clipped === clipped &&
        s.top === top
          ? s
          : { min, max, missing: g.missing, lo, hi, clipped, top },
      );
      if (hovering.current) setDraws((n) => n + 1); // the hover box shows the new value
    },
    [
      rows,
      cols,
      data,
      matrix.blockRows,
      matrix.blockCols,
      matrix.sourceRows,
      matrix.sourceCols,
      mask,
      minus,
      maxCells,
      props.revision,
      colorScale,
      zRange?.[0],
      zRange?.[1],
      lut,
      props.floor,
      props.markAbove,
      props.extremes,
    ],
  );

  // The plot area's size in px: how many tick labels fit.
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      setSize((s) => (s.w === w && s.h === h ? s : { w, h }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const xTicks = useMemo(
    () => positioned(indexTicks(d.sourceCols, size.w / Math.max(42, 6.5 * longest(colLabels) + 12), colLabels), d.blockCols, d.sourceCols),
    [d.sourceCols, d.blockCols, size.w, colLabels],
  );
  const yTicks = useMemo(
    () => positioned(indexTicks(d.sourceRows, size.h / 18, rowLabels), d.blockRows, d.sourceRows),
    [d.sourceRows, d.blockRows, size.h, rowLabels],
  );
  const barTicks = useMemo(() => (shown ? valueTicks(shown.lo, shown.hi, Math.max(2, Math.min(6, size.h / 36))) : []), [shown, size.h]);

  // The values written in the cells (matrix − minus, blank where missing), for a small matrix drawn cell for cell.
  const numbers = useMemo(() => {
    if (!props.cellNumbers || averaged || d.rows !== rows || d.cols !== cols) return null;
    return Array.from(data, (v, t) => (mask && mask[t] === 0 ? '' : cellNumber(v - (minus ? minus[t] : 0))));
  }, [props.cellNumbers, averaged, d.rows, d.cols, rows, cols, data, mask, minus]);

  const notes: ReactNode[] = [];
  if (averaged && props.blockNote !== false) notes.push(`${capitalize(blockNote(d))}.`);
  if (averaged && shown && props.extremes && !Number.isNaN(shown.min))
    notes.push(
      `Data range ${shortNumber(shown.min)}–${shortNumber(shown.max)}; the colour bar spans ${shortNumber(shown.lo)}–${shortNumber(shown.hi)}.`,
    );
  if (shown && shown.clipped > 0)
    notes.push(
      <>
        <span className="plot-swatch" style={{ background: OVER_COLOR }} aria-hidden="true" />
        Magenta: {shown.clipped} {shown.clipped === 1 ? 'cell' : 'cells'} above the colour range (up to {shortNumber(shown.top)}), which
        stops at {shortNumber(shown.hi)} so the rest stay visible.
      </>,
    );
  if (shown && shown.missing > 0)
    notes.push(
      <>
        <span className="plot-swatch" style={{ background: MISSING_COLOR }} aria-hidden="true" />
        Grey: missing ({shown.missing} {shown.missing === 1 ? 'entry' : 'entries'}).
      </>,
    );
  if (note) notes.push(note);
  const summary =
    rows * cols === 0
      ? `${label}: empty (${d.sourceRows}×${d.sourceCols}).`
      : shown
        ? matrixSummary(label, d, shown.min, shown.max, shown.missing)
        : `${label}: ${d.sourceRows}×${d.sourceCols}.`;

  const pointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    hovering.current = true;
    setHover({ x, y, fx: x / r.width, fy: y / r.height });
  };
  const leave = () => {
    hovering.current = false;
    setHover(null);
  };
  let hoverLines: string[] | null = null;
  const g = grid.current;
  if (hover && g && g.matrix.rows === d.rows && g.matrix.cols === d.cols) {
    const r = cellAt(hover.fy, d.rows);
    const c = cellAt(hover.fx, d.cols);
    const t = r * d.cols + c;
    const v = g.matrix.data[t];
    hoverLines = [
      spanName(rowNoun, r, d.blockRows, d.sourceRows, rowLabels),
      spanName(colNoun, c, d.blockCols, d.sourceCols, colLabels),
      Number.isNaN(v) ? 'missing' : `${props.cellName ?? (averaged ? 'mean' : 'value')} ${shortNumber4(v)}`,
    ];
    // block means drawn as they are (no further averaging here): the block's mean, min and max
    const ex = props.extremes;
    if (ex && !Number.isNaN(v) && d.rows === rows && d.cols === cols) {
      if (props.means) hoverLines.push(`mean ${shortNumber4(props.means[t])}`);
      hoverLines.push(`min ${shortNumber4(ex.min[t])} · max ${shortNumber4(ex.max[t])}`);
    }
  }

  const download = async () => {
    const c = canvas.current;
    if (!c || !shown) throw new Error('the heatmap is not drawn yet');
    const picture = drawHeatmapPicture({
      title: label,
      cells: c,
      xTicks,
      yTicks,
      xTitle: props.xTitle,
      yTitle: props.yTitle,
      stops,
      barTicks,
      notes: averaged ? [`${capitalize(blockNote(d))}.`] : [],
    });
    await downloadCanvas(picture, `${fileName(label)}.png`);
  };

  return (
    <PlotFrame
      title={label}
      summary={summary}
      caption={props.caption}
      notes={notes}
      className="heatmap"
      onDownload={shown ? download : undefined}
    >
      <div className={`heatmap-body${props.yTitle ? ' has-ytitle' : ''}${props.xTitle ? ' has-xtitle' : ''}`} style={{ height }}>
        {props.yTitle && <div className="heatmap-ytitle">{props.yTitle}</div>}
        <AxisTicks side="y" ticks={yTicks} />
        <div ref={area} className="heatmap-area" onPointerMove={pointer} onPointerDown={pointer} onPointerLeave={leave}>
          <canvas ref={canvas} className="heatmap-canvas" width={d.cols} height={d.rows} />
          {numbers && (
            <div
              className="heatmap-numbers"
              style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}
              aria-hidden="true"
            >
              {numbers.map((text, t) => (
                <span key={t}>{text}</span>
              ))}
            </div>
          )}
          {hoverLines && hover && <HoverBox lines={hoverLines} x={hover.x} y={hover.y} flip={hover.fx > 0.5} />}
        </div>
        <ColorBar stops={stops} ticks={barTicks} />
        <AxisTicks side="x" ticks={xTicks} />
        {props.xTitle && <div className="heatmap-xtitle">{props.xTitle}</div>}
      </div>
    </PlotFrame>
  );
}

/** Index ticks placed along a side drawn with blocks of `factor` source entries. */
function positioned(t: { tickvals: number[]; ticktext: string[] }, factor: number, n: number): PictureTick[] {
  return t.tickvals.map((i, k) => ({ at: sourcePosition(i, factor, n), text: t.ticktext[k] }));
}

/** Characters in the longest of the labels that can show as ticks (0 when none). */
function longest(labels?: readonly string[]): number {
  let n = 0;
  if (labels) for (const l of labels) if (l.length > n) n = l.length;
  return Math.min(n, 14); // longer labels are cut to the room between ticks (AxisTicks)
}

/** A hover value in at most 4 significant digits. */
function shortNumber4(x: number): string {
  const a = Math.abs(x);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? shortNumber(x) : String(Number(x.toPrecision(4)));
}

/** Smallest of the mins and largest of the maxes (NaN cells skipped). */
function extremeRange(e: BlockExtremes): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < e.min.length; t++) {
    if (e.min[t] < lo) lo = e.min[t];
    if (e.max[t] > hi) hi = e.max[t];
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
