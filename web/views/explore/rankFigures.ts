// The Explore rank plots as data, without drawing: fit error vs rank (the best restart, each
// restart, the shuffled baseline), held-out error vs rank (mean with a ± one standard error band,
// each restart) and cophenetic correlation vs rank (and the baseline's). Pure: plotly traces are
// plain objects.
import type { RankSurvey } from '../../../src/rank/survey.js';

/** A scatter trace as plotly takes it (the fields used here). */
export interface ScatterTrace {
  readonly type: 'scatter';
  readonly name: string;
  readonly mode: 'lines+markers' | 'markers' | 'lines';
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
  readonly line?: { readonly color: string; readonly width?: number; readonly dash?: string };
  readonly marker?: { readonly color: string; readonly size: number; readonly symbol?: string };
  readonly fill?: 'toself';
  readonly fillcolor?: string;
  readonly hoverinfo?: 'skip';
  readonly hovertemplate?: string;
  readonly showlegend?: boolean;
}

/** One figure: its title (the accessible name), y axis title and scale, traces and text alternative. */
export interface RankFigure {
  readonly title: string;
  readonly yTitle: string;
  readonly yLog: boolean;
  readonly traces: readonly ScatterTrace[];
  readonly summary: string;
}

export const RANK_COLORS = { data: '#1f5fbf', restart: '#8a93a3', band: 'rgba(31, 95, 191, 0.18)', shuffled: '#d4661c' } as const;

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const fmt = (x: number | null) => (finite(x) ? x.toPrecision(3) : '—');

/** Every restart's value as dots: x the rank repeated, y the values (non-finite ones left out). */
function restartDots(ranks: readonly RankSurvey[], values: (p: RankSurvey) => readonly number[], name: string): ScatterTrace {
  const x: number[] = [];
  const y: number[] = [];
  for (const p of ranks) {
    for (const v of values(p)) {
      if (!finite(v)) continue;
      x.push(p.rank);
      y.push(v);
    }
  }
  return {
    type: 'scatter',
    name,
    mode: 'markers',
    x,
    y,
    marker: { color: RANK_COLORS.restart, size: 6, symbol: 'circle-open' },
    hovertemplate: 'k = %{x}: %{y:.4~g}<extra>restart</extra>',
  };
}

/** A log axis when the values span more than a factor of 10 (and are all positive). */
function logScale(values: readonly (number | null)[]): boolean {
  const v = values.filter(finite);
  if (!v.length || Math.min(...v) <= 0) return false;
  return Math.max(...v) / Math.min(...v) > 10;
}

/** Fit error vs rank: the best restart's line, every restart's dot (their spread), the shuffled copy's best as a dashed line. */
export function fitFigure(ranks: readonly RankSurvey[]): RankFigure {
  const x = ranks.map((p) => p.rank);
  const traces: ScatterTrace[] = [
    restartDots(ranks, (p) => p.fitErrors, 'each restart'),
    {
      type: 'scatter',
      name: 'best restart',
      mode: 'lines+markers',
      x,
      y: ranks.map((p) => p.fitError),
      line: { color: RANK_COLORS.data, width: 2 },
      marker: { color: RANK_COLORS.data, size: 7 },
      hovertemplate: 'k = %{x}: %{y:.4~g}<extra>best</extra>',
    },
  ];
  if (ranks.some((p) => p.shuffledFitError !== null)) {
    traces.push({
      type: 'scatter',
      name: 'shuffled data (best)',
      mode: 'lines+markers',
      x,
      y: ranks.map((p) => p.shuffledFitError),
      line: { color: RANK_COLORS.shuffled, width: 1.5, dash: 'dash' },
      marker: { color: RANK_COLORS.shuffled, size: 5 },
      hovertemplate: 'k = %{x}: %{y:.4~g}<extra>shuffled</extra>',
    });
  }
  const all = ranks.flatMap((p) => [...p.fitErrors, p.shuffledFitError]);
  return {
    title: 'Fit error vs rank',
    yTitle: 'relative error',
    yLog: logScale(all),
    traces,
    summary: `Fit error of the best restart by rank: ${ranks.map((p) => `k = ${p.rank}: ${fmt(p.fitError)}`).join(', ')}.`,
  };
}

/** Held-out error vs rank: the mean over restarts, a band of ± one standard error, each restart's own held-out error. */
export function heldOutFigure(ranks: readonly RankSurvey[]): RankFigure {
  const scored = ranks.filter((p) => finite(p.heldOutError));
  const x = scored.map((p) => p.rank);
  const mean = scored.map((p) => p.heldOutError!);
  const se = scored.map((p) => p.heldOutStdErr ?? 0);
  const traces: ScatterTrace[] = [
    {
      type: 'scatter',
      name: '± one standard error',
      mode: 'lines',
      x: [...x, ...[...x].reverse()],
      y: [...mean.map((m, i) => m + se[i]), ...mean.map((m, i) => m - se[i]).reverse()],
      fill: 'toself',
      fillcolor: RANK_COLORS.band,
      line: { color: 'rgba(0, 0, 0, 0)', width: 0 },
      hoverinfo: 'skip',
    },
    restartDots(scored, (p) => p.heldOutErrors, 'each restart'),
    {
      type: 'scatter',
      name: 'mean',
      mode: 'lines+markers',
      x,
      y: mean,
      line: { color: RANK_COLORS.data, width: 2 },
      marker: { color: RANK_COLORS.data, size: 7 },
      hovertemplate: 'k = %{x}: %{y:.4~g}<extra>mean</extra>',
    },
  ];
  const summary = scored.length
    ? `Mean held-out error by rank: ${scored.map((p) => `k = ${p.rank}: ${fmt(p.heldOutError)} ± ${fmt(p.heldOutStdErr)}`).join(', ')}.`
    : 'No held-out error: the held-out fraction was 0.';
  return { title: 'Held-out error vs rank', yTitle: 'relative error on held-out entries', yLog: false, traces, summary };
}

/** Cophenetic correlation of the consensus vs rank, and the shuffled copy's (null ranks, k = 1 among them, are gaps). */
export function copheneticFigure(ranks: readonly RankSurvey[]): RankFigure {
  const x = ranks.map((p) => p.rank);
  const traces: ScatterTrace[] = [
    {
      type: 'scatter',
      name: 'data',
      mode: 'lines+markers',
      x,
      y: ranks.map((p) => p.cophenetic),
      line: { color: RANK_COLORS.data, width: 2 },
      marker: { color: RANK_COLORS.data, size: 7 },
      hovertemplate: 'k = %{x}: %{y:.4~g}<extra>data</extra>',
    },
  ];
  if (ranks.some((p) => p.shuffledCophenetic !== null)) {
    traces.push({
      type: 'scatter',
      name: 'shuffled data',
      mode: 'lines+markers',
      x,
      y: ranks.map((p) => p.shuffledCophenetic),
      line: { color: RANK_COLORS.shuffled, width: 1.5, dash: 'dash' },
      marker: { color: RANK_COLORS.shuffled, size: 5 },
      hovertemplate: 'k = %{x}: %{y:.4~g}<extra>shuffled</extra>',
    });
  }
  const shown = ranks.filter((p) => p.cophenetic !== null);
  const summary = shown.length
    ? `Cophenetic correlation by rank: ${shown.map((p) => `k = ${p.rank}: ${fmt(p.cophenetic)}`).join(', ')}.`
    : 'No cophenetic correlation yet (it needs k ≥ 2 and two converged restarts).';
  return { title: 'Cophenetic correlation vs rank', yTitle: 'cophenetic correlation', yLog: false, traces, summary };
}

/** The consensus matrix C (n×n) with rows and columns in `order` (the clustering's tree order): out[i, j] = C[order[i], order[j]]. */
export function orderedConsensus(C: Float64Array, order: Int32Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = C[order[i] * n + order[j]];
  return out;
}
