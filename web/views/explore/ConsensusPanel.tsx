// The consensus matrix of one surveyed rank as a heatmap (the app's canvas Heatmap), rows and
// columns in the order of the average-linkage tree, so stable clusters show as blocks; a menu picks
// the rank.
import { useMemo, useState } from 'react';
import type { RankSurvey } from '../../../src/rank/survey.js';
import { SelectField } from '../../components/fields/SelectField.js';
import { asDisplay } from '../../shared/blocks.js';
import { Heatmap } from '../../plots/heatmap/Heatmap.js';
import { orderedConsensus } from './rankFigures.js';

export interface ConsensusPanelProps {
  ranks: readonly RankSurvey[];
  /** The rank shown first (the suggested one) when it has a consensus. */
  preferred: number | null;
  /** The data's column labels, if it has them. */
  colLabels?: readonly string[];
}

/** The n×n consensus matrix of one rank in tree order, with a menu of the ranks that have one; a hint while none has. */
export function ConsensusPanel({ ranks, preferred, colLabels }: ConsensusPanelProps) {
  const withConsensus = ranks.filter((p) => p.consensus && p.consensusOrder);
  const [picked, setPicked] = useState<number | null>(null);
  const fallback = withConsensus.find((p) => p.rank === preferred) ?? withConsensus.at(-1);
  const shown = withConsensus.find((p) => p.rank === picked) ?? fallback;
  const n = shown?.consensusOrder?.length ?? 0;
  const data = useMemo(
    () =>
      shown?.consensus && shown.consensusOrder
        ? asDisplay({ rows: n, cols: n, data: orderedConsensus(shown.consensus, shown.consensusOrder, n) })
        : null,
    [shown, n],
  );
  const labels = useMemo(
    () => (shown?.consensusOrder ? Array.from(shown.consensusOrder, (j) => colLabels?.[j] ?? `col ${j + 1}`) : undefined),
    [shown, colLabels],
  );
  if (!shown || !data) {
    return <p className="hint">The consensus matrix appears once a rank of 2 or more has been surveyed with 2 or more restarts.</p>;
  }
  return (
    <div className="consensus">
      <SelectField
        label="Consensus of rank"
        value={String(shown.rank)}
        choices={withConsensus.map((p) => ({ value: String(p.rank), label: `k = ${p.rank} (cophenetic ${p.cophenetic?.toFixed(3)})` }))}
        onChange={(v) => setPicked(Number(v))}
        hint="Fraction of restarts that put columns i and j in the same cluster (the largest entry of their columns of H), ordered by the clustering."
      />
      <Heatmap
        label={`Consensus matrix, k = ${shown.rank}`}
        matrix={data}
        colorScale="sequential"
        zRange={[0, 1]}
        rowLabels={labels}
        colLabels={labels}
        rowNoun="col"
        colNoun="col"
        xTitle="column (tree order)"
        yTitle="column (tree order)"
        height={300}
      />
    </div>
  );
}
