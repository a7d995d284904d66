// Bootstrap replicates of a statistic: B values of the statistic on samples of size n drawn with
// replacement from the observed sample.
//
// Two exact ways to draw them. "resample" draws the n indices and evaluates the statistic on the
// resample (selection, not sorting, for percentiles). "order-statistics" uses the fact that a
// resample's k-th smallest value is sorted[floor(n·U₍ₖ₎)], where U₍ₖ₎ is the k-th smallest of n
// uniforms and follows Beta(k, n − k + 1); the next one is U₍ₖ₎ + (1 − U₍ₖ₎)·(1 − V^(1/(n−k))).
// So a percentile replicate costs two random variates whatever n is, with the same distribution.
//
// A mean's replicate has no such shortcut (it needs all n draws), but its distribution is known
// in closed form to third order: mean x̄, variance m₂/n, skewness m₃/(m₂^1.5·√n) (m the sample's
// central moments). From MEAN_EXPANSION_MIN values on, replicates are drawn from its
// Cornish–Fisher expansion x̄ + se·(z + γ(z² − 1)/6); the error left is far below the Monte
// Carlo error of the resample count itself, and the tests check it against full resampling.
import type { ResampleMethod } from "./options.js";
import { integerSample, type Random } from "./random.js";
import { percentileBySelection } from "./select.js";
import { orderStatisticNeed, type Statistic } from "./statistic.js";

/** B replicates of `statistic` over `sorted` (ascending, non-empty). */
export function bootstrapReplicates(sorted: Float64Array, statistic: Statistic, resamples: number, random: Random, method: ResampleMethod): Float64Array {
  if (method === "resample") return resampledReplicates(sorted, statistic, resamples, random);
  const need = orderStatisticNeed(statistic, sorted.length);
  if (need) return orderStatisticReplicates(sorted, need.rank, need.frac, resamples, random);
  if (sorted.length >= MEAN_EXPANSION_MIN) return expandedMeanReplicates(sorted, statistic.kind === "sum", resamples, random);
  return resampledReplicates(sorted, statistic, resamples, random);
}

/** Sample size from which means are drawn from their expansion instead of resampled. */
export const MEAN_EXPANSION_MIN = 10_000;

function expandedMeanReplicates(sample: Float64Array, sum: boolean, resamples: number, random: Random): Float64Array {
  const n = sample.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += sample[i]!;
  const mean = total / n;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = sample[i]! - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= n;
  m3 /= n;
  const se = Math.sqrt(m2 / n);
  const skew = m2 > 0 ? m3 / (Math.pow(m2, 1.5) * Math.sqrt(n)) : 0;
  const out = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const z = random.normal();
    const value = mean + se * (z + (skew * (z * z - 1)) / 6);
    out[b] = sum ? value * n : value;
  }
  return out;
}

/** The 0-based index into the sorted sample of the resample's (k+1)-th smallest value, and of the next one. */
function orderStatisticReplicates(sorted: Float64Array, rank: number, frac: number, resamples: number, random: Random): Float64Array {
  const n = sorted.length;
  const out = new Float64Array(resamples);
  const k = rank + 1;
  const at = (u: number) => sorted[Math.min(n - 1, Math.floor(u * n))]!;
  for (let b = 0; b < resamples; b++) {
    const u = uniformOrderStatistic(k, n, random);
    const v0 = at(u);
    if (frac === 0) {
      out[b] = v0;
      continue;
    }
    const next = u + (1 - u) * (1 - Math.pow(random.uniform(), 1 / (n - k)));
    out[b] = v0 + (at(next) - v0) * frac;
  }
  return out;
}

/** The k-th smallest (1-based) of n independent uniforms: Beta(k, n − k + 1). */
export function uniformOrderStatistic(k: number, n: number, random: Random): number {
  if (k === n) return Math.pow(random.uniform(), 1 / n);
  if (k === 1) return 1 - Math.pow(random.uniform(), 1 / n);
  return random.beta(k, n - k + 1);
}

function resampledReplicates(sample: Float64Array, statistic: Statistic, resamples: number, random: Random): Float64Array {
  const n = sample.length;
  const out = new Float64Array(resamples);
  if (statistic.kind === "mean" || statistic.kind === "sum") {
    const integers = integerSample(sample);
    for (let b = 0; b < resamples; b++) {
      const total = random.addDraws(0, sample, n, integers);
      out[b] = statistic.kind === "sum" ? total : total / n;
    }
    return out;
  }
  const buffer = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const v = sample[random.index(n)]!;
      buffer[i] = v;
      if (v > max) max = v;
      if (v < min) min = v;
    }
    if (statistic.kind === "max") out[b] = max;
    else if (statistic.kind === "min") out[b] = min;
    else out[b] = percentileBySelection(buffer, statistic.kind === "median" ? 0.5 : (statistic as { p: number }).p)!;
  }
  return out;
}
