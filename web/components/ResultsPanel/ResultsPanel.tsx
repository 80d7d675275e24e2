// What the run looks like: the loss curve (from iteration 0, the initial W, H) and the heatmaps of
// V, WH, V − WH, W and H (and, for image data, the columns of W as images and a few columns of V
// and WH as images side by side). Matrices arrive already
// block-averaged by the worker; each heatmap says so itself and names the blocks on its axes.
import { useMemo } from 'react';
import { solverInfo } from '../../../src/solvers/registry.js';
import { useAppState, useController } from '../../app/context.js';
import { mainLossSeries } from './lossSeries.js';
import { ColumnImages } from '../../plots/heatmap/ColumnImages.js';
import { FactorImages } from '../../plots/heatmap/FactorImages.js';
import { FactorPanel } from '../../plots/heatmap/FactorPanel.js';
import { LossPlot } from '../../plots/loss/LossPlot.js';
import { RestartStrip } from '../../plots/restarts/RestartStrip.js';
import { TeachPanels } from '../../views/data/TeachPanels.js';
import { useThrottled } from './useThrottled.js';

/** Updates of the loss curve per second while a run goes (each is a plotly redraw of several milliseconds; DESIGN asks ≥ 10/s). */
const LOSS_HZ = 10;

/** What the loss plot shows, one plain line under it (for the relative error, and for the KL divergence). */
export const LOSS_CAPTION =
  'The loss curve: how far WH is from V after each iteration (relative error, log scale); it falls as W and H improve.';
export const KL_CAPTION =
  'The loss curve: how far WH is from V after each iteration (KL divergence, log scale); it falls as W and H improve.';

/** Title of the loss plot of a solver that minimizes the KL divergence. */
export const KL_TITLE = 'KL divergence per iteration (the objective kl minimizes)';

/** The Results section: the loss curve, the five heatmaps once W and H exist, and for image data W's columns and a few of V's and WH's as images. */
export function ResultsPanel() {
  const info = useAppState((s) => s.data?.info ?? null);
  const history = useThrottled(
    useAppState((s) => s.run.history),
    LOSS_HZ,
  );
  const objectives = useThrottled(
    useAppState((s) => s.run.objectiveHistory),
    LOSS_HZ,
  );
  const initial = useAppState((s) => s.run.initialRelError);
  const initialObjective = useAppState((s) => s.run.initialObjective);
  const options = useAppState((s) => s.options);
  const previousRuns = useAppState((s) => s.previousRuns);
  const snapshot = useAppState((s) => s.snapshot);
  const controller = useController();
  const kl = solverInfo(options.algorithm).objective === 'kl';
  // kl minimizes the KL divergence: its plot shows that objective (the status gives the Frobenius error beside it)
  const series = useMemo(
    () => mainLossSeries(options, { initialRelError: initial, history, initialObjective, objectiveHistory: objectives }, previousRuns),
    [options, initial, history, initialObjective, objectives, previousRuns],
  );
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
      {kl ? (
        <LossPlot series={series} title={KL_TITLE} yTitle="KL divergence D(V‖WH)" caption={KL_CAPTION} />
      ) : (
        <LossPlot series={series} caption={LOSS_CAPTION} />
      )}
      {previousRuns.length > 0 && (
        <p className="previous-runs hint">
          <span>
            Faded: {previousRuns.length === 1 ? 'the previous run' : `the ${previousRuns.length} previous runs`} on this data
            {kl && series.length - 1 < previousRuns.length
              ? ' (those of other algorithms not drawn: this plot shows the KL divergence)'
              : ''}
            .
          </span>{' '}
          <button type="button" onClick={() => controller.clearPreviousRuns()}>
            Clear previous runs
          </button>
        </p>
      )}
      <RestartStrip />
      {fits ? (
        <FactorPanel
          V={V}
          WH={snapshot.WH}
          W={snapshot.W}
          H={snapshot.H}
          rowLabels={info.rowLabels}
          colLabels={info.colLabels}
          extremes={snapshot.extremes ? { V: info.extremes, ...snapshot.extremes } : null}
          negatives={snapshot.negatives}
          sparseEntries={info.sparse ? info.summary.observed : undefined}
          sparseResidual={snapshot.residual}
        />
      ) : (
        <p className="hint">The heatmaps appear once W and H are initialized.</p>
      )}
      {images && info?.imageWidth && <FactorImages W={images} imageWidth={info.imageWidth} />}
      {info?.imageWidth && info.imageColumns && snapshot?.WHcols && (
        <ColumnImages
          cols={info.imageColumns.cols}
          V={info.imageColumns.V}
          WH={snapshot.WHcols}
          m={info.V.sourceRows}
          imageWidth={info.imageWidth}
          colLabels={info.colLabels}
        />
      )}
      <TeachPanels />
    </section>
  );
}
