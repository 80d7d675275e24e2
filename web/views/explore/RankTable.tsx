// The surveyed ranks as a table, one row each: fit error (best and the restarts' spread), mean
// held-out error ± one standard error, cophenetic correlation, the shuffled baseline, and a button
// Open rank K that loads that rank's best factorization into the main view.
import type { RankSurvey } from '../../../src/rank/survey.js';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';

export interface RankTableProps {
  ranks: readonly RankSurvey[];
  suggested: number | null;
  onOpen(p: RankSurvey): void;
  /** Why Open rank K cannot be used now (e.g. a matrix is loading), or null. */
  openBlocked: string | null;
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toPrecision(4));

/** The spread of the restarts' fit errors, "0.1012–0.1034" (one value when they agree to 4 digits). */
function spread(xs: readonly number[]): string {
  const v = xs.filter(Number.isFinite);
  if (!v.length) return '—';
  const lo = fmt(Math.min(...v));
  const hi = fmt(Math.max(...v));
  return lo === hi ? lo : `${lo}–${hi}`;
}

/** The table of surveyed ranks, one row per rank with its errors, cophenetic correlations and its Open rank K button. */
export function RankTable({ ranks, suggested, onOpen, openBlocked }: RankTableProps) {
  return (
    <ScrollRegion label="Ranks surveyed">
      <table className="rank-table">
        <caption>Ranks surveyed (relative errors ‖V−WH‖/‖V‖)</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Fit error (best)</th>
            <th scope="col">Fit error of the restarts</th>
            <th scope="col">Held-out error ± SE</th>
            <th scope="col">Cophenetic</th>
            <th scope="col">Shuffled: fit error</th>
            <th scope="col">Shuffled: cophenetic</th>
            <th scope="col">Factorization</th>
          </tr>
        </thead>
        <tbody>
          {ranks.map((p) => (
            <tr key={p.rank} className={p.rank === suggested ? 'suggested' : undefined}>
              <th scope="row">
                {p.rank}
                {p.rank === suggested && <span className="rank-mark"> (suggested)</span>}
              </th>
              <td>{fmt(p.fitError)}</td>
              <td>{spread(p.fitErrors)}</td>
              <td>
                {fmt(p.heldOutError)}
                {p.heldOutStdErr !== null && ` ± ${p.heldOutStdErr.toPrecision(2)}`}
              </td>
              <td>{fmt(p.cophenetic)}</td>
              <td>{fmt(p.shuffledFitError)}</td>
              <td>{fmt(p.shuffledCophenetic)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onOpen(p)}
                  disabled={!!openBlocked}
                  title={openBlocked ?? `Load the best restart of rank ${p.rank} (seed ${p.best.seed}) into the main view`}
                >
                  Open rank {p.rank}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
