// The loss plot as a PNG picture, drawn on a canvas: the title, the legend, the curves (drawn again
// at the picture's resolution), the tick labels and the axis titles.
import type { PictureTick } from './heatmapPng.js';

/** What the picture shows. */
export interface LossPicture {
  title: string;
  /** The curves on a canvas for a plot area of w×h CSS px at `scale` (reaching `margin` px past it on each side). */
  curves: (w: number, h: number, scale: number) => HTMLCanvasElement;
  xTicks: readonly PictureTick[];
  /** Ticks of the y axis, `at` measured from the bottom. */
  yTicks: readonly PictureTick[];
  xTitle: string;
  yTitle: string;
  legend: readonly { name: string; color: string }[];
}

const FONT = 'system-ui, sans-serif';

/** The picture on a new canvas of width×height CSS pixels at `scale` device pixels each. */
export function drawLossPicture(p: LossPicture, width = 720, height = 400, scale = 2, margin = 4): HTMLCanvasElement {
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
  let lx = 12;
  for (const l of p.legend) {
    ctx.fillStyle = l.color;
    ctx.fillRect(lx, 38, 16, 3);
    ctx.fillStyle = '#333';
    ctx.fillText(l.name, lx + 20, 33);
    lx += 28 + ctx.measureText(l.name).width;
  }
  const yLabelWidth = Math.max(0, ...p.yTicks.map((t) => ctx.measureText(t.text).width));
  const left = 12 + 18 + yLabelWidth + 6;
  const top = p.legend.length ? 56 : 40;
  const right = width - 16;
  const bottom = height - 40;
  const w = right - left;
  const h = bottom - top;
  ctx.drawImage(p.curves(w, h, scale), left - margin, top - margin, w + 2 * margin, h + 2 * margin);
  ctx.strokeStyle = '#888';
  ctx.beginPath();
  ctx.moveTo(left - 0.5, top);
  ctx.lineTo(left - 0.5, bottom + 0.5);
  ctx.lineTo(right, bottom + 0.5);
  ctx.stroke();
  ctx.fillStyle = '#333';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of p.yTicks) ctx.fillText(t.text, left - 5, bottom - t.at * h);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of p.xTicks) ctx.fillText(t.text, left + t.at * w, bottom + 4);
  ctx.fillText(p.xTitle, left + w / 2, bottom + 20);
  ctx.save();
  ctx.translate(14, top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(p.yTitle, 0, -6);
  ctx.restore();
  return canvas;
}
