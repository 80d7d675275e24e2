// A heatmap as a PNG picture, drawn on a canvas: the title, the cells (scaled up without smoothing),
// the tick labels of both axes, the axis titles, the colour bar with its labels and the notes.
import type { ColorStops } from './colors.js';
import type { ValueTick } from '../axes.js';

/** A tick of an axis of the picture: where it sits (fraction 0..1 of the side) and its text. */
export interface PictureTick {
  at: number;
  text: string;
}

/** What the picture shows. */
export interface HeatmapPicture {
  title: string;
  /** The heatmap's canvas: one pixel per cell. */
  cells: HTMLCanvasElement;
  xTicks: readonly PictureTick[];
  yTicks: readonly PictureTick[];
  xTitle?: string;
  yTitle?: string;
  stops: ColorStops;
  barTicks: readonly ValueTick[];
  notes: readonly string[];
}

const FONT = 'system-ui, sans-serif';

/** The picture on a new canvas of width×height CSS pixels at `scale` device pixels each. */
export function drawHeatmapPicture(p: HeatmapPicture, width = 640, height = 520, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1d2330';
  ctx.font = `600 16px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(p.title, 12, 10);

  ctx.font = `11px ${FONT}`;
  const yLabelWidth = Math.max(0, ...p.yTicks.map((t) => ctx.measureText(t.text).width));
  const barLabelWidth = Math.max(0, ...p.barTicks.map((t) => ctx.measureText(t.text).width));
  const left = 12 + (p.yTitle ? 18 : 0) + yLabelWidth + 6;
  const top = 38;
  const bottom = height - 22 - (p.xTitle ? 18 : 0) - 16 * p.notes.length;
  const right = width - 12 - barLabelWidth - 6 - 12 - 10;
  const w = right - left;
  const h = bottom - top;

  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(p.cells, left, top, w, h);
  ctx.strokeStyle = '#888';
  ctx.strokeRect(left - 0.5, top - 0.5, w + 1, h + 1);

  ctx.fillStyle = '#333';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of p.yTicks) ctx.fillText(t.text, left - 5, top + t.at * h);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of p.xTicks) ctx.fillText(t.text, left + t.at * w, bottom + 4);
  if (p.xTitle) ctx.fillText(p.xTitle, left + w / 2, bottom + 20);
  if (p.yTitle) {
    ctx.save();
    ctx.translate(14, top + h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(p.yTitle, 0, 0);
    ctx.restore();
  }

  const barX = right + 12;
  const gradient = ctx.createLinearGradient(0, bottom, 0, top);
  for (const [at, color] of p.stops) gradient.addColorStop(at, color);
  ctx.fillStyle = gradient;
  ctx.fillRect(barX, top, 10, h);
  ctx.fillStyle = '#333';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  for (const t of p.barTicks) ctx.fillText(t.text, barX + 14, bottom - t.at * h);

  ctx.textBaseline = 'top';
  p.notes.forEach((n, i) => ctx.fillText(n, 12, height - 16 * (p.notes.length - i) - 2));
  return canvas;
}
