// The exact, distribution-free interval of a percentile from the sample's own order statistics
// (Le Boudec, "Performance Evaluation of Computer and Communication Systems", ch. 2, the confidence
// interval for a median or other quantile; SeBS reports it): for n independent values from a
// continuous distribution, the p-quantile lies between the j-th and the k-th smallest value with
// probability P(j ≤ B ≤ k − 1), B ~ Binomial(n, p). Choosing j and k so that each binomial tail
// holds at most (1 − c)/2 gives coverage at least c whatever the distribution, with no resampling
// and no Monte Carlo error.
//
// The rule the report applies (and its Method section states): a percentile or median of a group
// measured in one trial with at least ORDER_STATISTIC_MIN invocations. Groups with several trials
// keep the two-level bootstrap, which includes run-to-run variation that one run's order
// statistics cannot show; quantities derived from several groups (Performance Indexes, gains,
// comparisons) keep resampling, as they need replicates. The committed datasets' groups are far
// smaller, so their intervals are the bootstrap's.
import type { ColumnTable } from "arquero";
import { groupRows } from "../metrics/grouping.js";
import type { Interval } from "./interval.js";
import type { BootstrapOptions } from "./options.js";
import { estimateOfSorted, type Statistic } from "./statistic.js";
import { trialCounts, type TrialSample } from "./trials.js";

/** One-trial groups of at least this many invocations get the order-statistic interval. */
export const ORDER_STATISTIC_MIN = 10_000;

export interface OrderStatisticRanks {
  /** 1-based ranks: the interval is [x₍lower₎, x₍upper₎] of the sorted sample. */
  lower: number;
  upper: number;
  /** P(lower ≤ B ≤ upper − 1): the interval's coverage for a continuous distribution. */
  coverage: number;
}

/**
 * The ranks j (largest with P(B ≤ j − 1) ≤ (1 − c)/2) and k (smallest with P(B ≥ k) ≤ (1 − c)/2)
 * for the p-quantile of n values, or null when n is too small for any interval at this level
 * (e.g. a median of 5 values at 95 %).
 */
export function orderStatisticRanks(n: number, p: number, confidence: number): OrderStatisticRanks | null {
  if (!(n >= 1 && p > 0 && p < 1 && confidence > 0 && confidence < 1)) return null;
  const tail = (1 - confidence) / 2;
  const { from, pmf } = binomialPmf(n, p);
  const at = (i: number) => (i >= from && i < from + pmf.length ? pmf[i - from]! : 0);
  let below = 0;
  let lower = 0;
  for (let i = from; i <= n && below + at(i) <= tail; i++) {
    below += at(i);
    lower = i + 1;
  }
  // Ranks before the window (probability below 1e-30 in all) count as inside the tail.
  if (from > 0 && lower === 0) lower = from;
  let above = 0;
  let upper = n + 1;
  const to = from + pmf.length - 1;
  for (let i = to; i >= 0 && above + at(i) <= tail; i--) {
    above += at(i);
    upper = i;
  }
  if (to < n && upper === n + 1) upper = to + 1;
  if (lower < 1 || upper > n) return null;
  return { lower, upper, coverage: 1 - below - above };
}

/**
 * Binomial(n, p) probabilities over the ranks that matter: every rank for small n, else the window
 * of ±(12 standard deviations + 40) around the mean (what lies outside has probability below 1e-30),
 * from ratios of successive terms, normalised over the window.
 */
function binomialPmf(n: number, p: number): { from: number; pmf: Float64Array } {
  const sd = Math.sqrt(n * p * (1 - p));
  const from = Math.max(0, Math.floor(n * p - 12 * sd - 40));
  const to = Math.min(n, Math.ceil(n * p + 12 * sd + 40));
  const mode = Math.min(to, Math.max(from, Math.floor((n + 1) * p)));
  const pmf = new Float64Array(to - from + 1);
  const odds = p / (1 - p);
  pmf[mode - from] = 1;
  for (let i = mode; i < to; i++) pmf[i + 1 - from] = (pmf[i - from]! * (n - i) * odds) / (i + 1);
  for (let i = mode; i > from; i--) pmf[i - 1 - from] = (pmf[i - from]! * i) / ((n - i + 1) * odds);
  let total = 0;
  for (const w of pmf) total += w;
  for (let i = 0; i < pmf.length; i++) pmf[i]! /= total;
  return { from, pmf };
}

/** The quantile a statistic is, for the order-statistic interval (null: not a percentile strictly inside (0, 1)). */
function quantileOf(statistic: Statistic): number | null {
  const p = statistic.kind === "median" ? 0.5 : statistic.kind === "percentile" ? statistic.p : null;
  return p !== null && p > 0 && p < 1 ? p : null;
}

/** Whether the report's rule gives this group and statistic the order-statistic interval. */
export function usesOrderStatistic(sample: TrialSample, statistic: Statistic, o: BootstrapOptions): boolean {
  return o.method === "auto" && sample.trials.length === 1 && sample.pooled.length >= ORDER_STATISTIC_MIN && quantileOf(statistic) !== null;
}

/** The order-statistic interval where the rule applies (usesOrderStatistic), else null. */
export function orderStatisticInterval(sample: TrialSample, statistic: Statistic, o: BootstrapOptions): Interval | null {
  if (!usesOrderStatistic(sample, statistic, o)) return null;
  const sorted = sample.pooled;
  const ranks = orderStatisticRanks(sorted.length, quantileOf(statistic)!, o.confidence);
  if (!ranks) return null;
  return {
    estimate: estimateOfSorted(sorted, statistic),
    lower: sorted[ranks.lower - 1]!,
    upper: sorted[ranks.upper - 1]!,
    confidence: o.confidence,
    resamples: 0,
    degenerate: false,
  };
}

/** How many groups of `by` the rule covers: measured in one trial, with at least ORDER_STATISTIC_MIN rows. */
export function orderStatisticGroups(table: ColumnTable, by: readonly string[]): number {
  const { size, groupOf } = groupRows(table, by);
  const rows = new Uint32Array(size);
  for (const g of groupOf) rows[g]!++;
  const { counts } = trialCounts(table, by);
  return counts.filter((trials, g) => trials === 1 && rows[g]! >= ORDER_STATISTIC_MIN).length;
}
