// What the run looks like: the loss curve (from iteration 0, the initial W, H) and the heatmaps of
// V, WH, V − WH, W and H (and, for image data, the columns of W as images). Matrices arrive already
// block-averaged by the worker; each heatmap says so itself and names the blocks on its axes.
import { useMemo } from 'react';
import { solverInfo } from '../../../src/solvers/registry.js';
import { useAppState } from '../../app/context.js';
import { FactorImages } from '../../plots/heatmap/FactorImages.js';
import { FactorPanel, type Mat2 } from '../../plots/heatmap/FactorPanel.js';
import { LossPlot } from '../../plots/loss/LossPlot.js';
import { RestartStrip } from '../../plots/restarts/RestartStrip.js';
import type { DisplayMat } from '../../shared/protocol.js';
import { useThrottled } from './useThrottled.js';

/** Updates of the loss curve per second while a run goes (each is a plotly redraw of several milliseconds; DESIGN asks ≥ 10/s). */
const LOSS_HZ = 10;

/** A display matrix of the worker as the plots take it: its cells, and the source shape and block size it stands for. */
export function plotMatrix(d: DisplayMat): Mat2 {
  return {
    rows: d.rows,
    cols: d.cols,
    data: d.data,
    source: { rows: d.sourceRows, cols: d.sourceCols, rowFactor: d.blockRows, colFactor: d.blockCols },
  };
}

/** See the file comment. */
export function ResultsPanel() {
  const info = useAppState((s) => s.data?.info ?? null);
  const history = useThrottled(
    useAppState((s) => s.run.history),
    LOSS_HZ,
  );
  const initial = useAppState((s) => s.run.initialRelError);
  const algorithm = useAppState((s) => s.options.algorithm);
  const snapshot = useAppState((s) => s.snapshot);
  const series = useMemo(() => [{ name: solverInfo(algorithm).label, initial, relError: history }], [algorithm, initial, history]);
  const V = useMemo(() => (info ? plotMatrix(info.V) : null), [info]);
  const factors = useMemo(
    () => (snapshot ? { W: plotMatrix(snapshot.W), H: plotMatrix(snapshot.H), WH: plotMatrix(snapshot.WH) } : null),
    [snapshot],
  );
  const fits = info && V && factors && factors.WH.rows === V.rows && factors.WH.cols === V.cols;
  const images = info?.imageWidth && snapshot?.Wfull ? { rows: info.V.sourceRows, cols: snapshot.W.cols, data: snapshot.Wfull } : null;
  return (
    <section className="results panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <LossPlot series={series} />
      <RestartStrip />
      {fits ? (
        <FactorPanel V={V} WH={factors.WH} W={factors.W} H={factors.H} rowLabels={info.rowLabels} colLabels={info.colLabels} />
      ) : (
        <p className="hint">The heatmaps appear once W and H are initialized.</p>
      )}
      {images && info?.imageWidth && <FactorImages W={images} imageWidth={info.imageWidth} />}
    </section>
  );
}
