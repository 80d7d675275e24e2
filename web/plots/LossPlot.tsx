// Relative error per iteration on a log scale, several runs overlaid, each from iteration 0 (the
// initial W, H) with a dot at its start, so a run is visible from its first frame. Drawn on a
// <canvas> by our own code (a full redraw costs about a millisecond, the line thinned to a few
// points per pixel column); ticks, axis titles, legend and hover in light DOM. (plotly did this
// before: its redraw measured text with forced layouts and took 80–380 ms on a 2000×1000 run.)
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { downloadCanvas } from './download.js';
import { drawLossPicture } from './lossPng.js';
import {
  firstPoint, iterationAt, iterationTicks, linePoints, logTicks, lossAxes, valueAt, type LossAxes, type LossSeries,
} from './lossScale.js';
import { AxisTicks, HoverBox } from './PlotParts.js';
import { PlotFrame } from './PlotFrame.js';
import { fileName, lossSummary } from './summary.js';
import { useQueuedDraw } from './useQueuedDraw.js';
import './plots.css';

export type { LossSeries } from './lossScale.js';

/** Props of LossPlot: one series per run (initial = error at iteration 0, relError[i] = ‖V−WH‖/‖V‖ after iteration i+1). */
export interface LossPlotProps {
  series: readonly LossSeries[];
  /** Plot title, also its accessible name (default "Relative error per iteration"). */
  title?: string;
  /** Height of the plot area (curves, ticks, axis titles) in px (default 280). */
  height?: number;
}

/** Axis titles of the loss plot. */
export const LOSS_AXES = { x: 'Iteration', y: 'Relative error ‖V−WH‖/‖V‖' } as const;

/** Line colours of the series, in order. */
export const LOSS_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** The loss curves of one or more runs (see LossPlotProps). Pass a new `series` array to update. */
export function LossPlot({ series, title = 'Relative error per iteration', height = 280 }: LossPlotProps) {
  const area = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [size, setSize] = useState({ w: 600, h: 220 });
  const [hoverAt, setHoverAt] = useState<{ f: number; y: number } | null>(null);
  const axes = useMemo(() => lossAxes(series), [series]);
  const xTicks = useMemo(() => iterationTicks(axes.xMax, Math.max(2, size.w / 70)), [axes.xMax, size.w]);
  const yTicks = useMemo(() => logTicks(axes.yLo, axes.yHi, Math.max(2, size.h / 28)), [axes.yLo, axes.yHi, size.h]);

  useQueuedDraw(area, title, 'light', () => canvas.current && drawCurves(canvas.current, series, axes, yTicks, xTicks), [series, axes, size, xTicks, yTicks]);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize((s) => (s.w === el.clientWidth && s.h === el.clientHeight ? s : { w: el.clientWidth, h: el.clientHeight })));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const last = series.reduce((a, s) => Math.max(a, s.relError.length), 0);
  const hoverIt = hoverAt && series.some((s) => firstPoint(s)) ? iterationAt(hoverAt.f, axes.xMax, last) : null;
  const hoverLines =
    hoverIt === null
      ? null
      : [`iteration ${hoverIt}`, ...series.flatMap((s) => {
          const v = valueAt(s, hoverIt);
          return v === undefined ? [] : [`${s.name}: ${Number.isFinite(v) ? Number(v.toPrecision(4)) : v}`];
        })];
  const pointer = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHoverAt({ f: (e.clientX - r.left) / r.width, y: e.clientY - r.top });
  };

  const download = async () => {
    const picture = drawLossPicture({
      title, xTicks, yTicks, xTitle: LOSS_AXES.x, yTitle: LOSS_AXES.y,
      curves: (w, h, scale) => {
        const c = document.createElement('canvas');
        drawCurves(c, series, axes, yTicks, xTicks, w + 2 * MARGIN, h + 2 * MARGIN, scale);
        return c;
      },
      legend: series.length > 1 ? series.map((s, i) => ({ name: s.name, color: LOSS_COLORS[i % LOSS_COLORS.length] })) : [],
    });
    await downloadCanvas(picture, `${fileName(title)}.png`);
  };

  const flip = (hoverAt?.f ?? 0) > 0.6;
  return (
    <PlotFrame title={title} summary={`${title}: ${lossSummary(series)}`} className="loss" onDownload={download}>
      {series.length > 1 && (
        <ul className="loss-legend" aria-hidden="true">
          {series.map((s, i) => (
            <li key={i}>
              <span className="loss-swatch" style={{ background: LOSS_COLORS[i % LOSS_COLORS.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <div className="loss-body" style={{ height }}>
        <div className="loss-ytitle">{LOSS_AXES.y}</div>
        <AxisTicks side="y" ticks={yTicks.map((t) => ({ at: 1 - t.at, text: t.text }))} />
        <div ref={area} className="loss-area" onPointerMove={pointer} onPointerDown={pointer} onPointerLeave={() => setHoverAt(null)}>
          <canvas ref={canvas} className="loss-canvas" />
          {hoverIt !== null && hoverLines && (
            <>
              <div className="loss-cursor" style={{ left: `${(hoverIt / axes.xMax) * 100}%` }} />
              <HoverBox lines={hoverLines} x={(hoverIt / axes.xMax) * size.w} y={hoverAt!.y} flip={flip} />
            </>
          )}
        </div>
        <AxisTicks side="x" ticks={xTicks} />
        <div className="loss-xtitle">{LOSS_AXES.x}</div>
      </div>
    </PlotFrame>
  );
}

/** How far (CSS px) the canvas reaches past the plot area on each side (see plots.css .loss-canvas). */
const MARGIN = 4;

/**
 * Draws the grid lines and every series (line and start dot) on `c`: a box of width×height CSS px
 * (its own box by default) at `ratio` device pixels per CSS px (the screen's by default).
 */
function drawCurves(
  c: HTMLCanvasElement, series: readonly LossSeries[], axes: LossAxes, yTicks: readonly { at: number }[], xTicks: readonly { at: number }[],
  width = c.clientWidth, height = c.clientHeight, ratio = window.devicePixelRatio || 1,
): void {
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (c.width !== w || c.height !== h) {
    c.width = w;
    c.height = h;
  }
  const ctx = c.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, w, h);
  // The canvas reaches MARGIN px past the plot area on each side, so the start dots and the line's
  // width stay whole at the edges; inside, fraction f of an axis is MARGIN + f·(size − 2·MARGIN).
  const m = MARGIN * ratio;
  const X = (it: number) => m + (it / axes.xMax) * (w - 2 * m);
  const Y = (v: number) => m + (1 - (Math.log10(v) - axes.yLo) / (axes.yHi - axes.yLo)) * (h - 2 * m);
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#e6e9ee';
  ctx.beginPath();
  for (const t of yTicks) {
    const y = Math.round(m + (1 - t.at) * (h - 2 * m)) + 0.5;
    ctx.moveTo(m, y);
    ctx.lineTo(w - m, y);
  }
  for (const t of xTicks) {
    const x = Math.round(m + t.at * (w - 2 * m)) + 0.5;
    ctx.moveTo(x, m);
    ctx.lineTo(x, h - m);
  }
  ctx.stroke();
  ctx.lineWidth = 2 * ratio;
  ctx.lineJoin = 'round';
  series.forEach((s, i) => {
    const color = LOSS_COLORS[i % LOSS_COLORS.length];
    ctx.strokeStyle = color;
    ctx.beginPath();
    let pen = false;
    for (const p of linePoints(s, X, Y)) {
      if (!p) pen = false;
      else if (pen) ctx.lineTo(p[0], p[1]);
      else {
        ctx.moveTo(p[0], p[1]);
        pen = true;
      }
    }
    ctx.stroke();
    const start = firstPoint(s);
    if (start) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(X(start.x), Y(start.y), 3.5 * ratio, 0, 2 * Math.PI);
      ctx.fill();
    }
  });
}
