// Consensus clustering stability (Brunet et al. 2004): cluster the columns of V by the largest
// entry of each column of H, average the connectivity over restarts, and measure how well an
// average-linkage tree reproduces 1 − consensus (the cophenetic correlation; 1 = perfectly stable).

/** Adds the connectivity of one run to `counts` (n×n): 1 where columns i, j share argmax_a H[a, ·]. H is k×n. */
export function addConnectivity(counts: Float64Array, H: ArrayLike<number>, k: number, n: number): void {
  const label = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let a = 1; a < k; a++) if (H[a * n + j] > H[best * n + j]) best = a;
    label[j] = best;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (label[i] === label[j]) counts[i * n + j] += 1;
}

/**
 * An average-linkage (UPGMA) tree in scipy's convention: merge t joins clusters left[t] < right[t]
 * (ids 0..n−1 are the items, n + t the cluster made by merge t) at distance height[t].
 */
export interface Linkage {
  readonly n: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly height: Float64Array;
  /** Cophenetic distances (n×n): the height at which i and j first join. */
  readonly cophenetic: Float64Array;
  /** The items in dendrogram order (scipy's leaves_list: left subtree first). */
  readonly order: Int32Array;
}

/**
 * UPGMA on the distance matrix D (n×n, symmetric): repeatedly joins the two closest clusters
 * (the first such pair in row-major order on ties), the distance of a merged cluster to another
 * being the size-weighted mean of its parts'. O(n³) time, O(n²) memory.
 */
export function averageLinkage(D: Float64Array, n: number): Linkage {
  const dist = D.slice();
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const id = Int32Array.from({ length: n }, (_, i) => i); // cluster id held in slot i
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const left = new Int32Array(Math.max(n - 1, 0));
  const right = new Int32Array(Math.max(n - 1, 0));
  const height = new Float64Array(Math.max(n - 1, 0));
  const cophenetic = new Float64Array(n * n);
  for (let t = 0; t < n - 1; t++) {
    let bi = -1;
    let bj = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && (bi < 0 || dist[i * n + j] < best)) {
          best = dist[i * n + j];
          bi = i;
          bj = j;
        }
      }
    }
    for (const p of members[bi]) for (const q of members[bj]) cophenetic[p * n + q] = cophenetic[q * n + p] = best;
    for (let x = 0; x < n; x++) {
      if (!alive[x] || x === bi || x === bj) continue;
      const d = (size[bi] * dist[bi * n + x] + size[bj] * dist[bj * n + x]) / (size[bi] + size[bj]);
      dist[bi * n + x] = dist[x * n + bi] = d;
    }
    left[t] = Math.min(id[bi], id[bj]);
    right[t] = Math.max(id[bi], id[bj]);
    height[t] = best;
    id[bi] = n + t;
    size[bi] += size[bj];
    members[bi] = members[bi].concat(members[bj]);
    alive[bj] = 0;
  }
  return { n, left, right, height, cophenetic, order: leafOrder(left, right, n) };
}

/** The leaves of the tree (left, right as in Linkage) from the root, left subtree first. */
function leafOrder(left: Int32Array, right: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 0) return order;
  let c = 0;
  const stack = [2 * n - 2];
  while (stack.length) {
    const node = stack.pop()!;
    if (node < n) order[c++] = node;
    else {
      stack.push(right[node - n]);
      stack.push(left[node - n]);
    }
  }
  return order;
}

/**
 * Pearson correlation, over pairs i < j, between the distances D (n×n) and the cophenetic
 * distances C (n×n). Returns 1 when either has no spread (every pair equally far: a perfectly
 * stable, trivial clustering), as R's NMF does for a consensus of only 0s and 1s.
 */
export function pairCorrelation(D: Float64Array, C: Float64Array, n: number): number {
  let sx = 0;
  let sy = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      sx += D[i * n + j];
      sy += C[i * n + j];
      c++;
    }
  }
  if (c === 0) return 1;
  const mx = sx / c;
  const my = sy / c;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = D[i * n + j] - mx;
      const y = C[i * n + j] - my;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
  }
  if (!(sxx > 1e-15 && syy > 1e-15)) return 1;
  return sxy / Math.sqrt(sxx * syy);
}

/** The consensus of `runs` clusterings, its cophenetic correlation and its dendrogram order. */
export interface ConsensusSummary {
  /** Fraction of runs (n×n) in which columns i and j share a cluster. */
  readonly consensus: Float64Array;
  readonly cophenetic: number;
  /** Columns in the order of the average-linkage tree on 1 − consensus (for the heatmap). */
  readonly order: Int32Array;
}

/** Summarizes connectivity counts (n×n, from addConnectivity over `runs` runs). */
export function summarizeConsensus(counts: Float64Array, runs: number, n: number): ConsensusSummary {
  const consensus = new Float64Array(n * n);
  const D = new Float64Array(n * n);
  for (let t = 0; t < D.length; t++) {
    consensus[t] = counts[t] / runs;
    D[t] = 1 - consensus[t];
  }
  const tree = averageLinkage(D, n);
  return { consensus, cophenetic: pairCorrelation(D, tree.cophenetic, n), order: tree.order };
}

/** Cophenetic correlation of the consensus of connectivity counts (n×n) over `runs` runs. */
export function copheneticCorrelation(counts: Float64Array, runs: number, n: number): number {
  return summarizeConsensus(counts, runs, n).cophenetic;
}
