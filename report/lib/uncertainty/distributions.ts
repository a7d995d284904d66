// Quantiles of the normal and Student t distributions, for the between-trial term of the
// two-level bootstrap (calibrate.ts). Closed-form approximations with published accuracy, checked
// in the tests against tabulated values.

/**
 * Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9), for
 * p in (0, 1).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : Number.NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Quantile of Student's t with `df` degrees of freedom (df ≥ 1, not necessarily an integer;
 * Infinity gives the normal), for p in (0.5, 1): Hill's algorithm 396 (CACM 13(10), 1970).
 */
export function studentQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1)) throw new RangeError(`studentQuantile: p = ${p} is outside (0.5, 1)`);
  if (!(df >= 1)) throw new RangeError(`studentQuantile: df = ${df} is below 1`);
  if (!Number.isFinite(df) || df > 1e7) return normalQuantile(p);
  const two = 2 * (1 - p); // two-sided tail probability
  if (df === 1) return Math.cos((two * Math.PI) / 2) / Math.sin((two * Math.PI) / 2);
  if (df === 2) return Math.sqrt(2 / (two * (2 - two)) - 2);
  const n = df;
  const a = 1 / (n - 0.5);
  const b = 48 / (a * a);
  let c = ((20700 * a) / b - 98) * a - 16;
  c = c * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * n;
  let x = d * two;
  let y = Math.pow(x, 2 / n);
  if (y > 0.05 + a) {
    x = normalQuantile(two / 2);
    y = x * x;
    if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = a * y * y;
    y = y > 0.002 ? Math.exp(y) - 1 : 0.5 * y * y + y;
  } else {
    y = ((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * ((n + 1) / (n + 2)) + 1 / y;
  }
  return Math.sqrt(n * y);
}
