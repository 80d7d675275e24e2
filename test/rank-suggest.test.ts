// The suggested rank: the one-standard-error rule and its reason in words, and the constant-part
// note (noise with a non-zero mean) on evidence built by hand and on surveyed data.
import { describe, expect, it } from 'vitest';
import type { Dense } from '../src/core/matrix.js';
import type { DataMatrix } from '../src/core/problem.js';
import { Rng } from '../src/core/rng.js';
import { lowRank } from '../src/data/generate.js';
import { DEFAULT_OPTIONS } from '../src/driver/options.js';
import { addsConstant, onesAngles, suggestRank, type RankEvidence } from '../src/rank/suggest.js';
import { runSurvey } from '../src/rank/survey.js';
import { createEngineNode } from '../src/wasm/node.js';

/** Evidence of ranks 1.. with these mean held-out errors and standard errors, no factors. */
function evidence(means: (number | null)[], se: (number | null)[]): RankEvidence[] {
  return means.map((heldOutError, i) => ({ rank: i + 1, heldOutError, heldOutStdErr: se[i], best: null }));
}

function random(rows: number, cols: number, rng: Rng): Dense {
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => rng.next()) };
}

/** W (m×k) with an extra column, H (k×n) with an extra row. */
function extend(W: Dense, H: Dense, col: (i: number) => number, row: (j: number) => number): { W: Dense; H: Dense } {
  const k = W.cols + 1;
  const w = new Float64Array(W.rows * k);
  for (let i = 0; i < W.rows; i++) {
    w.set(W.data.subarray(i * W.cols, (i + 1) * W.cols), i * k);
    w[i * k + k - 1] = col(i);
  }
  const h = new Float64Array(k * H.cols);
  h.set(H.data);
  for (let j = 0; j < H.cols; j++) h[(k - 1) * H.cols + j] = row(j);
  return { W: { rows: W.rows, cols: k, data: w }, H: { rows: k, cols: H.cols, data: h } };
}

describe('suggestRank', () => {
  it('picks the smallest rank within one standard error of the lowest mean', () => {
    const s = suggestRank(evidence([0.5, 0.3, 0.2, 0.105, 0.1, 0.11], [0.01, 0.01, 0.01, 0.01, 0.006, 0.01]));
    expect(s).toEqual({
      suggestedRank: 4,
      lowestRank: 5,
      constantPart: false,
      reason: 'held-out error is lowest at k = 5; k = 4 is within one standard error of it',
    });
  });

  it('says when the lowest itself is chosen, and why', () => {
    expect(suggestRank(evidence([0.5, 0.3, 0.1, 0.12], [0.01, 0.01, 0.01, 0.01])).reason).toBe(
      'held-out error is lowest at k = 3, and no smaller rank is within one standard error of it',
    );
    expect(suggestRank(evidence([0.1, 0.3], [0.01, 0.01])).reason).toBe('held-out error is lowest at k = 1, the lowest rank surveyed');
    expect(suggestRank(evidence([0.5, 0.3, 0.1, 0.12], [null, null, null, null])).reason).toBe(
      'held-out error is lowest at k = 3 (one restart: no standard error to allow for a smaller rank)',
    );
  });

  it('warns when the lowest is at the highest rank surveyed', () => {
    const s = suggestRank(evidence([0.5, 0.3, 0.2], [0.01, 0.01, 0.01]));
    expect(s.suggestedRank).toBe(3);
    expect(s.reason).toBe(
      'held-out error is lowest at k = 3, and no smaller rank is within one standard error of it; it is the highest rank surveyed, so a higher rank may do better',
    );
  });

  it('needs a held-out error: none at all, or none finite', () => {
    expect(suggestRank(evidence([null, null], [null, null]))).toEqual({
      suggestedRank: null,
      lowestRank: null,
      constantPart: false,
      reason: 'the suggestion needs a held-out set (a held-out fraction above 0)',
    });
    expect(suggestRank(evidence([NaN, NaN], [null, null])).reason).toBe(
      'no rank has a finite held-out error (every held-out fit diverged)',
    );
    expect(suggestRank([]).reason).toBe('no rank has been surveyed yet');
  });

  it('works on the ranks received so far, in any order (a cancelled survey)', () => {
    const all = evidence([0.5, 0.3, 0.1, 0.12], [0.01, 0.01, 0.01, 0.01]);
    expect(suggestRank([all[2], all[0], all[1]]).suggestedRank).toBe(3);
    expect(suggestRank(all.slice(0, 2)).suggestedRank).toBe(2);
  });
});

describe('the constant-part test', () => {
  const rng = new Rng(4, 0);
  const W = random(60, 2, rng);
  const H = random(2, 40, rng);

  it('fires when the extra component is the all-ones direction, not for a random one', () => {
    const ones = extend(
      W,
      H,
      () => 1,
      () => 0.3,
    );
    expect(onesAngles(ones.W, ones.H).sinW).toBeLessThan(1e-12);
    expect(addsConstant({ W, H }, ones)).toBe(true);
    const other = extend(
      W,
      H,
      () => rng.next(),
      () => rng.next(),
    );
    expect(addsConstant({ W, H }, other)).toBe(false);
    // mixed into the other components (W·D, any positive mixing), the constant is still found
    const mixed = extend(
      W,
      H,
      (i) => 1 + 0.5 * W.data[i * 2],
      (j) => 0.3 + 0.2 * H.data[40 + j],
    );
    expect(addsConstant({ W, H }, mixed)).toBe(true);
  });

  it('on data with a constant floor the survey suggests one more component and says why', async () => {
    const engine = await createEngineNode();
    const clean = lowRank({ rows: 150, cols: 90, rank: 3, noise: 0.1, seed: 1, noiseModel: 'multiplicative' });
    const mean = clean.values.reduce((s, x) => s + x, 0) / clean.values.length;
    const floored: DataMatrix = { ...clean, values: clean.values.map((x) => x + mean) };
    const o = { lowest: 1, highest: 6, restarts: 3, holdout: 0.1, shuffled: false, base: DEFAULT_OPTIONS };
    const s = runSurvey(engine, floored, o).suggestion;
    expect(s.suggestedRank).toBe(4);
    expect(s.constantPart).toBe(true);
    expect(s.reason).toBe(
      'held-out error is lowest at k = 4, and no smaller rank is within one standard error of it; the step from k = 3 to 4 brings a constant into the model: if the noise has a non-zero mean, one extra component may model that constant part, and k = 3 may describe the structure',
    );
    const plain = runSurvey(engine, clean, o).suggestion;
    expect(plain).toMatchObject({ suggestedRank: 3, constantPart: false });
  });
});
