// The radix sort must give exactly the built-in sort's order, bit for bit: checked on generated
// FIXTURE arrays (seeded) of many sizes and value mixes, below and above the threshold.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../test/fixtures/generate.js";
import { RADIX_SORT_MIN_LENGTH, radixSortFloat64, sortFloat64InPlace } from "./sort.js";

const words = (a: Float64Array) => new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);

/** A double from two 32-bit words (any bits: NaN payloads, negative NaNs, subnormals). */
function fromBits(hi: number, lo: number): number {
  const a = new Float64Array(1);
  const w = words(a);
  w[0] = lo;
  w[1] = hi;
  return a[0]!;
}

/** The first index where `actual` differs from `expected` (bits; any NaN matches any NaN), or −1. */
function firstDifference(actual: Float64Array, expected: Float64Array): number {
  if (actual.length !== expected.length) return Math.min(actual.length, expected.length);
  const a = words(actual);
  const e = words(expected);
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(actual[i]) && Number.isNaN(expected[i])) continue;
    if (a[2 * i] !== e[2 * i] || a[2 * i + 1] !== e[2 * i + 1]) return i;
  }
  return -1;
}

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, fromBits(0xfff80000, 7), 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE];

type Mix = (random: () => number) => number;
const MIXES: Record<string, Mix> = {
  // Durations rounded to the microsecond, as in datasets: many duplicates, a long tail.
  durations: (r) => Math.round((2 + r() * 30) * (r() < 0.02 ? 1 + r() * 5 : 1) * 1000) / 1000,
  "signed wide": (r) => (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20),
  "small integers": (r) => Math.floor(r() * 20) - 10,
  "zeros and specials": (r) => SPECIALS[Math.floor(r() * SPECIALS.length)]!,
  "any bits": (r) => fromBits(Math.floor(r() * 2 ** 32), Math.floor(r() * 2 ** 32)),
  "tiny subnormals": (r) => (r() < 0.5 ? -1 : 1) * Math.floor(r() * 1000) * 5e-324,
};

function fixture(n: number, mix: Mix, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: n }, () => mix(random));
}

const SIZES = [0, 1, 2, 3, 17, 100, 1000, RADIX_SORT_MIN_LENGTH - 1, RADIX_SORT_MIN_LENGTH, RADIX_SORT_MIN_LENGTH + 1, 12_345, 70_000];

describe("sortFloat64InPlace", () => {
  for (const [name, mix] of Object.entries(MIXES)) {
    it(`equals the built-in sort on ${name}, at sizes ${SIZES.join(", ")}`, () => {
      for (const n of SIZES) {
        const values = fixture(n, mix, n + 1);
        const expected = values.slice().sort();
        for (const sort of [sortFloat64InPlace, radixSortFloat64]) {
          const actual = values.slice();
          expect(sort(actual)).toBe(actual);
          expect({ n, sort: sort.name, at: firstDifference(actual, expected) }).toEqual({ n, sort: sort.name, at: -1 });
        }
      }
    });
  }

  it("equals the built-in sort on all-equal, sorted and reverse-sorted arrays", () => {
    const n = 3 * RADIX_SORT_MIN_LENGTH;
    const ascending = fixture(n, MIXES["signed wide"]!, 3).sort();
    const cases: Record<string, Float64Array> = {
      "all equal": new Float64Array(n).fill(42.5),
      "all −0": new Float64Array(n).fill(-0),
      "all NaN": new Float64Array(n).fill(NaN),
      ascending,
      descending: ascending.slice().reverse(),
      "−0 and +0 alternating": Float64Array.from({ length: n }, (_, i) => (i % 2 ? 0 : -0)),
    };
    for (const [name, values] of Object.entries(cases)) {
      const expected = values.slice().sort();
      const actual = radixSortFloat64(values.slice());
      expect({ name, at: firstDifference(actual, expected) }).toEqual({ name, at: -1 });
    }
  });

  it("puts −0 before +0 and NaN (also a negative NaN) after +Infinity", () => {
    const values = new Float64Array(RADIX_SORT_MIN_LENGTH).fill(1);
    values.set([NaN, 0, fromBits(0xfff80000, 1), -0, Infinity, -Infinity, -5e-324, 5e-324]);
    const sorted = Array.from(sortFloat64InPlace(values));
    expect(sorted.slice(0, 5)).toEqual([-Infinity, -5e-324, -0, 0, 5e-324]);
    expect([Object.is(sorted[2], -0), Object.is(sorted[3], 0)]).toEqual([true, true]);
    expect(sorted.slice(-3).map(String)).toEqual(["Infinity", "NaN", "NaN"]);
  });

  it("keeps the NaNs' bits and order", () => {
    // Written as words: a signalling NaN passed through a JS number may come back quiet.
    const nans = [3, 0x7ff80000, 1, 0xfff80000, 2, 0x7ff00000];
    const values = fixture(RADIX_SORT_MIN_LENGTH, MIXES.durations!, 9);
    for (let i = 0; i < 3; i++) words(values).set(nans.slice(2 * i, 2 * i + 2), 2 * (100 * i + 7));
    expect(Array.from(words(radixSortFloat64(values)).subarray(-6))).toEqual(nans);
  });

  it("sorts a subarray view without touching the elements around it", () => {
    for (const n of [10, RADIX_SORT_MIN_LENGTH + 3]) {
      const whole = fixture(3 * n, MIXES["any bits"]!, n);
      const before = whole.slice();
      const view = whole.subarray(n, 2 * n);
      const expected = view.slice().sort();
      sortFloat64InPlace(view);
      expect(firstDifference(whole.subarray(0, n), before.subarray(0, n))).toBe(-1);
      expect(firstDifference(whole.subarray(2 * n), before.subarray(2 * n))).toBe(-1);
      expect(firstDifference(view, expected)).toBe(-1);
    }
  });

  it("the comparison can fail: a swapped pair or a +0 for a −0 is a difference", () => {
    const sorted = fixture(50, MIXES.durations!, 5).sort();
    const swapped = sorted.slice();
    swapped.set([sorted[1]! + 1, sorted[0]!]);
    expect(firstDifference(swapped, sorted)).toBe(0);
    expect(firstDifference(Float64Array.of(0), Float64Array.of(-0))).toBe(0);
  });
});
