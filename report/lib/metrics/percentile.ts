// Percentile definition used everywhere in the report.

export const PERCENTILE_DEFINITION =
  "linear interpolation between the two nearest ranks: the p-th percentile of n sorted values x₀…xₙ₋₁ is x at position (n − 1)·p/100 (the same as arquero's op.quantile, Excel's PERCENTILE.INC and Hyndman–Fan type 7)";

/** p in [0, 1] over values already sorted ascending; null when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (p <= 0 || n < 2) return sorted[0]!;
  if (p >= 1) return sorted[n - 1]!;
  const i = (n - 1) * p;
  const i0 = Math.floor(i);
  const v0 = sorted[i0]!;
  return v0 + (sorted[i0 + 1]! - v0) * (i - i0);
}
