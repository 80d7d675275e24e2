// The rank survey: held-out sets, the shuffled baseline, the survey's numbers against the driver,
// the planted rank found, determinism, progress and cancelling, option messages.
import { describe, expect, it } from 'vitest';
import type { DataMatrix } from '../src/core/problem.js';
import { loadProblem } from '../src/core/problem.js';
import { lowRank, ratings } from '../src/data/generate.js';
import { validateMatrix } from '../src/data/validate.js';
import { Factorization } from '../src/driver/factorization.js';
import { DEFAULT_OPTIONS, OptionError, solverParams, type FactorOptions } from '../src/driver/options.js';
import { runToStop } from '../src/driver/run.js';
import { shuffleColumns } from '../src/rank/baseline.js';
import { heldOutRelError, splitHoldout } from '../src/rank/holdout.js';
import { parseRankRange, runSurvey, surveyRanks, type SurveyOptions } from '../src/rank/survey.js';
import { createEngineNode } from '../src/wasm/node.js';

const engine = await createEngineNode();
const BASE: FactorOptions = { ...DEFAULT_OPTIONS, algorithm: 'hals' };

function planted(rank: number, seed = 1): DataMatrix {
  return lowRank({ rows: 150, cols: 90, rank, noise: 0.1, seed, noiseModel: 'multiplicative' });
}

/** Relative error ‖V − WH‖_F/‖V‖_F over the observed entries, W (m×k), H (k×n) row-major. */
function relError(V: DataMatrix, W: Float64Array, H: Float64Array, k: number): number {
  let r2 = 0;
  let v2 = 0;
  for (let i = 0; i < V.rows; i++) {
    for (let j = 0; j < V.cols; j++) {
      const v = V.values[i * V.cols + j];
      if (Number.isNaN(v)) continue;
      let wh = 0;
      for (let a = 0; a < k; a++) wh += W[i * k + a] * H[a * V.cols + j];
      r2 += (v - wh) ** 2;
      v2 += v * v;
    }
  }
  return Math.sqrt(r2 / v2);
}

describe('splitHoldout', () => {
  it('hides the requested fraction of observed entries, deterministically, without emptying a row or column', () => {
    const d = ratings({ rows: 30, cols: 20, rank: 2, density: 0.3, seed: 4 });
    const a = splitHoldout(d, 0.2, 7);
    const b = splitHoldout(d, 0.2, 7);
    const observed = Array.from(d.values).filter((x) => !Number.isNaN(x)).length;
    expect(a.heldOut.length).toBeGreaterThan(0.17 * observed);
    expect(a.heldOut.length).toBeLessThanOrEqual(Math.round(0.2 * observed));
    expect(Array.from(a.heldOut)).toEqual(Array.from(b.heldOut));
    for (const t of a.heldOut) {
      expect(Number.isNaN(d.values[t])).toBe(false);
      expect(Number.isNaN(a.train.values[t])).toBe(true);
    }
    expect(() => validateMatrix(a.train)).not.toThrow();
    expect(Array.from(splitHoldout(d, 0.2, 8).heldOut)).not.toEqual(Array.from(a.heldOut));
  });
});

describe('shuffleColumns', () => {
  const d = ratings({ rows: 25, cols: 12, rank: 2, density: 0.6, seed: 3 });
  const column = (x: DataMatrix, j: number) => Array.from({ length: x.rows }, (_, i) => x.values[i * x.cols + j]);
  const sorted = (a: number[]) => [...a].sort((p, q) => (Number.isNaN(p) ? 1 : Number.isNaN(q) ? -1 : p - q));

  it("keeps each column's values (missing entries included) and moves them", () => {
    const s = shuffleColumns(d, 5);
    expect([s.rows, s.cols]).toEqual([d.rows, d.cols]);
    let moved = 0;
    for (let j = 0; j < d.cols; j++) {
      expect(sorted(column(s, j))).toEqual(sorted(column(d, j)));
      if (column(s, j).some((x, i) => !Object.is(x, column(d, j)[i]))) moved++;
    }
    expect(moved).toBe(d.cols);
  });

  it('is fixed by its seed and permutes each column on its own', () => {
    expect(Array.from(shuffleColumns(d, 5).values)).toEqual(Array.from(shuffleColumns(d, 5).values));
    expect(Array.from(shuffleColumns(d, 6).values)).not.toEqual(Array.from(shuffleColumns(d, 5).values));
    // a matrix of identical columns: one shared permutation would leave the columns identical
    const same: DataMatrix = { rows: 20, cols: 3, values: Float64Array.from({ length: 60 }, (_, t) => Math.floor(t / 3)) };
    const s = shuffleColumns(same, 1);
    expect(column(s, 0)).not.toEqual(column(s, 1));
    expect(column(s, 1)).not.toEqual(column(s, 2));
  });
});

describe('surveyRanks', () => {
  it.each([3, 6])('finds the planted rank %i in 150×90 data with 10 percent multiplicative noise (a tenth held out, 3 restarts)', (r) => {
    const s = runSurvey(engine, planted(r), { lowest: 1, highest: r + 3, restarts: 3, holdout: 0.1, shuffled: false, base: BASE });
    expect(s.ranks.map((p) => p.rank)).toEqual(Array.from({ length: r + 3 }, (_, i) => i + 1));
    expect(s.suggestion.suggestedRank).toBe(r);
    expect(s.suggestion.reason).toMatch(new RegExp(`^held-out error is lowest at k = ${r}`));
    expect(s.suggestion.constantPart).toBe(false);
    const held = s.ranks.map((p) => p.heldOutError!);
    // falls to the planted rank, then rises
    for (let k = 1; k < r; k++) expect(held[k]).toBeLessThan(held[k - 1]);
    expect(Math.min(...held.slice(r))).toBeGreaterThan(held[r - 1]);
  });

  it('each number is what the driver gives for that restart: seed base + r, held-out set r', () => {
    const data = planted(3, 4);
    const o: SurveyOptions = { lowest: 2, highest: 3, restarts: 3, holdout: 0.1, shuffled: true, base: { ...BASE, seed: 11 } };
    const s = runSurvey(engine, data, o);
    const shuffled = shuffleColumns(data, 11);
    for (const p of s.ranks) {
      const k = p.rank;
      for (let r = 0; r < 3; r++) {
        const options = { ...o.base, rank: k, seed: 11 + r };
        const mark = engine.mark();
        const f = new Factorization(engine, loadProblem(engine, data), options);
        runToStop(f);
        expect(p.fitErrors[r]).toBe(f.relError);
        expect(p.restarts[r]).toMatchObject({ rank: k, restart: r, seed: 11 + r, iterations: f.iteration, objective: f.objectiveValue });
        const split = splitHoldout(data, 0.1, 11 + r);
        const g = new Factorization(engine, loadProblem(engine, split.train), options);
        runToStop(g);
        expect(p.heldOutErrors[r]).toBe(heldOutRelError(data.values, data.cols, engine.view(g.W), engine.view(g.H), k, split.heldOut));
        const h = new Factorization(engine, loadProblem(engine, shuffled), options);
        runToStop(h);
        expect(p.shuffledFitErrors[r]).toBe(h.relError);
        engine.release(mark);
      }
      // the held-out sets differ between restarts, so do their errors
      expect(new Set(p.heldOutErrors).size).toBe(3);
      const mean = p.heldOutErrors.reduce((a, b) => a + b, 0) / 3;
      const sd = Math.sqrt(p.heldOutErrors.reduce((a, b) => a + (b - mean) ** 2, 0) / 2);
      expect(p.heldOutError).toBeCloseTo(mean, 15);
      expect(p.heldOutStdErr).toBeCloseTo(sd / Math.sqrt(3), 15);
      // hals minimizes the Frobenius error, so the best objective is the lowest error
      expect(p.fitError).toBe(Math.min(...p.fitErrors));
      expect(p.shuffledFitError).toBe(Math.min(...p.shuffledFitErrors));
      expect(p.shuffledFitError!).toBeGreaterThan(2 * p.fitError);
      expect(relError(data, p.best.W.data, p.best.H.data, k)).toBeCloseTo(p.fitError, 12);
      expect(p.runnerUp!.objective).toBeGreaterThanOrEqual(p.best.objective);
      expect(p.runnerUp!.restart).not.toBe(p.best.restart);
      expect([p.best.W.rows, p.best.W.cols, p.best.H.rows, p.best.H.cols]).toEqual([150, k, k, 90]);
    }
  });

  it("keeps each best restart's history, stop and initial error: a run resumed from it goes on as the uninterrupted fit would", () => {
    const data = planted(3, 4);
    const base = { ...BASE, seed: 3, tol: 1e-4 };
    const s = runSurvey(engine, data, { lowest: 3, highest: 3, restarts: 2, holdout: 0, shuffled: false, base });
    const best = s.ranks[0].best;
    expect(best.history.length).toBe(best.iterations);
    expect(best.history.at(-1)).toBe(best.fitError);
    expect(best.stop.reason).toBe(best.stopReason);
    const options = { ...base, rank: 3, seed: best.seed };
    const mark = engine.mark();
    const problem = loadProblem(engine, data);
    const f = new Factorization(engine, problem, options);
    runToStop(f);
    expect(best.initialRelError).toBe(f.initialRelError);
    f.step();
    const g = new Factorization(engine, problem, options, {
      W: best.W.data.slice(),
      H: best.H.data.slice(),
      iteration: best.iterations,
      history: best.history,
      initialRelError: best.initialRelError,
      stop: best.stop,
      objective: best.objective,
    });
    expect(g.stop).toEqual(best.stop);
    g.step();
    expect(g.relError).toBe(f.relError);
    expect(engine.copyOut(g.W)).toEqual(engine.copyOut(f.W));
    engine.release(mark);
  });

  it('keeps the consensus matrix (symmetric, 1 on the diagonal, multiples of 1/restarts) and its tree order', () => {
    const s = runSurvey(engine, planted(3, 2), { lowest: 1, highest: 4, restarts: 4, holdout: 0, shuffled: true, base: BASE });
    expect(s.ranks[0].cophenetic).toBeNull();
    expect(s.ranks[0].shuffledCophenetic).toBeNull();
    for (const p of s.ranks.slice(1)) {
      const n = 90;
      const C = p.consensus!;
      for (let i = 0; i < n; i++) {
        expect(C[i * n + i]).toBe(1);
        for (let j = 0; j < n; j++) {
          expect(C[i * n + j]).toBe(C[j * n + i]);
          expect(Number.isInteger(C[i * n + j] * 4)).toBe(true);
        }
      }
      expect([...p.consensusOrder!].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, j) => j));
      expect(p.cophenetic).toBeGreaterThan(0);
      expect(p.cophenetic).toBeLessThanOrEqual(1);
      expect(p.shuffledCophenetic).toBeGreaterThan(0);
    }
    expect(s.suggestion).toMatchObject({
      suggestedRank: null,
      reason: 'the suggestion needs a held-out set (a held-out fraction above 0)',
    });
    expect(s.ranks[1].heldOutError).toBeNull();
    expect(s.ranks[1].heldOutErrors).toEqual([]);
  });

  it('the same settings give the same numbers and factors, bit for bit; another seed others', () => {
    const o: SurveyOptions = {
      lowest: 2,
      highest: 4,
      restarts: 2,
      holdout: 0.1,
      shuffled: true,
      base: { ...BASE, algorithm: 'kl', maxIter: 60 },
    };
    const data = planted(3, 5);
    const a = runSurvey(engine, data, o);
    const b = runSurvey(engine, data, o);
    expect(b).toEqual(a);
    a.ranks.forEach((p, i) => {
      expect(Array.from(b.ranks[i].best.W.data)).toEqual(Array.from(p.best.W.data));
      expect(Array.from(b.ranks[i].consensus!)).toEqual(Array.from(p.consensus!));
    });
    const c = runSurvey(engine, data, { ...o, base: { ...o.base, seed: 2 } });
    expect(c.ranks[1].fitErrors).not.toEqual(a.ranks[1].fitErrors);
    expect(c.ranks[1].heldOutErrors).not.toEqual(a.ranks[1].heldOutErrors);
  });

  it("data far from 1 (×2^100) gives the same errors, and its factors in the data's units", () => {
    // V with its largest entry in [1, 2): the survey holds V·2^100 divided by 2^100 exactly, so every
    // fit is the same bit for bit, and the kept W·H fits V·2^100 itself.
    const raw = planted(2, 4);
    let max = 0;
    for (const v of raw.values) if (v > max) max = v;
    const unit = { ...raw, values: raw.values.map((v) => v / 2 ** Math.floor(Math.log2(max))) };
    const big = { ...raw, values: unit.values.map((v) => v * 2 ** 100) };
    const o: SurveyOptions = { lowest: 1, highest: 3, restarts: 2, holdout: 0.1, shuffled: false, base: { ...BASE, maxIter: 40 } };
    const a = runSurvey(engine, unit, o);
    const b = runSurvey(engine, big, o);
    b.ranks.forEach((p, i) => {
      expect(p.fitErrors).toEqual(a.ranks[i].fitErrors);
      // a training set whose largest entry was held out is scaled by another power of two: the same to rounding
      p.heldOutErrors.forEach((e, r) => expect(e).toBeCloseTo(a.ranks[i].heldOutErrors[r], 12));
      expect(relError(big, p.best.W.data, p.best.H.data, p.rank)).toBeCloseTo(p.fitError, 12);
    });
    expect(b.suggestion).toEqual(a.suggestion);
  });

  it('restarts that diverge count in no mean, consensus or suggestion, and say so', () => {
    const data = lowRank({ rows: 40, cols: 30, rank: 2, noise: 0.1, seed: 1, noiseModel: 'multiplicative' });
    const gd = { ...BASE, algorithm: 'gd' as const, params: { ...solverParams('gd'), learningRate: 5 } };
    const s = runSurvey(engine, data, { lowest: 1, highest: 3, restarts: 2, holdout: 0.1, shuffled: false, base: gd });
    for (const p of s.ranks) {
      expect(p.restarts.map((r) => r.stopReason)).toEqual(['diverged', 'diverged']);
      expect(p.heldOutErrors.every(Number.isNaN)).toBe(true);
      expect(p.heldOutError).toBeNaN();
      expect(p.heldOutStdErr).toBeNull();
      expect(p.cophenetic).toBeNull();
      expect(p.best).toMatchObject({ restart: 0, stopReason: 'diverged' });
    }
    expect(s.suggestion).toMatchObject({
      suggestedRank: null,
      reason: 'no rank has a finite held-out error (every held-out fit diverged)',
    });
  });

  it('yields after every restart with its progress; stopping between restarts frees the engine', () => {
    const used = engine.used;
    const data = planted(2, 3);
    const it = surveyRanks(engine, data, { lowest: 1, highest: 3, restarts: 2, holdout: 0.1, shuffled: true, base: BASE });
    const steps = [];
    for (let s = it.next(); !s.done; s = it.next()) {
      steps.push(s.value);
      expect(engine.used).toBe(used);
    }
    expect(steps.map((s) => [s.restart.rank, s.restart.restart, s.restartsDone, s.restartsTotal])).toEqual([
      [1, 0, 1, 6],
      [1, 1, 2, 6],
      [2, 0, 3, 6],
      [2, 1, 4, 6],
      [3, 0, 5, 6],
      [3, 1, 6, 6],
    ]);
    expect(steps.map((s) => s.finishedRank?.rank ?? null)).toEqual([null, 1, null, 2, null, 3]);
    // 3 fits per restart, k units each
    expect(steps.map((s) => s.workDone)).toEqual([3, 6, 12, 18, 27, 36]);
    expect(steps.every((s) => s.workTotal === 36)).toBe(true);

    const cancelled = surveyRanks(engine, data, { lowest: 1, highest: 3, restarts: 2, holdout: 0.1, shuffled: false, base: BASE });
    expect(cancelled.next().done).toBe(false);
    expect(cancelled.return(undefined as never).done).toBe(true);
    expect(cancelled.next().done).toBe(true);
    expect(engine.used).toBe(used);
  });

  it.each([
    [{ lowest: 0 }, 'lowest', 'lowest rank 0 is out of range: it must be an integer from 1 to min(m, n) = 90 for a 150×90 matrix'],
    [{ highest: 91 }, 'highest', 'highest rank 91 is out of range: it must be an integer from 1 to min(m, n) = 90 for a 150×90 matrix'],
    [{ lowest: 4, highest: 3 }, 'highest', 'highest rank 3 is below the lowest rank 4'],
    [{ restarts: 0 }, 'restarts', 'restarts per rank 0 must be an integer from 1 to 100'],
    [{ holdout: 0.6 }, 'holdout', 'held-out fraction 0.6 must be from 0 to 0.5'],
    [
      { base: { ...BASE, init: 'given' as const } },
      'init',
      'the survey needs an initialization that works at every rank, not given W0, H0',
    ],
    [{ base: { ...BASE, maxIter: 0 } }, 'maxIter', 'max iterations 0 must be an integer from 1 to 1000000 (the cap)'],
  ])('%j is refused before any work: %s', (change, option, message) => {
    const o: SurveyOptions = { lowest: 1, highest: 3, restarts: 2, holdout: 0.1, shuffled: false, base: BASE, ...change };
    const it = surveyRanks(engine, planted(2), o);
    let error: unknown = null;
    try {
      it.next();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe(option);
    expect((error as OptionError).message).toBe(message);
  });

  it('parses rank ranges', () => {
    expect(parseRankRange('2..5')).toEqual({ lowest: 2, highest: 5 });
    expect(parseRankRange('3')).toEqual({ lowest: 3, highest: 3 });
    expect(parseRankRange('5..2')).toBeNull();
    expect(parseRankRange('0..2')).toBeNull();
    expect(parseRankRange('a..b')).toBeNull();
  });
});
