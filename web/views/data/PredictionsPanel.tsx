// For data with missing entries: the Top predictions table (for a chosen row, the columns it has
// not rated with the highest values of WH, with their labels) and, on request, the held-out error
// of the predictions (measured in a job worker on a seeded share of the ratings).
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PREDICTION_HOLDOUT } from '../../../src/data/recommend-holdout.js';
import { observedRange, predictedRange, topPredictions } from '../../../src/data/recommend.js';
import { NumberField } from '../../components/fields/NumberField.js';
import { useAppState, useAppStore } from '../../app/context.js';
import { JobLink } from '../../client/jobLink.js';
import { shortNumber } from '../../plots/summary.js';
import type { PredictEvent, PredictRequest } from './predictProtocol.js';
import { PredictionsTable } from './PredictionsTable.js';
import { SparsePredictions } from './SparsePredictions.js';

/** Columns listed for the chosen row. */
const COUNT = 5;

const spawn = () => new Worker(new URL('./predict.worker.ts', import.meta.url), { type: 'module' });

/**
 * The Top predictions section: for data held sparse, ranked in the worker (SparsePredictions);
 * else from the shown V, W, H (nothing without missing entries, or while they are block-averaged).
 */
export function PredictionsPanel() {
  const sparseRows = useAppState((s) => (s.data?.info.sparse ? s.data.info.summary.rows : null));
  return sparseRows !== null ? <SparsePredictions rows={sparseRows} /> : <DensePredictions />;
}

/** Top predictions from the V, W and H the page shows, with the held-out error on request. */
function DensePredictions() {
  const store = useAppStore();
  const data = useAppState((s) => s.data);
  const snapshot = useAppState((s) => s.snapshot);
  const [row, setRow] = useState(0);
  const [fraction, setFraction] = useState(DEFAULT_PREDICTION_HOLDOUT);
  const [heldOut, setHeldOut] = useState<{ text: string; error: boolean } | null>(null);
  const link = useRef<JobLink<PredictRequest, never, PredictEvent> | null>(null);

  useEffect(() => {
    const l = new JobLink<PredictRequest, never, PredictEvent>(spawn, {
      event: (e) =>
        setHeldOut({
          text: `Held-out error: RMSE ${shortNumber(e.rmse)}, MAE ${shortNumber(e.mae)}, relative ${shortNumber(e.relError)} over ${e.heldOut} hidden ratings, beside a fit error of ${shortNumber(e.fitError)} on the ratings kept (RMSE ${shortNumber(e.rmseClipped)} with predictions clipped to the rating range).`,
          error: false,
        }),
      done: () => {},
      failed: (message) => setHeldOut({ text: `The held-out error could not be measured: ${message}`, error: true }),
    });
    link.current = l;
    return () => l.cancel();
  }, []);
  // a new matrix: its rows, and no old error
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the data changes
  useEffect(() => {
    setRow(0);
    setHeldOut(null);
    link.current?.cancel();
  }, [data]);

  const info = data?.info ?? null;
  const top = useMemo(() => {
    if (!info || !snapshot || info.summary.missing === 0) return null;
    const { V } = info;
    const { W, H } = snapshot;
    if (V.blockRows !== 1 || V.blockCols !== 1 || W.blockRows !== 1 || H.blockCols !== 1 || W.rows !== V.rows || H.cols !== V.cols)
      return null;
    const r = Math.min(row, V.rows - 1);
    const matrix = { rows: V.rows, cols: V.cols, values: V.data, rowLabels: info.rowLabels, colLabels: info.colLabels };
    return {
      rows: V.rows,
      result: topPredictions(matrix, W, H, r, COUNT),
      iteration: snapshot.iteration,
      predicted: predictedRange(V.data, W, H),
      observed: observedRange(V.data),
    };
  }, [info, snapshot, row]);
  if (!top || !info) return null;
  const measure = () => {
    const s = store.getState();
    if (!s.data) return;
    setHeldOut({ text: 'Measuring the held-out error…', error: false });
    link.current?.start({ spec: s.data.spec, options: s.options, fraction });
  };
  const label = (i: number) => info.rowLabels?.[i] ?? `row ${i + 1}`;
  const { result } = top;
  return (
    <section className="teach-block" aria-labelledby="predictions-heading">
      <h3 id="predictions-heading">Top predictions</h3>
      <div className="teach-row">
        <div className="field">
          <label htmlFor="predict-row">Top predictions for</label>
          <select id="predict-row" value={result.row} onChange={(e) => setRow(Number(e.target.value))}>
            {Array.from({ length: top.rows }, (_, i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </div>
        <NumberField label="Hold out" value={fraction} min={0.01} max={0.9} step="any" onCommit={setFraction} />
        <button type="button" onClick={measure}>
          Measure held-out error
        </button>
      </div>
      {top.predicted && <p>{rangeText(top.predicted, top.observed, top.iteration)}</p>}
      <PredictionsTable result={result} />
      <p className="hint">
        The {result.items.length} of the {result.unrated} columns {result.rowLabel} has not rated with the highest values of WH (iteration{' '}
        {top.iteration}). The held-out error hides the Hold out share ({Math.round(100 * fraction)}%) of the ratings, chosen by the seed,
        fits the rest with the current options and scores the predictions of the hidden ones.
      </p>
      {heldOut && (
        <p className={heldOut.error ? 'field-error' : undefined} aria-live="polite">
          {heldOut.text}
        </p>
      )}
    </section>
  );
}

/** "Predictions 0.2–5.54, observed 1–5 (WH on the missing entries at iteration 40: outside the observed range)." */
function rangeText(p: { min: number; max: number }, o: { min: number; max: number }, iteration: number): string {
  const outside = p.min < o.min || p.max > o.max ? ': outside the observed range' : '';
  return `Predictions ${shortNumber(p.min)}–${shortNumber(p.max)}, observed ${shortNumber(o.min)}–${shortNumber(o.max)} (WH on the missing entries at iteration ${iteration}${outside}).`;
}
