// The sample variance of bootstrap replicates (n − 1 denominator): what calibrate.ts compares.

export function replicateVariance(x: Float64Array): number {
  const n = x.length;
  if (n < 2) return 0;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - mean) ** 2;
  return s / (n - 1);
}
