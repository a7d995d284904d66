// Number(text) for the plain decimal form the dataset writers emit ([-]digits[.digits]), read
// straight from the file's bytes so a million rows need no intermediate strings.

// Powers of ten parsed from text (always exact up to 1e22, unlike 10 ** k).
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const [ZERO, NINE, MINUS, DOT] = [0x30, 0x39, 0x2d, 0x2e];

/**
 * The value of bytes[start, end) when they are [-]digits[.digits] with at most 15 digits; NaN
 * for anything else (the caller then falls back to Number(text)). Identical to Number(text):
 * the mantissa (< 10^15 < 2^53) and 10^k (k ≤ 22) are exact doubles, so the one division is
 * correctly rounded, as Number is (Clinger's fast path).
 */
export function parseDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && bytes[i] === MINUS;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b >= ZERO && b <= NINE) {
      mantissa = mantissa * 10 + (b - ZERO);
      digits++;
    } else if (b === DOT && fraction < 0 && digits > 0) {
      fraction = digits;
    } else {
      return NaN;
    }
  }
  const decimals = fraction < 0 ? 0 : digits - fraction;
  if (digits === 0 || digits > 15 || (fraction >= 0 && decimals === 0)) return NaN;
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return negative ? -value : value;
}
