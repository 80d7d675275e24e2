// What the run looks like: the loss curve and the heatmaps of V, WH, V − WH, W and H (and, for
// image data, the columns of W as images). Matrices arrive already block-averaged by the worker;
// the axes then name the blocks of rows and columns each cell stands for.
import { useMemo } from 'react';
import { solverInfo } from '../../src/solvers/registry.js';
import { useAppState } from '../app/context.js';
import { FactorImages } from '../plots/FactorImages.js';
import { FactorPanel } from '../plots/FactorPanel.js';
import { LossPlot } from '../plots/LossPlot.js';
import type { DisplayMat } from '../worker/protocol.js';
import { useThrottled } from './useThrottled.js';

/** Redraws of the loss curve per second while a run goes (each redraw is a plotly relayout). */
const LOSS_HZ = 12;

/** "1–10", "11–20", … naming the source rows (or columns) of each display block; undefined when not averaged. */
export function blockLabels(d: number, size: number, block: number): string[] | undefined {
  if (block === 1) return undefined;
  return Array.from({ length: d }, (_, i) => `${i * block + 1}–${Math.min((i + 1) * block, size)}`);
}

/** The sentence saying that V was block-averaged for display, or null when it is shown as is. */
export function blockNote(V: DisplayMat): string | null {
  if (V.blockRows === 1 && V.blockCols === 1) return null;
  return `V is ${V.sourceRows}×${V.sourceCols}, more than a plot can show: each heatmap cell is the mean of a block of ${V.blockRows}×${V.blockCols} entries (W and H are averaged over the same rows and columns; axis labels give the range).`;
}

/** See the file comment. */
export function ResultsPanel() {
  const info = useAppState((s) => s.data?.info ?? null);
  const history = useThrottled(useAppState((s) => s.run.history), LOSS_HZ);
  const algorithm = useAppState((s) => s.options.algorithm);
  const snapshot = useAppState((s) => s.snapshot);
  const series = useMemo(() => [{ name: solverInfo(algorithm).label, relError: history }], [algorithm, history]);
  const labels = useMemo(() => {
    if (!info) return null;
    const V = info.V;
    return {
      rows: info.rowLabels ?? blockLabels(V.rows, V.sourceRows, V.blockRows),
      cols: info.colLabels ?? blockLabels(V.cols, V.sourceCols, V.blockCols),
    };
  }, [info]);
  const fits = info && snapshot && snapshot.WH.rows === info.V.rows && snapshot.WH.cols === info.V.cols;
  const note = info ? blockNote(info.V) : null;
  const images = info?.imageWidth && snapshot?.Wfull ? { rows: info.V.sourceRows, cols: snapshot.W.cols, data: snapshot.Wfull } : null;
  return (
    <section className="results panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <LossPlot series={series} />
      {note && <p className="hint">{note}</p>}
      {info && fits ? (
        <FactorPanel V={info.V} WH={snapshot.WH} W={snapshot.W} H={snapshot.H} rowLabels={labels?.rows} colLabels={labels?.cols} />
      ) : (
        <p className="hint">The heatmaps appear once W and H are initialized.</p>
      )}
      {images && info?.imageWidth && <FactorImages W={images} imageWidth={info.imageWidth} />}
    </section>
  );
}
