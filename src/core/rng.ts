// Seeded pseudo-random numbers: xoshiro128** seeded through splitmix32.
// Integer arithmetic only (Math.imul, shifts), so a seed gives the same stream in every engine.

/** A deterministic stream of uniform numbers fixed by an integer seed. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Seeds the stream from any integer (only its low 32 bits and sign matter, plus `stream`). */
  constructor(seed: number, stream = 0) {
    let x = (Math.trunc(seed) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The stream's position (four 32-bit words), for restore(). */
  save(): [number, number, number, number] {
    return [this.s0, this.s1, this.s2, this.s3];
  }

  /** Goes back to a position save() gave: the same numbers follow again. */
  restore(state: readonly [number, number, number, number]): void {
    [this.s0, this.s1, this.s2, this.s3] = state;
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n) for 0 < n ≤ 2³², without modulo bias. */
  int(n: number): number {
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const u = this.nextU32();
      if (u < limit) return u % n;
    }
  }

  /** Shuffles a[0..len) in place (Fisher–Yates). */
  shuffle(a: { [i: number]: number }, len: number): void {
    for (let i = len - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * An approximately standard normal deviate: the sum of 12 uniforms minus 6 (Irwin–Hall).
   * Plain arithmetic, so it is bit-identical in every engine; tails beyond ±6 never occur.
   */
  normal(): number {
    let s = 0;
    for (let i = 0; i < 12; i++) s += this.next();
    return s - 6;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
