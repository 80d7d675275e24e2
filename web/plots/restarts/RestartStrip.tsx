// The spread of a run's restarts: a strip plot of each finished restart's final relative error
// (SVG, positions in percent so it follows its box), the best one filled. Shown under the loss plot
// for a run with restarts.
import { useMemo } from 'react';
import { useAppState } from '../../app/context.js';
import { PlotFrame } from '../PlotFrame.js';
import { stripData } from './stripData.js';
import '../plots.css';

/** Horizontal margin of the axis, in percent of the width. */
const SIDE = 4;
const ROW_PX = 13;

/** x of a position 0..1 along the axis, as an SVG percentage. */
const x = (at: number) => `${SIDE + at * (100 - 2 * SIDE)}%`;

/** The strip plot of the current run's restarts; nothing for a run of one restart. */
export function RestartStrip() {
  const restarts = useAppState((s) => s.run.restarts);
  const data = useMemo(() => (restarts ? stripData(restarts) : null), [restarts]);
  if (!restarts || !data) return null;
  const top = 10;
  const axisY = top + data.rows * ROW_PX;
  const height = axisY + 22;
  const title = 'Final relative error of each restart';
  return (
    <PlotFrame
      title={title}
      summary={data.summary}
      pngButton={false}
      className="restart-strip"
      notes={[restarts.done ? `best of ${restarts.total} kept (filled)` : `${data.points.length} of ${restarts.total} restarts done`]}
    >
      <svg width="100%" height={height} role="img" aria-label={data.summary}>
        <line x1={x(0)} x2={x(1)} y1={axisY} y2={axisY} className="strip-axis" />
        {data.ticks.map((t) => (
          <g key={t.value}>
            <line x1={x(t.at)} x2={x(t.at)} y1={axisY} y2={axisY + 4} className="strip-axis" />
            <text x={x(t.at)} y={axisY + 16} textAnchor="middle" className="strip-tick">
              {t.text}
            </text>
          </g>
        ))}
        {data.points.map((p) => (
          <circle
            key={p.restart}
            cx={x(p.at)}
            cy={axisY - 6 - p.row * ROW_PX}
            r={p.best ? 5.5 : 4.5}
            className={p.best ? 'strip-dot best' : p.diverged ? 'strip-dot diverged' : 'strip-dot'}
          >
            <title>{p.label}</title>
          </circle>
        ))}
      </svg>
    </PlotFrame>
  );
}
