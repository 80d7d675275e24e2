// The light DOM around a plot canvas: tick labels of both axes, the colour bar (heatmaps) with its
// labels, and the hover box. Positions are percentages of the plot area, so CSS keeps them in
// place when the plot is resized.
import type { ColorStops } from './colors.js';
import { cssGradient } from './colormap.js';
import type { PictureTick } from './heatmapPng.js';

/** Tick labels along one side of the plot area; `sizer` (the longest text) gives the column its width. */
export function AxisTicks({ side, ticks }: { side: 'x' | 'y'; ticks: readonly PictureTick[] }) {
  const longest = ticks.reduce((a, t) => (t.text.length > a.length ? t.text : a), '');
  return (
    <div className={`axis-ticks axis-${side}ticks`} aria-hidden="true">
      {side === 'y' && <span className="axis-sizer">{longest}</span>}
      {ticks.map((t, i) => (
        <span key={i} className="axis-tick" style={side === 'x' ? { left: `${t.at * 100}%` } : { top: `${t.at * 100}%` }}>
          {t.text}
        </span>
      ))}
    </div>
  );
}

/** The colour bar: the scale's gradient, low at the bottom, with the labels of round values. */
export function ColorBar({ stops, ticks }: { stops: ColorStops; ticks: readonly PictureTick[] }) {
  const longest = ticks.reduce((a, t) => (t.text.length > a.length ? t.text : a), '');
  return (
    <div className="heatmap-bar" aria-hidden="true">
      <div className="heatmap-bar-strip" style={{ background: cssGradient(stops) }} />
      <div className="heatmap-bar-labels">
        <span className="axis-sizer">{longest}</span>
        {ticks.map((t, i) => (
          <span key={i} className="heatmap-bar-label" style={{ bottom: `${t.at * 100}%` }}>
            {t.text}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The hover box at (x, y) px in the plot area, placed left of the pointer when it is past the middle. */
export function HoverBox({ lines, x, y, flip }: { lines: readonly string[]; x: number; y: number; flip: boolean }) {
  return (
    <div className="plot-hover" style={{ left: x, top: y, transform: `translate(${flip ? 'calc(-100% - 10px)' : '10px'}, -50%)` }}>
      {lines.map((l, i) => (
        <div key={i}>{l}</div>
      ))}
    </div>
  );
}
