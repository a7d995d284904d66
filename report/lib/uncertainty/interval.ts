// Confidence intervals from bootstrap replicates (percentile method), and the comparisons the
// narrative makes with them.
import { percentileOfSorted } from "../metrics/percentile.js";

export interface Interval {
  /** The statistic of the observed sample. */
  estimate: number;
  lower: number;
  upper: number;
  /** e.g. 0.95 */
  confidence: number;
  resamples: number;
  /** Max or min (or an index built on one): the interval cannot reach beyond the sample's extreme. */
  degenerate: boolean;
}

/** Percentile interval: the (1 − c)/2 and (1 + c)/2 percentiles of the replicates (sorted in place). */
export function intervalFromReplicates(estimate: number, replicates: Float64Array, confidence: number, degenerate: boolean): Interval {
  replicates.sort();
  const alpha = 1 - confidence;
  return {
    estimate,
    lower: percentileOfSorted(replicates, alpha / 2)!,
    upper: percentileOfSorted(replicates, 1 - alpha / 2)!,
    confidence,
    resamples: replicates.length,
    degenerate,
  };
}

/** True when the two intervals share at least one value (touching counts as overlapping). */
export function overlaps(a: Pick<Interval, "lower" | "upper">, b: Pick<Interval, "lower" | "upper">): boolean {
  return a.lower <= b.upper && b.lower <= a.upper;
}

export type IntervalVerdict = "a lower" | "b lower" | "no clear difference";

/** Which value is lower, said only when the intervals do not overlap. */
export function compareIntervals(a: Pick<Interval, "lower" | "upper">, b: Pick<Interval, "lower" | "upper">): IntervalVerdict {
  if (a.upper < b.lower) return "a lower";
  if (b.upper < a.lower) return "b lower";
  return "no clear difference";
}
