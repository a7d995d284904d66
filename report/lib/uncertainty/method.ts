// The method, as the report's appendix states it: built from the parameters actually used, so
// the prose can never disagree with the numbers.
import { PERCENTILE_DEFINITION } from "../metrics/percentile.js";
import type { BootstrapOptions } from "./options.js";
import { MEAN_EXPANSION_MIN } from "./replicates.js";

const percent = (x: number) => `${+(x * 100).toFixed(2)} %`;

export interface MethodContext {
  /** The comparison's minimum relative effect, when the text should describe the comparison verdict. */
  minEffect?: number;
}

export function bootstrapMethod(o: BootstrapOptions, context: MethodContext = {}): string {
  const tail = percent((1 - o.confidence) / 2);
  const lines = [
    "### Confidence intervals",
    "",
    `Every interval is a ${percent(o.confidence)} percentile-bootstrap confidence interval from ${o.resamples.toLocaleString("en-US")} resamples. ` +
      "A resample draws as many invocations as the group has, with replacement, from the group's invocations; the statistic is computed on each resample, " +
      `and the interval runs from the ${tail} to the ${percent(1 - (1 - o.confidence) / 2)} percentile of those values. ` +
      `Percentiles, both of the data and of the resampled values, use ${PERCENTILE_DEFINITION}.`,
    "",
    "For a percentile, median, max or min the resample is never materialised: the k-th smallest value of a resample of n is the sorted sample's value at " +
      "position ⌊n·U⌋, where U is the k-th smallest of n uniform numbers and follows a Beta(k, n − k + 1) distribution, so drawing U gives exactly the bootstrap's distribution " +
      "at a cost that does not grow with n. " +
      `The mean of a group of ${MEAN_EXPANSION_MIN.toLocaleString("en-US")} or more invocations is drawn from the bootstrap distribution's known mean, variance and skewness ` +
      "(Cornish–Fisher expansion), whose error is far below the resampling's own; smaller groups are resampled directly.",
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
      "is a stricter test than the interval of their difference, so the text errs towards \"no clear difference\".",
  ];
  if (context.minEffect !== undefined) {
    lines.push(
      "",
      "### Comparison verdicts",
      "",
      "For each runtime, function, memory size and metric, the change is the candidate's statistic minus the baseline's; its interval comes from resampling both runs independently. " +
        `A change is a regression when its interval lies entirely above 0 and it is at least ${percent(context.minEffect)} of the baseline value, an improvement when its interval lies entirely below 0 ` +
        `and it is at least ${percent(context.minEffect)} below the baseline, and "no clear difference" otherwise. ` +
        "For maxima, whose bootstrap is degenerate (one new outlier is enough for the interval of the change to exclude 0), the verdict also needs an exact count: " +
        "so many of one run's invocations above the other run's maximum that, were both runs drawn from one distribution, at least that many would occur with probability at most " +
        `${percent((1 - o.confidence) / 2)} divided by the number of maxima compared (a Bonferroni correction, as maxima such as the max Cold Start rest on a few invocations each).`,
    );
  }
  return lines.join("\n");
}
