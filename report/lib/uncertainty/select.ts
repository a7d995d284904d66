// Selection instead of sorting: the k-th smallest value of a typed array in expected linear time
// (Floyd–Rivest SELECT, as in Kiwiel's formulation), rearranging the array in place.

/** Rearranges `a[left..right]` so that a[k] holds the value it would hold if sorted. */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample to pick bounds that bracket k with high probability.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectKth(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/**
 * The p-th percentile (p in [0, 1]) by the report's definition (metrics/percentile.ts), found by
 * selection; reorders `a`. Null when `a` is empty.
 */
export function percentileBySelection(a: Float64Array, p: number): number | null {
  const n = a.length;
  if (n === 0) return null;
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const i0 = Math.floor(h);
  selectKth(a, i0);
  const v0 = a[i0]!;
  const frac = h - i0;
  if (frac === 0) return v0;
  // After selection everything right of i0 is ≥ a[i0]: the next order statistic is their minimum.
  let v1 = Infinity;
  for (let i = i0 + 1; i < n; i++) if (a[i]! < v1) v1 = a[i]!;
  return v0 + (v1 - v0) * frac;
}
