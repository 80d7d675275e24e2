// The matched components of two factorizations as a table: which component of the second goes with
// each of the first, the correlation of their columns of W (what the matching maximizes) and of
// their rows of H, and the score (the mean W correlation).
import type { ComponentMatch } from '../../../src/rank/match.js';
import { ScrollRegion } from '../../components/fields/ScrollRegion.js';

export interface MatchTableProps {
  match: ComponentMatch;
  xName: string;
  yName: string;
  /** Components of each side (the pairs are min of them). */
  kx: number;
  ky: number;
}

/** A table of the matched pairs of components of two factorizations (x and y), with their W and H correlations and the score. */
export function MatchTable({ match, xName, yName, kx, ky }: MatchTableProps) {
  const pairs = match.pairs.length;
  return (
    <>
      <ScrollRegion label="Matched components">
        <table className="rank-table match-table">
          <caption>
            Matched components: {xName} and {yName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Component, {xName}</th>
              <th scope="col">Component, {yName}</th>
              <th scope="col">Correlation of W columns</th>
              <th scope="col">Correlation of H rows</th>
            </tr>
          </thead>
          <tbody>
            {match.pairs.map((p) => (
              <tr key={p.a}>
                <th scope="row">{p.a + 1}</th>
                <td>{p.b + 1}</td>
                <td>{p.correlation.toFixed(3)}</td>
                <td>{p.correlationH.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Score (mean W correlation of {pairs} {pairs === 1 ? 'pair' : 'pairs'})
              </th>
              <td>{match.score.toFixed(3)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {kx !== ky && (
        <p className="hint">
          {kx} components against {ky}: {Math.abs(kx - ky)} of the {kx > ky ? xName : yName} {Math.abs(kx - ky) === 1 ? 'is' : 'are'} left
          unmatched.
        </p>
      )}
    </>
  );
}
