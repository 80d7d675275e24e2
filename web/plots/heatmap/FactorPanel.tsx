// V, WH, V − WH, W and H side by side: V and WH on one colour range while it suits both, the
// residual on a diverging scale scaled against V (a close fit looks pale), W and H each on their
// own (robust to a few dominant entries; diverging when they have negatives); a grid that stacks
// on narrow screens. Block means are said once for the figure. A small factorization (up to
// SMALL_SIDE rows and columns) has its numbers written in the cells and is laid out as the product
// reads: W left of WH, H above it, V beside it.
import { useMemo } from 'react';
import { isAveraged, type BlockExtremes, type DisplayMatrix } from '../../shared/blocks.js';
import type { SparseResidual } from '../../shared/protocol.js';
import { shortNumber } from '../summary.js';
import { niceRange, unionRange, valueRange } from './colors.js';
import { canShareRange, robustTop, signedLargest } from './ranges.js';
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
  /** Smallest and largest entry of each cell of V, WH and V − WH when they are block means (the worker's). */
  extremes?: { readonly V?: BlockExtremes | null; readonly WH: BlockExtremes; readonly R: BlockExtremes } | null;
  /** Negative entries of the full W and H (then their plots use a diverging scale). */
  negatives?: { readonly W: number; readonly H: number };
  /** When V is held by its observed entries only (long-format data too large for a dense copy): how many. */
  sparseEntries?: number;
  /** Then V − WH at those entries by cell (mean, smallest and largest): the residual heatmap shows it. */
  sparseResidual?: SparseResidual | null;
}

/** Matrices with at most this many rows and columns are drawn as the product reads, their numbers in the cells. */
export const SMALL_SIDE = 12;

/** Height in px of one cell row of a small factorization's heatmaps. */
const SMALL_CELL = 34;

/** Titles of the panel's plots (also their accessible names). */
export const PANEL_TITLES = {
  V: 'V (data)',
  WH: 'WH (reconstruction)',
  R: 'V − WH (residual)',
  W: 'W (rows × components)',
  H: 'H (components × columns)',
} as const;

/** What each of the panel's plots shows, one plain line under it. */
export const PANEL_CAPTIONS = {
  V: 'V: the data being factorized, one cell per entry; it stays as it is during the run.',
  WH: 'WH: the reconstruction, W times H; it fills in as the run goes and comes to look like V.',
  R: 'V − WH: the residual, what WH still misses; it fades as the fit improves.',
  W: 'W: one column per component; a row of W says how much of each component that row of V takes.',
  H: 'H: one row per component; a column of H says how much of each component that column of V takes.',
} as const;

/** The five heatmaps of a factorization V ≈ WH (see FactorPanelProps). */
export function FactorPanel({
  V,
  WH,
  W,
  H,
  mask,
  rowLabels,
  colLabels,
  height = 260,
  extremes,
  negatives,
  sparseEntries,
  sparseResidual,
}: FactorPanelProps) {
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
  const shared = !!vRange && !!whRange && canShareRange([vRange.min, vRange.max], [whRange.min, whRange.max]);
  const sharedRange = shared && union ? niceRange(union) : undefined;
  // The residual's blocks by their largest entry (with its sign): means of signed residuals cancel.
  // (for a sparse V, over its observed entries only, from the worker)
  const Rextremes = extremes?.R ?? sparseResidual?.extremes ?? null;
  const R = useMemo(
    () => (Rextremes && !mismatch ? { ...WH, data: signedLargest(Rextremes.min, Rextremes.max) } : null),
    [Rextremes, WH, mismatch],
  );
  const Rmeans = useMemo(() => {
    if (!R) return null;
    if (sparseResidual) return sparseResidual.means;
    const out = new Float64Array(V.data.length);
    for (let t = 0; t < out.length; t++) out[t] = V.data[t] - WH.data[t];
    return out;
  }, [R, V.data, WH.data, sparseResidual]);
  const vScale = vRange ? Math.max(Math.abs(vRange.min), Math.abs(vRange.max)) : 0;
  const Wneg = (negatives?.W ?? 0) > 0 || (valueRange(W.data).min ?? 0) < 0;
  const Hneg = (negatives?.H ?? 0) > 0 || (valueRange(H.data).min ?? 0) < 0;
  const Wtop = useMemo(() => (Wneg ? null : robustTop(W, 'cols')), [W, Wneg]);
  const Htop = useMemo(() => (Hneg ? null : robustTop(H, 'rows')), [H, Hneg]);

  if (mismatch || !vRange)
    return (
      <p className="plot-mismatch" role="alert">
        Cannot show the factors: {mismatch}.
      </p>
    );
  const missing = vRange.missing;
  const averaged = isAveraged(V);
  const small = !averaged && m <= SMALL_SIDE && n <= SMALL_SIDE;
  // the product's layout: rows of W, WH and V line up (one height), H's rows are k cells high
  const hV = small ? m * SMALL_CELL + 20 : height;
  const hH = small ? k * SMALL_CELL + 20 : height;
  const hW = small ? hV + 17 : height; // W's x-axis title takes 1.3em (17 px) of its height: its cells then line up with WH's
  // W's column keeps room for its title on one line, so its cells start level with WH's
  const gridStyle = small ? { gridTemplateColumns: `minmax(15rem, ${k + 2}fr) minmax(0, ${n + 2}fr) minmax(0, ${n + 2}fr)` } : undefined;
  const whSpan = whRange && `${shortNumber(whRange.min)}–${shortNumber(whRange.max)}`;
  const vSpan = `${shortNumber(vRange.min)}–${shortNumber(vRange.max)}`;
  const ownRange = `Own colour range: WH spans ${whSpan}, too far from V's ${vSpan} to share one.`;
  /** W's or H's colours: blue–red around 0 when it has negatives, else viridis up to its robust top (clipped cells marked). */
  const factorColours = (M: DisplayMatrix, name: string, neg: boolean, top: { hi: number } | null, count: number | undefined) => ({
    colorScale: neg ? ('diverging' as const) : ('sequential' as const),
    zRange: top ? ([Math.min(0, valueRange(M.data).min), top.hi] as [number, number]) : undefined,
    markAbove: !!top,
    note: neg ? `Blue–red around 0: ${name} has ${count ?? 'some'} negative ${count === 1 ? 'entry' : 'entries'} (blue).` : undefined,
  });
  return (
    <>
      {averaged && (
        <p className="plot-figure-note">
          Block means: each cell of V, WH and V − WH stands for a {V.blockRows}×{V.blockCols} block ({V.sourceRows}×{V.sourceCols} shown as{' '}
          {V.rows}×{V.cols}); W in blocks of {W.blockRows} rows, H in blocks of {H.blockCols} columns. Hover a cell for its block's mean,
          min and max.
          {sparseEntries !== undefined &&
            ` Block view of a sparse V: it is held by its ${sparseEntries.toLocaleString('en-US')} observed entries, so a cell of V is the mean of the observed entries in its block, a cell of WH the mean of all its block (predictions included), and V − WH the residual at the observed entries only (its largest in the block, with its sign; hover for its mean).`}
        </p>
      )}
      <div className={small ? 'plot-product' : 'plot-grid'} style={gridStyle}>
        <div className="plot-cell-V">
          <Heatmap
            label={PANEL_TITLES.V}
            caption={PANEL_CAPTIONS.V}
            matrix={V}
            mask={mask}
            colorScale="sequential"
            zRange={sharedRange}
            rowLabels={rowLabels}
            colLabels={colLabels}
            height={hV}
            cellNumbers={small}
            extremes={extremes?.V}
            blockNote={false}
            note={shared ? 'Same colour range as WH.' : ownRange}
          />
        </div>
        <div className="plot-cell-WH">
          <Heatmap
            label={PANEL_TITLES.WH}
            caption={PANEL_CAPTIONS.WH}
            matrix={WH}
            colorScale="sequential"
            zRange={sharedRange}
            rowLabels={rowLabels}
            colLabels={colLabels}
            height={hV}
            cellNumbers={small}
            extremes={extremes?.WH}
            blockNote={false}
            note={
              [
                shared ? '' : ownRange,
                missing > 0 ? `At the ${missing} missing ${missing === 1 ? 'entry' : 'entries'} of V, WH shows the predicted values.` : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
          />
        </div>
        <div className="plot-cell-R">
          <Heatmap
            label={PANEL_TITLES.R}
            caption={PANEL_CAPTIONS.R}
            matrix={R ?? V}
            minus={R ? null : WH.data}
            mask={mask}
            colorScale="diverging"
            floor={0.01 * vScale}
            rowLabels={rowLabels}
            colLabels={colLabels}
            height={hV}
            cellNumbers={small}
            extremes={Rextremes}
            means={Rmeans}
            cellName={R ? 'largest' : undefined}
            blockNote={false}
            note={`Red: V above WH; blue: below. Scaled against V: the range never shrinks below ±${shortNumber(0.01 * vScale)} (1% of the largest |V|), so a close fit looks pale.${R ? " Each cell shows its block's largest residual, with its sign." : ''}`}
          />
        </div>
        <div className="plot-cell-W">
          <Heatmap
            label={PANEL_TITLES.W}
            caption={PANEL_CAPTIONS.W}
            matrix={W}
            {...factorColours(W, 'W', Wneg, Wtop, negatives?.W)}
            blockNote={false}
            rowLabels={rowLabels}
            xTitle="component"
            colNoun="component"
            height={hW}
            cellNumbers={small}
          />
        </div>
        <div className="plot-cell-H">
          <Heatmap
            label={PANEL_TITLES.H}
            caption={PANEL_CAPTIONS.H}
            matrix={H}
            {...factorColours(H, 'H', Hneg, Htop, negatives?.H)}
            blockNote={false}
            colLabels={colLabels}
            yTitle="component"
            rowNoun="component"
            height={hH}
            cellNumbers={small}
          />
        </div>
      </div>
    </>
  );
}
