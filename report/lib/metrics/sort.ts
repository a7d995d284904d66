// Sorting large numeric arrays: an LSD radix sort on the IEEE-754 bits, in exactly the order
// Float64Array.prototype.sort() gives (ascending; −0 before +0; NaN last). V8's built-in sort of
// a typed array is a comparison sort that gets slow above a few thousand elements (2–3× the radix
// sort's time from 50,000 to 1,000,000 on Node.js 20); below the threshold the built-in is faster.

/** Arrays at least this long are radix-sorted (measured with bench/sort.ts; the built-in wins below). */
export const RADIX_SORT_MIN_LENGTH = 5000;

// Six passes of 11, 11 and 10 bits per 32-bit half of the key: 2,048 buckets keep the counts in
// the L1 cache. Eight passes of 8 bits were slower at every size measured (1,000 to 1,000,000);
// four of 16 bits (256 KiB of counts) were slower below about 50,000 elements and 10–20 % faster
// above.
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const PASSES = 6;

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Sorts `values` in place (a subarray view sorts only its own elements) and returns it, in the
 * order of `values.sort()`: ascending, −0 before +0, NaNs last (the radix sort keeps their order and bits).
 */
export function sortFloat64InPlace(values: Float64Array): Float64Array {
  return values.length < RADIX_SORT_MIN_LENGTH || !littleEndian ? values.sort() : radixSortFloat64(values);
}

/** sortFloat64InPlace's radix sort at any length (exported for its tests and bench/sort.ts); little-endian platforms only. */
export function radixSortFloat64(values: Float64Array): Float64Array {
  const words = new Int32Array(values.buffer, values.byteOffset, 2 * values.length);
  const scratch = new Int32Array(2 * values.length);
  const firstNaN = indexOfNaN(values);
  const n = firstNaN < 0 ? values.length : moveNaNsLast(values, words, scratch, firstNaN);
  const counts = new Int32Array(PASSES * BUCKETS);
  toKeys(words, n, counts);
  let from = words;
  let to = scratch;
  for (let pass = 0; pass < PASSES; pass++) {
    const half = pass < 3 ? 0 : 1;
    const shift = (pass % 3) * DIGIT_BITS;
    const offsets = counts.subarray(pass * BUCKETS, (pass + 1) * BUCKETS);
    // A pass where every key has the same digit would leave the order as it is.
    if (offsets[(from[half]! >>> shift) & DIGIT_MASK] === n) continue;
    countsToOffsets(offsets);
    if (half === 0) scatterByLow(from, to, n, offsets, shift);
    else scatterByHigh(from, to, n, offsets, shift);
    const swap = from;
    from = to;
    to = swap;
  }
  fromKeys(from, words, n);
  return values;
}

// The hot loops are separate small functions: each gets optimised on its own, early, instead of
// one large function deoptimising at each loop it reaches for the first time.

function indexOfNaN(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return i;
  return -1;
}

/** Moves the NaNs (the first at `first`) to the end, keeping their order and bits; returns how many values are not NaN. */
function moveNaNsLast(values: Float64Array, words: Int32Array, scratch: Int32Array, first: number): number {
  const n = values.length;
  let kept = first;
  let nans = 0;
  for (let i = first; i < n; i++) {
    const lo = words[2 * i]!;
    const hi = words[2 * i + 1]!;
    if (values[i] === values[i]) {
      words[2 * kept] = lo;
      words[2 * kept++ + 1] = hi;
    } else {
      scratch[2 * nans] = lo;
      scratch[2 * nans++ + 1] = hi;
    }
  }
  words.set(scratch.subarray(0, 2 * nans), 2 * kept);
  return kept;
}

/**
 * The first `n` doubles, held as (low, high) word pairs, turned in place into keys whose unsigned
 * order is the numeric order: a negative's bits all flipped, a non-negative's sign bit flipped
 * (so −0, 0x7fff…, comes before +0, 0x8000…); counts every digit of every key.
 */
function toKeys(words: Int32Array, n: number, counts: Int32Array): void {
  for (let i = 0; i < 2 * n; i += 2) {
    let lo = words[i]!;
    let hi = words[i + 1]!;
    if (hi < 0) {
      lo = ~lo;
      hi = ~hi;
    } else hi ^= 0x80000000;
    words[i] = lo;
    words[i + 1] = hi;
    counts[lo & DIGIT_MASK]!++;
    counts[BUCKETS + ((lo >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[2 * BUCKETS + (lo >>> (2 * DIGIT_BITS))]!++;
    counts[3 * BUCKETS + (hi & DIGIT_MASK)]!++;
    counts[4 * BUCKETS + ((hi >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[5 * BUCKETS + (hi >>> (2 * DIGIT_BITS))]!++;
  }
}

/** Each digit's count replaced by the number of keys with a smaller digit: where its keys go. */
function countsToOffsets(counts: Int32Array): void {
  let total = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d]!;
    counts[d] = total;
    total += c;
  }
}

function scatterByLow(from: Int32Array, to: Int32Array, n: number, offsets: Int32Array, shift: number): void {
  for (let i = 0; i < 2 * n; i += 2) {
    const lo = from[i]!;
    const at = 2 * offsets[(lo >>> shift) & DIGIT_MASK]!++;
    to[at] = lo;
    to[at + 1] = from[i + 1]!;
  }
}

function scatterByHigh(from: Int32Array, to: Int32Array, n: number, offsets: Int32Array, shift: number): void {
  for (let i = 0; i < 2 * n; i += 2) {
    const hi = from[i + 1]!;
    const at = 2 * offsets[(hi >>> shift) & DIGIT_MASK]!++;
    to[at] = from[i]!;
    to[at + 1] = hi;
  }
}

/** Keys back to doubles, from wherever the last pass left them into `words`. */
function fromKeys(keys: Int32Array, words: Int32Array, n: number): void {
  for (let i = 0; i < 2 * n; i += 2) {
    const lo = keys[i]!;
    const hi = keys[i + 1]!;
    if (hi < 0) {
      words[i] = lo;
      words[i + 1] = hi ^ 0x80000000;
    } else {
      words[i] = ~lo;
      words[i + 1] = ~hi;
    }
  }
}
