// Consensus clustering stability (Brunet et al. 2004): cluster the columns of V by the largest
// entry of each column of H, average the connectivity over restarts, and measure how well an
// average-linkage tree reproduces 1 − consensus (the cophenetic correlation; 1 = perfectly stable).

/** Adds the connectivity of one run to `consensus` (n×n): 1 where columns i, j share argmax_a H[a, ·]. H is k×n. */
export function addConnectivity(consensus: Float64Array, H: Float64Array, k: number, n: number): void {
  const label = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let a = 1; a < k; a++) if (H[a * n + j] > H[best * n + j]) best = a;
    label[j] = best;
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (label[i] === label[j]) consensus[i * n + j] += 1;
}

/**
 * Cophenetic correlation of D = 1 − consensus/runs (n×n): Pearson correlation, over pairs i < j,
 * between D and the merge heights of average-linkage (UPGMA) clustering on D. O(n³) time.
 * Returns 1 when every pair has the same distance (a perfectly stable, trivial clustering).
 */
export function copheneticCorrelation(consensus: Float64Array, runs: number, n: number): number {
  const D = new Float64Array(n * n);
  for (let t = 0; t < D.length; t++) D[t] = 1 - consensus[t] / runs;
  const coph = averageLinkageHeights(D, n);
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0,
    c = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = D[i * n + j];
      const y = coph[i * n + j];
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      c++;
    }
  }
  const vx = sxx - (sx * sx) / c;
  const vy = syy - (sy * sy) / c;
  if (!(vx > 1e-15 && vy > 1e-15)) return 1;
  return (sxy - (sx * sy) / c) / Math.sqrt(vx * vy);
}

/** Cophenetic distances (n×n) of UPGMA on the distance matrix D (n×n): the height at which i and j first join. */
export function averageLinkageHeights(D: Float64Array, n: number): Float64Array {
  const dist = D.slice();
  const size = new Int32Array(n).fill(1);
  const alive = new Uint8Array(n).fill(1);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const coph = new Float64Array(n * n);
  for (let merges = 0; merges < n - 1; merges++) {
    let bi = -1,
      bj = -1,
      best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) {
        if (alive[j] && dist[i * n + j] < best) {
          best = dist[i * n + j];
          bi = i;
          bj = j;
        }
      }
    }
    for (const p of members[bi]) for (const q of members[bj]) coph[p * n + q] = coph[q * n + p] = best;
    for (let x = 0; x < n; x++) {
      if (!alive[x] || x === bi || x === bj) continue;
      const d = (size[bi] * dist[bi * n + x] + size[bj] * dist[bj * n + x]) / (size[bi] + size[bj]);
      dist[bi * n + x] = dist[x * n + bi] = d;
    }
    size[bi] += size[bj];
    members[bi] = members[bi].concat(members[bj]);
    alive[bj] = 0;
  }
  return coph;
}
