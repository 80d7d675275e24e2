// An append-only series of numbers (a loss per iteration) in a growable Float64Array: 8 bytes an
// entry, capacity doubled when full, so n appends copy fewer than 2n entries in all. Readers take
// `view()`, a Float64Array over the first `length` entries that shares the buffer (no copy): later
// appends never change what an earlier view shows.

/** Entries copied by every History so far (buffer growth and copies of a prefix): a test hook for "no quadratic copying". */
let copied = 0;

/** How many entries all Histories have copied since the program started (see the file comment). */
export function historyCopies(): number {
  return copied;
}

/** A growable, append-only Float64Array (see the file comment). */
export class History {
  private buf: Float64Array;
  private n = 0;

  constructor(capacity = 64) {
    this.buf = new Float64Array(Math.max(1, capacity));
  }

  /** A History holding a copy of `values`. */
  static of(values: ArrayLike<number>): History {
    const h = new History(Math.max(64, values.length));
    h.append(values);
    copied += values.length;
    return h;
  }

  /** Number of entries. */
  get length(): number {
    return this.n;
  }

  /** Entry `i` (0-based), or undefined past the end. */
  at(i: number): number | undefined {
    return i >= 0 && i < this.n ? this.buf[i] : undefined;
  }

  /** Appends one entry. */
  push(x: number): void {
    if (this.n === this.buf.length) this.grow(this.n + 1);
    this.buf[this.n++] = x;
  }

  /** Removes the last entry (none: nothing happens). */
  pop(): void {
    if (this.n > 0) this.n--;
  }

  /** Appends every entry of `values`. */
  append(values: ArrayLike<number>): void {
    const end = this.n + values.length;
    if (end > this.buf.length) this.grow(end);
    for (let t = 0; t < values.length; t++) this.buf[this.n + t] = values[t];
    this.n = end;
  }

  /** Entries from..length as a Float64Array sharing the buffer, no copy (later appends leave it as it is). */
  view(from = 0): Float64Array {
    return this.buf.subarray(Math.min(from, this.n), this.n);
  }

  private grow(atLeast: number): void {
    const next = new Float64Array(Math.max(atLeast, 2 * this.buf.length));
    next.set(this.buf.subarray(0, this.n));
    copied += this.n;
    this.buf = next;
  }
}
