// The light DOM around a plot canvas: tick labels of both axes, the colour bar (heatmaps) with its
// labels, and the hover box. Positions are percentages of the plot area, so CSS keeps them in
// place when the plot is resized.
import type { ColorStops } from './colors.js';
import { cssGradient } from './colormap.js';
import type { PictureTick } from './heatmapPng.js';

/**
 * Tick labels along one side of the plot area; `sizer` (the longest text) gives the y column its
 * width. An x label is at most as wide as the gap to its nearest neighbour, cut with "…" beyond it
 * (the full text in its title), so long column names never run over each other or the next plot.
 */
export function AxisTicks({ side, ticks }: { side: 'x' | 'y'; ticks: readonly PictureTick[] }) {
  const longest = ticks.reduce((a, t) => (t.text.length > a.length ? t.text : a), '');
  const gaps = side === 'x' ? tickGaps(ticks.map((t) => t.at)) : null;
  return (
    <div className={`axis-ticks axis-${side}ticks`} aria-hidden="true">
      {side === 'y' && <span className="axis-sizer">{longest}</span>}
      {ticks.map((t, i) =>
        gaps ? (
          <span key={i} className="axis-tick" title={t.text} style={{ left: `${t.at * 100}%`, maxWidth: `calc(${gaps[i] * 100}% - 4px)` }}>
            <span className="axis-tick-text">{t.text}</span>
          </span>
        ) : (
          <span key={i} className="axis-tick" style={{ top: `${t.at * 100}%` }}>
            {t.text}
          </span>
        ),
      )}
    </div>
  );
}

/**
 * For ticks at fractions `at` (ascending, 0..1) of a side: how wide each one's centred label may be,
 * as a fraction of the side: its distance to its nearest neighbour, and for the first and last no
 * more than EDGE_ROOM beyond the end of the side.
 */
export function tickGaps(at: readonly number[]): number[] {
  return at.map((x, i) =>
    Math.min(i > 0 ? x - at[i - 1] : 2 * (x + EDGE_ROOM), i + 1 < at.length ? at[i + 1] - x : 2 * (1 - x + EDGE_ROOM), 1),
  );
}

/** How far (a fraction of the side) an end label may reach past the plot area, into the empty corner beside it. */
const EDGE_ROOM = 0.03;

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
