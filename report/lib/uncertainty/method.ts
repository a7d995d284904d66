// The method, as the report's appendix states it: built from the parameters actually used, so
// the prose can never disagree with the numbers.
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import { normalQuantile, studentQuantile } from "./distributions.js";
import type { BootstrapOptions } from "./options.js";
import { MEAN_EXPANSION_MIN } from "./replicates.js";
import { ORDER_STATISTIC_MIN, orderStatisticRanks } from "./order-statistic.js";
import type { TrialScope } from "./trials.js";

const percent = (x: number) => `${+(x * 100).toFixed(2)} %`;

export interface MethodContext {
  /** The comparison's minimum relative effect, when the text should describe the comparison verdict. */
  minEffect?: number;
  /** The fewest and most trials of any group (default: one trial everywhere). */
  trials?: TrialScope;
  /** Groups whose percentiles get the exact order-statistic interval (order-statistic.ts); none by default. */
  orderStatisticGroups?: number;
}

const trialCount = (t: TrialScope) => (t.min === t.max ? `${t.min}` : `${t.min} to ${t.max}`);

/** Whether between-run variation is in the intervals, said from the trial counts. */
export function trialsParagraph(o: BootstrapOptions, t: TrialScope): string {
  const upper = 1 - (1 - o.confidence) / 2;
  const one =
    "**Between-run variation was not measured** for groups measured in one trial (one run of the protocol): their intervals describe the spread of invocations inside that run, " +
    "and another run of the same code on the same machine may fall outside them.";
  if (t.max <= 1) return `Every group was measured in one trial. ${one}`;
  const example = t.min >= 2 ? t.min : t.max;
  const two =
    `Groups measured in several trials (here ${trialCount({ min: Math.max(2, t.min), max: t.max })}) get a **two-level bootstrap**, which includes run-to-run variation: ` +
    "a resample first draws as many trials as were measured, with replacement, then from each drawn trial as many invocations as it holds, with replacement, " +
    "and computes the statistic on everything drawn (the estimate pools every trial the same way). " +
    "With few trials, resampling trials shrinks the between-trial variance by (T − 1)/T and resampling invocations inside them counts their noise a second time, " +
    "so the resamples' deviations from the estimate are rescaled to the variance V̂ = (V₂ − W)·T/(T − 1), where V₂ is the two-level resamples' variance and W that of resamples " +
    "that keep every trial once (for a mean, such as a cost, W is computed exactly: the trials' summed squared deviations over the squared number of invocations); V̂ behaves like the sample variance of T per-trial values, with T − 1 degrees of freedom. " +
    `The interval's ends are then moved away from the estimate by Student's t over the normal quantile, t(T − 1)/z (for T = ${example}: ` +
    `${studentQuantile(upper, Math.max(1, example - 1)).toFixed(2)}/${normalQuantile(upper).toFixed(2)}), as a t interval over T trials would. ` +
    "A difference or ratio of two groups (comparisons, concurrency gain) combines their degrees of freedom by Welch–Satterthwaite; a Performance Index uses the fewest degrees of freedom among the runtimes it compares. " +
    "Checked on synthetic data with known truth by `npm run bench:calibration` (coverage, false-change rate, power; figures in the README).";
  return t.min >= 2
    ? two
    : `${two}

${one}`;
}

export function bootstrapMethod(o: BootstrapOptions, context: MethodContext = {}): string {
  const tail = percent((1 - o.confidence) / 2);
  const trials = context.trials ?? { min: 1, max: 1 };
  const lines = [
    "### Confidence intervals",
    "",
    `Every interval${(context.orderStatisticGroups ?? 0) > 0 ? " (except those of very large groups, below)" : ""} is a ${percent(o.confidence)} bootstrap confidence interval from ${o.resamples.toLocaleString("en-US")} resamples. ` +
      `Within a trial, a resample draws as many invocations as the ${trials.max > 1 ? "trial" : "group"} has, with replacement, from its invocations; the statistic is computed on each resample, ` +
      `and the interval runs from the ${tail} to the ${percent(1 - (1 - o.confidence) / 2)} percentile of those values. ` +
      `Percentiles, both of the data and of the resampled values, use ${PERCENTILE_DEFINITION}.`,
    "",
    trialsParagraph(o, trials),
    "",
    ...orderStatisticParagraph(o, context.orderStatisticGroups ?? 0),
    "For a percentile, median, max or min the resample is never materialised: the k-th smallest value of a resample of n is the sorted sample's value at " +
      "position ⌊n·U⌋, where U is the k-th smallest of n uniform numbers and follows a Beta(k, n − k + 1) distribution, so drawing U gives exactly the bootstrap's distribution " +
      "at a cost that does not grow with n. " +
      `The mean of a group of ${MEAN_EXPANSION_MIN.toLocaleString("en-US")} or more invocations is drawn from the bootstrap distribution's known mean, variance and skewness ` +
      "(Cornish–Fisher expansion), whose error is far below the resampling's own; smaller groups are resampled directly." +
      (trials.max > 1
        ? " With several trials, a percentile's resample is drawn the same way from the drawn trials' pooled invocations, each trial weighted by how often it was drawn " +
          "(so the number taken from each trial varies around its size); a maximum or minimum is the largest (smallest) of one exact draw per drawn trial, " +
          `and a mean adds each drawn trial's resampled sum, drawn from the trial's own moments from ${MEAN_EXPANSION_MIN.toLocaleString("en-US")} drawn invocations on and resampled directly below.`
        : ""),
    "",
    `The random numbers come from a seeded generator (xoshiro128**, seed ${o.seed}); each group and statistic uses its own stream derived from the seed and the group's keys, ` +
      "so the same data and seed give the same intervals, whatever else the report contains.",
    "",
    "Performance Index intervals resample every runtime's invocations independently; in each resample the index is recomputed from that resample's values " +
      "(the worst runtime of the resample scores 1), and a runtime's overall index is the mean of its per-function indexes in the same resample.",
    "",
    "**Limits.** The bootstrap of a maximum is degenerate: a resample's maximum is one of the observed values, so the interval's upper end can never exceed the observed maximum, " +
      `and about ${percent(1 - Math.exp(-1))} of resamples (1 − 1/e for large n) reproduce it exactly. ` +
      "Intervals of maxima (worst case, cold start, memory) therefore describe how much the maximum depends on its few largest " +
      "invocations; they understate how much larger the maximum of another run could be. Cold Start Duration counts warm invocations as 0, so its intervals rest on the few cold ones.",
    "",
    `Where the text ranks two values, it does so only when their intervals do not overlap, and says "no clear difference" otherwise. Non-overlap of two ${percent(o.confidence)} intervals ` +
      'is a stricter test than the interval of their difference, so the text errs towards "no clear difference".',
  ];
  if (context.minEffect !== undefined) {
    lines.push(
      "",
      "### Comparison verdicts",
      "",
      "For each runtime, function, memory size and metric, the change is the candidate's statistic minus the baseline's; its interval comes from resampling both runs independently " +
        "(each two-level where it has several trials, as above). " +
        `A change is a regression when its interval lies entirely above 0 and it is at least ${percent(context.minEffect)} of the baseline value, an improvement when its interval lies entirely below 0 ` +
        `and it is at least ${percent(context.minEffect)} below the baseline, and "no clear difference" otherwise. ` +
        "For maxima, whose bootstrap is degenerate (one new outlier is enough for the interval of the change to exclude 0), the verdict also needs an exact count: " +
        "so many of one run's invocations above the other run's maximum that, were both runs drawn from one distribution, at least that many would occur with probability at most " +
        `${percent((1 - o.confidence) / 2)} divided by the number of maxima compared (a Bonferroni correction, as maxima such as the max Cold Start rest on a few invocations each).`,
    );
  }
  return lines.join("\n");
}

/** The rule for very large one-trial groups, stated when some group of the data falls under it. */
export function orderStatisticParagraph(o: BootstrapOptions, groups: number): string[] {
  if (groups === 0) return [];
  const tail = percent((1 - o.confidence) / 2);
  const min = ORDER_STATISTIC_MIN;
  const example = orderStatisticRanks(min, 0.5, o.confidence)!;
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    `**Very large groups.** A percentile or median of a group measured in one trial with at least ${n(min)} invocations (here ${n(groups)} group${groups === 1 ? "" : "s"}) ` +
      "gets the exact order-statistic interval instead of the bootstrap (Le Boudec, *Performance Evaluation of Computer and Communication Systems*, ch. 2; as SeBS reports it): " +
      "for n invocations and the p-th percentile, the interval runs from the j-th to the k-th smallest invocation, where, for B ~ Binomial(n, p), j is the largest rank with " +
      `P(B ≤ j − 1) ≤ ${tail} and k the smallest with P(B ≥ k) ≤ ${tail}. For independent invocations from any continuous distribution it holds at least ${percent(o.confidence)} of the time, ` +
      `without resampling (e.g. the median of ${n(min)} invocations: ranks ${n(example.lower)} to ${n(example.upper)} of the sorted invocations, coverage ${percent(example.coverage)}). ` +
      "Groups with several trials keep the two-level bootstrap, which also counts run-to-run variation; Performance Indexes, gains and comparisons keep resampling every group. " +
      "Its coverage on synthetic data is printed by `npm run bench:calibration`.",
    "",
  ];
}
