// The "swimmer" parts dataset (after Donoho & Stodden): 256 stick figures of 32×32 pixels,
// a torso plus four limbs, each limb in one of four positions. NMF with rank 17 finds the parts.
import type { DataMatrix } from '../core/problem.js';

const SIDE = 32;

/** Joint (row, col) and the four end-point offsets (dr, dc) of each limb: left arm, right arm, left leg, right leg. */
const LIMBS: readonly { joint: [number, number]; ends: [number, number][] }[] = [
  {
    joint: [10, 14],
    ends: [
      [-6, -5],
      [-1, -7],
      [4, -6],
      [7, -3],
    ],
  },
  {
    joint: [10, 17],
    ends: [
      [-6, 5],
      [-1, 7],
      [4, 6],
      [7, 3],
    ],
  },
  {
    joint: [21, 15],
    ends: [
      [7, -1],
      [6, -4],
      [4, -6],
      [1, -7],
    ],
  },
  {
    joint: [21, 16],
    ends: [
      [7, 1],
      [6, 4],
      [4, 6],
      [1, 7],
    ],
  },
];

/** Pixels (row·32 + col) of the segment from (r0, c0) to (r1, c1), without its first point (Bresenham). */
function segment(r0: number, c0: number, r1: number, c1: number): number[] {
  const out: number[] = [];
  const dr = Math.abs(r1 - r0);
  const dc = Math.abs(c1 - c0);
  const sr = r0 < r1 ? 1 : -1;
  const sc = c0 < c1 ? 1 : -1;
  let err = dc - dr;
  let r = r0;
  let c = c0;
  while (r !== r1 || c !== c1) {
    const e2 = 2 * err;
    if (e2 > -dr) {
      err -= dr;
      c += sc;
    }
    if (e2 < dc) {
      err += dc;
      r += sr;
    }
    out.push(r * SIDE + c);
  }
  return out;
}

/** V (1024 pixels × 256 images): column t is image t, a 32×32 picture flattened row by row. */
export function swimmer(): DataMatrix {
  const torso: number[] = [];
  for (let r = 9; r <= 21; r++) torso.push(r * SIDE + 15, r * SIDE + 16);
  const parts = LIMBS.map(({ joint: [r, c], ends }) => ends.map(([dr, dc]) => segment(r, c, r + dr, c + dc)));
  const m = SIDE * SIDE;
  const n = 256;
  const values = new Float64Array(m * n);
  for (let t = 0; t < n; t++) {
    const pose = [(t >> 6) & 3, (t >> 4) & 3, (t >> 2) & 3, t & 3];
    const pixels = [...torso, ...pose.flatMap((p, limb) => parts[limb][p])];
    for (const px of pixels) values[px * n + t] = 1;
  }
  return {
    rows: m,
    cols: n,
    values,
    imageWidth: SIDE,
    name: 'swimmer',
    colLabels: Array.from({ length: n }, (_, t) => `image ${t + 1}`),
  };
}
