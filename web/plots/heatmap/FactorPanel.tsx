// V, WH, V − WH, W and H side by side: V and WH on one colour range, the residual on a symmetric
// diverging scale, W and H each on their own; a grid that stacks on narrow screens.
import { useMemo } from 'react';
import type { DisplayMatrix } from '../../shared/blocks.js';
import { niceRange, unionRange, valueRange } from './colors.js';
import { Heatmap } from './Heatmap.js';
import '../plots.css';

/**
 * Props of FactorPanel: V (m×n), its reconstruction WH (m×n), W (m×k), H (k×n), mask of V (m×n, 1
 * observed, 0 missing). When they are block means (the worker's display matrices), m, n and k are
 * the displayed shapes, and each matrix names the source it stands for.
 */
export interface FactorPanelProps {
  V: DisplayMatrix;
  WH: DisplayMatrix;
  W: DisplayMatrix;
  H: DisplayMatrix;
  mask?: Float64Array | null;
  /** Labels of the rows and columns of V (of the source matrix). */
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Height of each heatmap's plot area in px (default 260). */
  height?: number;
}

/** Titles of the panel's plots (also their accessible names). */
export const PANEL_TITLES = {
  V: 'V (data)',
  WH: 'WH (reconstruction)',
  R: 'V − WH (residual)',
  W: 'W (rows × components)',
  H: 'H (components × columns)',
} as const;

/** The five heatmaps of a factorization V ≈ WH (see FactorPanelProps). */
export function FactorPanel({ V, WH, W, H, mask, rowLabels, colLabels, height = 260 }: FactorPanelProps) {
  const m = V.rows;
  const n = V.cols;
  const k = W.cols;
  const mismatch =
    WH.rows !== m || WH.cols !== n
      ? `WH is ${WH.rows}×${WH.cols} but V is ${m}×${n}`
      : W.rows !== m
        ? `W has ${W.rows} rows but V has ${m}`
        : H.cols !== n
          ? `H has ${H.cols} columns but V has ${n}`
          : H.rows !== k
            ? `W has ${k} columns but H has ${H.rows} rows`
            : mask && mask.length !== m * n
              ? `the mask has ${mask.length} entries for a ${m}×${n} V`
              : null;

  // Ranges of V (once per V) and of WH (each update, a read-only pass), for the shared colour range.
  const vRange = useMemo(() => (mismatch ? null : valueRange(V.data, mask)), [V.data, mask, mismatch]);
  const whRange = useMemo(() => (mismatch ? null : valueRange(WH.data)), [WH.data, mismatch]);
  const union = vRange && whRange ? unionRange([vRange.min, vRange.max], [whRange.min, whRange.max]) : undefined;
  const sharedRange = union && niceRange(union);

  if (mismatch || !vRange)
    return (
      <p className="plot-mismatch" role="alert">
        Cannot show the factors: {mismatch}.
      </p>
    );
  const missing = vRange.missing;
  return (
    <div className="plot-grid">
      <Heatmap
        label={PANEL_TITLES.V}
        matrix={V}
        mask={mask}
        colorScale="sequential"
        zRange={sharedRange}
        rowLabels={rowLabels}
        colLabels={colLabels}
        height={height}
        note="Same colour range as WH."
      />
      <Heatmap
        label={PANEL_TITLES.WH}
        matrix={WH}
        colorScale="sequential"
        zRange={sharedRange}
        rowLabels={rowLabels}
        colLabels={colLabels}
        height={height}
        note={
          missing > 0 ? `At the ${missing} missing ${missing === 1 ? 'entry' : 'entries'} of V, WH shows the predicted values.` : undefined
        }
      />
      <Heatmap
        label={PANEL_TITLES.R}
        matrix={V}
        minus={WH.data}
        mask={mask}
        colorScale="diverging"
        rowLabels={rowLabels}
        colLabels={colLabels}
        height={height}
        note="Red: V above WH; blue: below."
      />
      <Heatmap
        label={PANEL_TITLES.W}
        matrix={W}
        colorScale="sequential"
        rowLabels={rowLabels}
        xTitle="component"
        colNoun="component"
        height={height}
      />
      <Heatmap
        label={PANEL_TITLES.H}
        matrix={H}
        colorScale="sequential"
        colLabels={colLabels}
        yTitle="component"
        rowNoun="component"
        height={height}
      />
    </div>
  );
}
