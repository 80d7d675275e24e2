// The Top predictions table of one row (src/data/recommend.ts: TopPredictions): the columns it
// has not rated that WH predicts highest, with WH's value clipped to the rating range, or the
// sentence saying why there are none. Shared by the dense and the sparse predictions panels.
import type { TopPredictions } from '../../../src/data/recommend.js';
import { shortNumber } from '../../plots/summary.js';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';

/** The table of `result` (or its message). */
export function PredictionsTable({ result }: { result: TopPredictions }) {
  if (result.message) return <p>{result.message}.</p>;
  return (
    <ScrollRegion label="Top predictions">
      <table className="teach-table">
        <caption>Top predictions</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Predicted</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((p) => (
            <tr key={p.column}>
              <th scope="row">{p.label}</th>
              <td>
                {shortNumber(p.shown)}
                {p.clipped && ` (WH gives ${shortNumber(p.predicted)}, clipped to the rating range)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
