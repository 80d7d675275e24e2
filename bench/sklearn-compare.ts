// Time to reach a relative error, from two trajectories: the targets, the iteration at which
// each side first reaches them, the agreement of two error histories, and the printed table.
// Pure functions of numbers, so test/bench-sklearn.test.ts can pin them down.

/** Targets are best·(1 + margin): within 10%, 1% and 0.1% of the best error either side reaches. */
export const MARGINS: readonly number[] = [0.1, 0.01, 0.001];

/** Where one side first reached a target: its iteration (1-based) and the seconds it had taken by then. */
export interface Reached {
  readonly iteration: number;
  readonly seconds: number;
}

/** One row of the table: a target and when each side reached it (null: not within its iterations). */
export interface TargetRow {
  readonly margin: number;
  readonly target: number;
  readonly ours: Reached | null;
  readonly sklearn: Reached | null;
}

/** The first iteration (1-based) whose relative error is ≤ target, or 0 when none is. */
export function firstReaching(relErrors: readonly number[], target: number): number {
  for (let i = 0; i < relErrors.length; i++) if (relErrors[i] <= target) return i + 1;
  return 0;
}

/** The lowest relative error in either history (NaN entries ignored). */
export function bestOf(a: readonly number[], b: readonly number[]): number {
  let best = Infinity;
  for (const x of [...a, ...b]) if (x < best) best = x;
  return best;
}

/** The targets best·(1 + margin), one per margin, in the order given. */
export function targetsFrom(best: number, margins: readonly number[] = MARGINS): { margin: number; target: number }[] {
  return margins.map((margin) => ({ margin, target: best * (1 + margin) }));
}

/**
 * How closely history `a` follows history `b` iteration by iteration: the largest
 * |a_i − b_i| / b_i over the common length, and at which iteration (1-based) it occurs.
 */
export function maxRelDiff(a: readonly number[], b: readonly number[]): { value: number; iteration: number } {
  let value = 0;
  let iteration = 0;
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.abs(b[i]);
    if (d > value || Number.isNaN(d)) {
      value = d;
      iteration = i + 1;
      if (Number.isNaN(d)) break;
    }
  }
  return { value, iteration };
}

/** The median of the differences between consecutive cumulative times (seconds per iteration). */
export function medianStep(seconds: readonly number[]): number {
  const steps: number[] = [];
  for (let i = 1; i < seconds.length; i++) steps.push(seconds[i] - seconds[i - 1]);
  if (!steps.length) return seconds.length ? seconds[0] : NaN;
  steps.sort((x, y) => x - y);
  const mid = steps.length >> 1;
  return steps.length % 2 ? steps[mid] : (steps[mid - 1] + steps[mid]) / 2;
}

/** The elementwise minimum of equally long series (the fastest of repeated runs, iteration by iteration). */
export function elementwiseMin(series: readonly (readonly number[])[]): number[] {
  return series[0].map((_, i) => Math.min(...series.map((s) => s[i])));
}

/** "+10%", "+1%", "+0.1%". */
export function marginLabel(margin: number): string {
  return `+${Number((100 * margin).toPrecision(6))}%`;
}

/** Seconds with 3 significant digits. */
export function fmtSeconds(s: number): string {
  return s >= 100 ? s.toFixed(0) : s.toPrecision(3);
}

/** The ratio ours/sklearn of the seconds to a target, or null when either side did not reach it. */
export function ratioOf(row: TargetRow): number | null {
  return row.ours && row.sklearn ? row.ours.seconds / row.sklearn.seconds : null;
}

/** The table of one comparison: one line per target, columns aligned, "—" where a side fell short. */
export function formatRows(rows: readonly TargetRow[]): string[] {
  const header = ['target', 'relError ≤', 'ours it', 'ours s', 'sklearn it', 'sklearn s', 'ours/sklearn'];
  const body = rows.map((r) => {
    const ratio = ratioOf(r);
    return [
      marginLabel(r.margin),
      r.target.toPrecision(6),
      r.ours ? String(r.ours.iteration) : '—',
      r.ours ? fmtSeconds(r.ours.seconds) : '—',
      r.sklearn ? String(r.sklearn.iteration) : '—',
      r.sklearn ? fmtSeconds(r.sklearn.seconds) : '—',
      ratio === null ? '—' : `${ratio.toFixed(2)}`,
    ];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) =>
    cells
      .map((x, c) => (c < 2 ? x.padEnd(widths[c]) : x.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)];
}
