// Seconds spent iterating, per iteration of each run (for the seconds column of history.csv):
// only the time inside Factorization.step, not pauses or pacing.
import type { Factorization } from '../../src/driver/factorization.js';

/** Seconds per iteration of each Factorization stepped through it. */
export class StepClock {
  private readonly seconds = new WeakMap<Factorization, number[]>();

  constructor(private readonly now: () => number) {}

  /** One iteration of `f`, timed (a run resumed at iteration t has NaN, unknown, for iterations 1..t). */
  step(f: Factorization): void {
    const before = f.iteration;
    const t0 = this.now();
    f.step();
    if (f.iteration === before) return;
    let s = this.seconds.get(f);
    if (!s) this.seconds.set(f, (s = []));
    while (s.length < before) s.push(Number.NaN);
    const last = s.length && !Number.isNaN(s[s.length - 1]) ? s[s.length - 1] : 0;
    s.push(last + (this.now() - t0) / 1000);
  }

  /** Iterations of `f` were taken back (Factorization.backToMark): their times go too. */
  undo(f: Factorization): void {
    const s = this.seconds.get(f);
    if (s && s.length > f.iteration) s.length = f.iteration;
  }

  /** Seconds spent up to each iteration of `f` (index 0 = iteration 1; NaN where unknown), one per iteration. */
  secondsOf(f: Factorization): number[] {
    const s = this.seconds.get(f) ?? [];
    return Array.from({ length: f.iteration }, (_, t) => s[t] ?? Number.NaN);
  }
}
