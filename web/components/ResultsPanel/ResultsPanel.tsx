// What the run looks like: the loss curve (from iteration 0, the initial W, H) and the heatmaps of
// V, WH, V − WH, W and H (and, for image data, the columns of W as images). Matrices arrive already
// block-averaged by the worker; each heatmap says so itself and names the blocks on its axes.
import { useMemo } from 'react';
import { solverInfo } from '../../../src/solvers/registry.js';
import { useAppState } from '../../app/context.js';
import { FactorImages } from '../../plots/heatmap/FactorImages.js';
import { FactorPanel } from '../../plots/heatmap/FactorPanel.js';
import { LossPlot } from '../../plots/loss/LossPlot.js';
import { TeachPanels } from '../../views/data/TeachPanels.js';
import { useThrottled } from './useThrottled.js';

/** Updates of the loss curve per second while a run goes (each is a plotly redraw of several milliseconds; DESIGN asks ≥ 10/s). */
const LOSS_HZ = 10;

/** The Results section: the loss curve, the five heatmaps once W and H exist, and W's columns as images for image data. */
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
  const V = info?.V ?? null;
  const fits = info && V && snapshot && snapshot.WH.rows === V.rows && snapshot.WH.cols === V.cols;
  // The full W (m×k) when the columns of V are images.
  const images = useMemo(
    () => (info?.imageWidth && snapshot?.Wfull ? { rows: info.V.sourceRows, cols: snapshot.W.sourceCols, data: snapshot.Wfull } : null),
    [info, snapshot],
  );
  return (
    <section className="results panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <LossPlot series={series} />
      {fits ? (
        <FactorPanel V={V} WH={snapshot.WH} W={snapshot.W} H={snapshot.H} rowLabels={info.rowLabels} colLabels={info.colLabels} />
      ) : (
        <p className="hint">The heatmaps appear once W and H are initialized.</p>
      )}
      {images && info?.imageWidth && <FactorImages W={images} imageWidth={info.imageWidth} />}
      <TeachPanels />
    </section>
  );
}
