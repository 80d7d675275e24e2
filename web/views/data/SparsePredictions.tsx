// Top predictions for data held by its entries (DataInfo.sparse: the page has no m×n V): the
// worker ranks the chosen row's unrated columns (controller.predict) each time the shown
// factors change, so the prediction of any row stays available for 20,000×5,000 ratings.
import { useEffect, useState } from 'react';
import type { TopPredictions } from '../../../src/data/recommend.js';
import { useAppState, useController } from '../../app/context.js';
import { NumberField } from '../../components/fields/NumberField.js';
import { PredictionsTable } from './PredictionsTable.js';

/** Columns listed for the chosen row. */
const COUNT = 5;

/** The Top predictions section of sparse data with `rows` rows. */
export function SparsePredictions({ rows }: { rows: number }) {
  const controller = useController();
  const iteration = useAppState((s) => s.snapshot?.iteration ?? null);
  const [row, setRow] = useState(1);
  const [shown, setShown] = useState<{ result: TopPredictions; iteration: number } | { error: string } | null>(null);

  useEffect(() => {
    if (iteration === null) return;
    let live = true;
    controller.predict(row - 1, COUNT).then(
      (p) => live && setShown(p),
      (e: Error) => live && setShown({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [controller, row, iteration]);

  return (
    <section className="teach-block" aria-labelledby="predictions-heading">
      <h3 id="predictions-heading">Top predictions</h3>
      <div className="teach-row">
        <NumberField label="Top predictions for row" value={row} min={1} max={rows} integer onCommit={setRow} />
      </div>
      {shown && 'error' in shown && <p className="field-error">{shown.error}</p>}
      {shown && 'result' in shown && (
        <>
          <PredictionsTable result={shown.result} />
          <p className="hint">
            The {shown.result.items.length} of the {shown.result.unrated} columns {shown.result.rowLabel} has not rated with the highest
            values of WH (iteration {shown.iteration}), ranked in the worker from the full W and H.
          </p>
        </>
      )}
    </section>
  );
}
