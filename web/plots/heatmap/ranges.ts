// Colour ranges that tell the truth about the numbers: the residual scaled against the data (so a
// close fit looks pale), V and WH on one range only while that range suits both, and a robust top
// for factors where a few entries would wash out the rest. Pure (no DOM).

/** The residual's colour range never shrinks below this fraction of the largest |V|. */
export const RESIDUAL_FLOOR = 0.01;

/**
 * The symmetric colour range [−a, a] of a residual V − WH: a = the largest |cell| but at least
 * RESIDUAL_FLOOR·vScale (vScale = the largest |V|), so rounding noise of an exact fit is drawn pale,
 * not saturated. `floored` says the floor set it.
 */
export function residualRange(cells: ArrayLike<number>, vScale: number): { range: [number, number]; floored: boolean } {
  let a = 0;
  for (let t = 0; t < cells.length; t++) {
    const v = Math.abs(cells[t]);
    if (v > a && v !== Infinity) a = v;
  }
  const floor = Number.isFinite(vScale) && vScale > 0 ? RESIDUAL_FLOOR * vScale : 0;
  if (a < floor) return { range: [-floor, floor], floored: true };
  return { range: a > 0 ? [-a, a] : [-1, 1], floored: false };
}

/** Two ranges share one colour scale only while their union is at most this many times V's span. */
export const SHARE_LIMIT = 2;

/**
 * Whether V (range `v`) and WH (range `wh`) can share one colour range: yes while the union of the
 * two spans at most SHARE_LIMIT times V's own span (a diverging WH would flatten V to one colour).
 */
export function canShareRange(v: [number, number], wh: [number, number]): boolean {
  if (!v.every(Number.isFinite) || !wh.every(Number.isFinite)) return false;
  const span = v[1] - v[0] || Math.abs(v[0]) || 1;
  const union = Math.max(v[1], wh[1]) - Math.min(v[0], wh[0]);
  return union <= SHARE_LIMIT * span;
}

/** How many times the top of the range must exceed the robust top before the range is clipped. */
export const DOMINANCE = 2;

/** A clipped colour top `hi` and how many cells lie above it, up to `max`. */
export interface RobustTop {
  readonly hi: number;
  readonly clipped: number;
  readonly max: number;
}

/**
 * The robust top of a factor's cells (`data`, rows×cols row-major; the components are its columns
 * for W, its rows for H, as `components` says): the smaller of the 99th percentile and the
 * second-largest component maximum, used when the largest cell is over DOMINANCE times it; null when
 * the plain range is fine. On the swimmer, one row of H at 22 (the torso, in every image) would
 * otherwise leave the other components near the bottom colour.
 */
export function robustTop(
  f: { readonly rows: number; readonly cols: number; readonly data: ArrayLike<number> },
  components: 'rows' | 'cols',
): RobustTop | null {
  const { rows, cols, data } = f;
  const k = components === 'rows' ? rows : cols;
  const compMax = new Float64Array(k).fill(-Infinity);
  const finite = new Float64Array(rows * cols);
  let count = 0;
  let lo = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const x = data[i * cols + j];
      if (!Number.isFinite(x)) continue;
      finite[count++] = x;
      if (x < lo) lo = x;
      if (x > max) max = x;
      const a = components === 'rows' ? i : j;
      if (x > compMax[a]) compMax[a] = x;
    }
  if (count < 4) return null;
  const p99 = select(finite.subarray(0, count), Math.floor(0.99 * (count - 1)));
  const second = k > 1 ? Array.from(compMax).sort((a, b) => b - a)[1] : Infinity;
  const hi = Math.min(p99, second);
  if (!(hi > 0) || !(hi > lo) || !(max > DOMINANCE * hi)) return null;
  let clipped = 0;
  for (let t = 0; t < count; t++) if (finite[t] > hi) clipped++;
  return { hi, clipped, max };
}

/**
 * The r-th smallest of `a` (0-based; a has no NaN), by quickselect (reorders a): O(length) on
 * average, where sorting a snapshot of W (m×k) for its 99th percentile took a few ms per draw.
 */
export function select(a: Float64Array, r: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    // median of three as the pivot, then Hoare's partition
    const mid = (left + right) >> 1;
    const [x, y, z] = [a[left], a[mid], a[right]];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (r <= j) right = j;
    else if (r >= i) left = i;
    else return a[r];
  }
  return a[r];
}

/** Number of entries below 0 (NaN skipped). */
export function countNegative(values: ArrayLike<number>): number {
  let c = 0;
  for (let t = 0; t < values.length; t++) if (values[t] < 0) c++;
  return c;
}

/** Per display cell: the entry of largest magnitude, with its sign (the block's min or max, whichever is farther from 0). */
export function signedLargest(min: ArrayLike<number>, max: ArrayLike<number>): Float64Array {
  const out = new Float64Array(min.length);
  for (let t = 0; t < out.length; t++) out[t] = Math.abs(min[t]) > Math.abs(max[t]) ? min[t] : max[t];
  return out;
}
