// Seeded pseudo-random numbers for the bootstrap: the seed is passed in (STYLE habit 7), so the
// same inputs and seed give byte-identical intervals. xoshiro128** (Blackman & Vigna) on 32-bit
// integers, seeded through splitmix32; plus the normal, gamma and beta variates the
// order-statistics resampler needs.

export interface Random {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Uniform integer in [0, n). */
  index(n: number): number;
  /**
   * `start` plus `count` values drawn with replacement from `values`, added one after the other:
   * exactly `for (…) start += values[index(values.length)]`, in the same order and leaving the
   * generator in the same state, but without a call per draw (a mean's resamples are this loop).
   * With `integers` (integerSample(values)) and an integer `start`, the sum is taken in 32-bit
   * integers where it cannot overflow: every partial sum is then exact in either arithmetic, so
   * the result is the same number, about twice as fast (billed milliseconds are integers).
   */
  addDraws(start: number, values: Float64Array, count: number, integers?: IntegerSample | null): number;
  /**
   * `start` (an integer) plus `count` values drawn with replacement from the sample of `pairs`, in
   * pairs: the same distribution as addDraws, with other draws (one uniform pair index per two
   * values, the last value alone when `count` is odd). The caller checks that count·maxAbs stays
   * below 2³¹ (the draws are summed in 32-bit integers) and |start| below 2⁵².
   */
  addPairDraws(start: number, pairs: PairSums, count: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Gamma(shape, 1) for shape ≥ 1 (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Beta(a, b) for a, b ≥ 1. */
  beta(a: number, b: number): number;
}

const TWO_32 = 4294967296;

/** Values that are all integers, as 32-bit integers, with their largest magnitude. */
export interface IntegerSample {
  values: Int32Array;
  maxAbs: number;
}

/** Largest sample for the integer draw's index arithmetic (16-bit halves of the 32-bit draw). */
const INTEGER_DRAW_MAX_N = 65536;

/**
 * Every ordered pair's sum of a small integer sample (sums[i·n + j] = v_i + v_j): a uniform draw of
 * one of the n² pairs is two independent draws of values, so addPairDraws makes half the draws.
 */
export interface PairSums {
  sums: Int32Array;
  /** The sample itself (an odd count's last draw). */
  values: Int32Array;
  n: number;
  maxAbs: number;
  /** 2³² mod n²: draws whose low 32 bits fall below it are rejected, so every pair is exactly equally likely (Lemire). */
  threshold: number;
}

/** Largest sample given pair sums (n² Int32 entries: 1 MiB; past a few hundred values the table no longer stays in cache). */
export const PAIR_SUMS_MAX_N = 512;

export function pairSums(sample: IntegerSample): PairSums | null {
  const n = sample.values.length;
  if (n > PAIR_SUMS_MAX_N || 2 * sample.maxAbs >= 2 ** 31) return null;
  const sums = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    const vi = sample.values[i]!;
    const row = i * n;
    for (let j = 0; j < n; j++) sums[row + j] = vi + sample.values[j]!;
  }
  return { sums, values: sample.values, n, maxAbs: sample.maxAbs, threshold: TWO_32 % (n * n) };
}

/** The integer copy addDraws can sum from, or null when some value is not a safe 32-bit integer (or the sample is too large). */
export function integerSample(values: Float64Array): IntegerSample | null {
  const n = values.length;
  if (n === 0 || n > INTEGER_DRAW_MAX_N) return null;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || Math.abs(v) >= 2 ** 31) return null;
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  }
  return { values: Int32Array.from(values), maxAbs };
}

/** A generator for `seed` (any 32-bit integer); independent streams come from deriveSeed. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = Int32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return new Xoshiro128(state);
}

/**
 * The state is four 32-bit words in a typed array and the methods live on the class, so every
 * generator (the bootstrap makes one per group and statistic) runs the same optimised code; as
 * closures over numbers, each new generator's state was boxed and its code specialised anew,
 * which made a draw several times slower.
 */
class Xoshiro128 implements Random {
  private spareNormal = 0;
  private hasSpareNormal = false;
  constructor(private readonly state: Int32Array) {}

  private next(): number {
    const st = this.state;
    const a = st[0]!;
    const b = st[1]!;
    const c = st[2]!;
    const d = st[3]!;
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    const c1 = c ^ a;
    const d1 = d ^ b;
    st[1] = b ^ c1;
    st[0] = a ^ d1;
    st[2] = c1 ^ t;
    st[3] = rotl(d1, 11);
    return result;
  }

  uniform(): number {
    return this.next() / TWO_32;
  }

  // Multiply-and-floor of a 32-bit draw: bias at most n / 2^32, negligible for sample sizes here.
  index(n: number): number {
    return Math.floor((this.next() / TWO_32) * n);
  }

  /** next() unrolled over local copies of the state: a mean's resamples are this loop. */
  addDraws(start: number, values: Float64Array, count: number, integers?: IntegerSample | null): number {
    if (integers && Number.isInteger(start) && Math.abs(start) < 2 ** 52 && count * integers.maxAbs < 2 ** 31)
      return start + this.addIntegerDraws(integers.values, count);
    const st = this.state;
    const n = values.length;
    let a = st[0]!;
    let b = st[1]!;
    let c = st[2]!;
    let d = st[3]!;
    let total = start;
    for (let i = 0; i < count; i++) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      total += values[Math.floor((result / TWO_32) * n)]!;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
    return total;
  }

  addPairDraws(start: number, pairs: PairSums, count: number): number {
    const st = this.state;
    const { sums, n, threshold } = pairs;
    const n2 = n * n;
    let a = st[0]!;
    let b = st[1]!;
    let c = st[2]!;
    let d = st[3]!;
    let total = 0;
    let remaining = count >>> 1;
    while (remaining > 0) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      // result·n² < 2⁵¹: exact. Its high 32 bits are the pair, its low 32 bits decide rejection.
      const x = result * n2;
      const pair = Math.floor(x / TWO_32);
      if (x - pair * TWO_32 < threshold) continue;
      total = (total + sums[pair]!) | 0;
      remaining--;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
    if (count % 2 === 1) total += pairs.values[this.index(n)]!;
    return start + total;
  }

  /**
   * addDraws's loop on integers, the sum kept in two 32-bit accumulators (the caller checks it
   * cannot overflow). The index is ⌊r·n / 2³²⌋ as in addDraws, from r's 16-bit halves
   * (exact for n ≤ 2¹⁶): ⌊(⌊r/2¹⁶⌋·n + ⌊(r mod 2¹⁶)·n / 2¹⁶⌋) / 2¹⁶⌋.
   */
  private addIntegerDraws(values: Int32Array, count: number): number {
    const st = this.state;
    const n = values.length;
    let a = st[0]!;
    let b = st[1]!;
    let c = st[2]!;
    let d = st[3]!;
    let even = 0;
    let odd = 0;
    let i = 0;
    for (; i + 1 < count; i += 2) {
      let result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      even = (even + values[((result >>> 16) * n + (((result & 0xffff) * n) >>> 16)) >>> 16]!) | 0;
      result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      odd = (odd + values[((result >>> 16) * n + (((result & 0xffff) * n) >>> 16)) >>> 16]!) | 0;
    }
    if (i < count) {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      even = (even + values[((result >>> 16) * n + (((result & 0xffff) * n) >>> 16)) >>> 16]!) | 0;
    }
    st[0] = a;
    st[1] = b;
    st[2] = c;
    st[3] = d;
    return even + odd;
  }

  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s2 = u * u + v * v;
      if (s2 > 0 && s2 < 1) {
        const f = Math.sqrt((-2 * Math.log(s2)) / s2);
        this.spareNormal = v * f;
        this.hasSpareNormal = true;
        return u * f;
      }
    }
  }

  gamma(shape: number): number {
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  }

  beta(p: number, q: number): number {
    const x = this.gamma(p);
    return x / (x + this.gamma(q));
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A 32-bit seed for one named stream (e.g. a group and a statistic) of a master seed. */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  // FNV-1a over the parts, then a murmur3 finaliser mixing in the master seed.
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= Math.imul(seed >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
