// The Compare restarts view: NMF is not unique (W·D and D⁻¹·H, and any order of the components,
// give the same WH), so the best and second-best restarts of the main view's run are shown side by
// side after scaling W's columns to unit norm and matching their components, with each pair's
// correlation; for generated data with planted factors, the best restart against the truth too.
import { useEffect, useMemo, useState } from 'react';
import { useAppState, useController } from '../../app/context.js';
import type { RestartPair } from '../../client/controller.js';
import { Heatmap } from '../../plots/heatmap/Heatmap.js';
import { asDisplay } from '../../shared/blocks.js';
import type { RestartFactors } from '../../shared/protocol.js';
import { type Comparison, compareFactors, factorsOf, plantedTruth } from './compare.js';
import { MatchTable } from './MatchTable.js';
import '../explore/explore.css';

const factors = (r: RestartFactors) => factorsOf(r.W, r.H, r.m, r.k, r.n);

/** The Compare restarts view: the best and second-best restarts of the main run, normalized and matched (and the planted W, H when there are). */
export function CompareRestartsView() {
  const controller = useController();
  const runId = useAppState((s) => s.run.runId);
  const restarts = useAppState((s) => s.run.restarts);
  const spec = useAppState((s) => s.data?.spec);
  const rowLabels = useAppState((s) => s.data?.info.rowLabels);
  const colLabels = useAppState((s) => s.data?.info.colLabels);
  const finished = restarts?.finished.length ?? 0;
  const [pair, setPair] = useState<RestartPair | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: ask again for every new run and every restart that finishes
  useEffect(() => {
    let live = true;
    if (!finished) {
      setPair(null);
      return;
    }
    controller.restartPair().then(
      (p) => {
        if (!live) return;
        setPair(p);
        setFailed(null);
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [controller, runId, finished]);

  const current = pair?.runId === runId ? pair : null;
  const truth = useMemo(() => plantedTruth(spec), [spec]);
  const restartsCmp = useMemo(
    () => (current?.best && current.second ? compareFactors(factors(current.best), factors(current.second)) : null),
    [current],
  );
  const truthCmp = useMemo(() => (current?.best && truth ? compareFactors(factors(current.best), truth) : null), [current, truth]);

  return (
    <section className="explore panel" aria-labelledby="restarts-heading">
      <h2 id="restarts-heading">Compare restarts</h2>
      <p className="hint">
        W·D and D⁻¹·H give the same WH for any positive diagonal D, and the components can come in any order: two restarts are compared
        after scaling each column of W to unit norm (H's rows take the scale) and pairing the components so that the summed correlation of
        W's columns is largest (the Hungarian assignment).
      </p>
      {failed && <p className="field-error">The restarts could not be read: {failed}</p>}
      {!restarts && (
        <p>
          This run has one restart. Set <strong>Restarts</strong> in the Options panel to 2 or more and press Run: the best and the
          second-best restart are compared here.
        </p>
      )}
      {restarts && finished < 2 && (
        <p>
          {finished} of {restarts.total} restarts finished: the comparison appears once two have.
        </p>
      )}
      {current?.best && current.second && restartsCmp && (
        <ComparisonBlock
          title={`Best restart (seed ${current.best.seed}, error ${current.best.relError.toPrecision(4)}) and second best (seed ${current.second.seed}, error ${current.second.relError.toPrecision(4)})`}
          xName={`best (seed ${current.best.seed})`}
          yName={`second best (seed ${current.second.seed})`}
          cmp={restartsCmp}
          rowLabels={rowLabels}
          colLabels={colLabels}
        />
      )}
      {truth && current?.best && truthCmp && (
        <ComparisonBlock
          title={`Best restart (seed ${current.best.seed}) and the planted factors (rank ${truth.W.cols})`}
          xName={`best (seed ${current.best.seed})`}
          yName="planted"
          cmp={truthCmp}
          rowLabels={rowLabels}
          colLabels={colLabels}
        />
      )}
      {truth && !current?.best && restarts && (
        <p className="hint">The match against the planted factors appears once a restart has finished.</p>
      )}
    </section>
  );
}

interface ComparisonBlockProps {
  title: string;
  xName: string;
  yName: string;
  cmp: Comparison;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
}

/** One comparison: the matched pairs with their correlations, then both W and both H as heatmaps, y in x's component order. */
function ComparisonBlock({ title, xName, yName, cmp, rowLabels, colLabels }: ComparisonBlockProps) {
  const { x, y } = cmp;
  const shown = useMemo(() => ({ xW: asDisplay(x.W), yW: asDisplay(y.W), xH: asDisplay(x.H), yH: asDisplay(y.H) }), [x, y]);
  const components = (k: number) => Array.from({ length: k }, (_, a) => `${a + 1}`);
  const wRange: [number, number] = [0, Math.max(maxOf(x.W.data), maxOf(y.W.data))];
  const hRange: [number, number] = [0, Math.max(maxOf(x.H.data), maxOf(y.H.data))];
  return (
    <section className="comparison" aria-label={title}>
      <h3>{title}</h3>
      <MatchTable match={cmp.match} xName={xName} yName={yName} kx={x.W.cols} ky={y.W.cols} />
      <div className="plot-grid">
        <Heatmap
          label={`W, ${xName}, unit columns`}
          matrix={shown.xW}
          colorScale="sequential"
          zRange={wRange}
          rowLabels={rowLabels}
          colLabels={components(x.W.cols)}
          xTitle="component"
          colNoun="component"
          height={240}
        />
        <Heatmap
          label={`W, ${yName}, unit columns, matched order`}
          matrix={shown.yW}
          colorScale="sequential"
          zRange={wRange}
          rowLabels={rowLabels}
          colLabels={components(y.W.cols)}
          xTitle="component"
          colNoun="component"
          height={240}
        />
        <Heatmap
          label={`H, ${xName}`}
          matrix={shown.xH}
          colorScale="sequential"
          zRange={hRange}
          rowLabels={components(x.H.rows)}
          colLabels={colLabels}
          yTitle="component"
          rowNoun="component"
          height={160}
        />
        <Heatmap
          label={`H, ${yName}, matched order`}
          matrix={shown.yH}
          colorScale="sequential"
          zRange={hRange}
          rowLabels={components(y.H.rows)}
          colLabels={colLabels}
          yTitle="component"
          rowNoun="component"
          height={160}
        />
      </div>
    </section>
  );
}

function maxOf(a: Float64Array): number {
  let m = 0;
  for (const v of a) if (v > m) m = v;
  return m;
}
