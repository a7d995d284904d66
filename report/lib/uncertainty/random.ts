// Seeded pseudo-random numbers for the bootstrap: the seed is passed in (STYLE habit 7), so the
// same inputs and seed give byte-identical intervals. xoshiro128** (Blackman & Vigna) on 32-bit
// integers, seeded through splitmix32; plus the normal, gamma and beta variates the
// order-statistics resampler needs.

export interface Random {
  /** Uniform on [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Uniform integer in [0, n). */
  index(n: number): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Gamma(shape, 1) for shape ≥ 1 (Marsaglia–Tsang). */
  gamma(shape: number): number;
  /** Beta(a, b) for a, b ≥ 1. */
  beta(a: number, b: number): number;
}

const TWO_32 = 4294967296;

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
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spareNormal: number | null = null;

  const uniform = () => next() / TWO_32;
  const normal = () => {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s2 = u * u + v * v;
      if (s2 > 0 && s2 < 1) {
        const f = Math.sqrt((-2 * Math.log(s2)) / s2);
        spareNormal = v * f;
        return u * f;
      }
    }
  };
  const gamma = (shape: number) => {
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (u > 0 && Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };
  return {
    uniform,
    // Multiply-and-floor of a 32-bit draw: bias at most n / 2^32, negligible for sample sizes here.
    index: (n) => Math.floor((next() / TWO_32) * n),
    normal,
    gamma,
    beta: (p, q) => {
      const x = gamma(p);
      return x / (x + gamma(q));
    },
  };
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
