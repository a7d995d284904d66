// From two-level replicates to intervals that hold with few trials.
//
// Let θ_t be the statistic of trial t. With T trials the pooled estimate behaves like the mean of
// the θ_t, whose variance V is what an interval must reflect, and which the sample variance of
// T values estimates with only T − 1 degrees of freedom. Two facts follow:
// - The two-level bootstrap's variance V₂ is about (T − 1)/T · V + W, where W is the within-trial
//   variance (trials kept, invocations resampled): resampling trials shrinks the between-trial
//   part by (T − 1)/T, and resampling invocations inside trials counts their noise a second time
//   (it is already in the θ_t). So V is estimated by V̂ = (V₂ − W) · T/(T − 1), at least W.
// - With T − 1 degrees of freedom, normal quantiles under-cover (3 trials: a nominal 95 % interval
//   covers about 88 % of the time): the interval needs Student's t quantile.
// So each replicate's deviation from the estimate is scaled by √(V̂/V₂) (variance-corrected
// replicates, which derived quantities — differences, ratios, indexes — are computed from), and
// the interval's ends by t_{df}/z at the end. With one trial nothing changes: the ordinary
// bootstrap, df = ∞.
import { normalQuantile, studentQuantile } from "./distributions.js";
import { intervalFromReplicates, type Interval } from "./interval.js";
import type { TwoLevelReplicates } from "./two-level.js";
import { replicateVariance } from "./variance.js";

export interface Calibration {
  trials: number;
  /** Estimated variance of the estimate (V̂). */
  variance: number;
  /** Degrees of freedom of that estimate: trials − 1 (Infinity with one trial). */
  df: number;
}

/** Replicates whose spread is the estimate's (V̂), with their calibration. */
export interface Draws {
  replicates: Float64Array;
  calibration: Calibration;
}

/** One trial: the ordinary bootstrap's replicates, as they are. */
export function singleTrialDraws(replicates: Float64Array): Draws {
  return { replicates, calibration: { trials: 1, variance: replicateVariance(replicates), df: Infinity } };
}

/** Two or more trials: the two-level replicates rescaled about `estimate` so that their variance is V̂. */
export function calibratedDraws(estimate: number, draws: TwoLevelReplicates, trials: number): Draws {
  const v2 = replicateVariance(draws.twoLevel);
  const w = draws.withinVariance;
  const v = Math.max(0, ((v2 - w) * trials) / (trials - 1));
  const scale = v2 > 0 && Number.isFinite(v2) && Number.isFinite(v) ? Math.sqrt(v / v2) : 1;
  const replicates = draws.twoLevel.map((x) => estimate + (x - estimate) * scale);
  return { replicates, calibration: { trials, variance: v, df: trials - 1 } };
}

/**
 * Degrees of freedom of a sum of independent variance estimates (Welch–Satterthwaite), for a
 * quantity computed from several samples: `parts` are each sample's contribution to its variance
 * (e.g. V̂ for a difference, V̂/θ² for a ratio) with that sample's df.
 */
export function combinedDf(all: readonly { contribution: number; df: number }[]): number {
  const parts = all.filter((p) => Number.isFinite(p.contribution) && p.contribution >= 0);
  if (parts.length < all.length) return Math.min(...all.map((p) => p.df));
  let total = 0;
  let denominator = 0;
  for (const p of parts) {
    total += p.contribution;
    if (Number.isFinite(p.df)) denominator += (p.contribution * p.contribution) / p.df;
  }
  if (denominator === 0 || !(total > 0)) {
    const finite = parts.filter((p) => Number.isFinite(p.df)).map((p) => p.df);
    return finite.length ? Math.min(...finite) : Infinity;
  }
  return Math.max(Math.min(...parts.map((p) => p.df)), (total * total) / denominator);
}

/**
 * The interval of `estimate` from variance-corrected replicates (sorted in place): the percentile
 * interval, its ends moved away from the estimate by t_{df}/z (1 for df = ∞).
 */
export function calibratedInterval(estimate: number, replicates: Float64Array, confidence: number, degenerate: boolean, df: number): Interval {
  const interval = intervalFromReplicates(estimate, replicates, confidence, degenerate);
  if (!Number.isFinite(df)) return interval;
  const p = 1 - (1 - confidence) / 2;
  const factor = studentQuantile(p, Math.max(1, df)) / normalQuantile(p);
  const stretch = (end: number) => (Number.isFinite(end) ? estimate + (end - estimate) * factor : end);
  return { ...interval, lower: stretch(interval.lower), upper: stretch(interval.upper) };
}
