// States of a run kept to go back to (the app's Pause, at the iteration the page showed): copies
// of W (m×k) and H (k×n) and the driver's counters at a few recent iterations, oldest first.

/**
 * How many marks are kept: the one the page shows and the later ones on their way to it (while
 * its main thread draws), up to MARK_BYTES of copies in all (at least two).
 */
const MARKS = 8;
const MARK_BYTES = 64 * 2 ** 20;

/** One kept state: the iteration, W and H copies, and the counters `C` the driver needs. */
export interface Mark<C> {
  readonly iteration: number;
  readonly W: Float64Array;
  readonly H: Float64Array;
  readonly counters: C;
}

/** The marks of one run; W and H buffers are reused once MARKS (or the byte bound) are kept. */
export class Marks<C> {
  private list: Mark<C>[] = [];

  /** Keeps copies of `W`, `H` and `counters` at `iteration`; returns how many iterations back the oldest kept mark is. */
  keep(iteration: number, W: Float64Array, H: Float64Array, counters: C): number {
    const kept = Math.max(2, Math.min(MARKS, Math.floor(MARK_BYTES / (8 * (W.length + H.length)))));
    while (this.list.length > kept) this.list.shift();
    const reused = this.list.length === kept ? this.list.shift() : undefined;
    const w = reused?.W ?? new Float64Array(W.length);
    const h = reused?.H ?? new Float64Array(H.length);
    w.set(W);
    h.set(H);
    this.list.push({ iteration, W: w, H: h, counters });
    return iteration - this.list[0].iteration;
  }

  /** The mark at `iteration`, if one is kept. */
  at(iteration: number): Mark<C> | undefined {
    return this.list.find((x) => x.iteration === iteration);
  }

  /** Forgets the marks after `iteration` (the run went back there). */
  dropAfter(iteration: number): void {
    this.list = this.list.filter((x) => x.iteration <= iteration);
  }

  /** Forgets every mark. */
  clear(): void {
    this.list = [];
  }
}
