// The verdict on one change: regression / improvement / no clear difference.
import type { Interval } from "../uncertainty/index.js";
import type { Exceedance } from "./exceedance.js";

export type ChangeVerdict = "regression" | "improvement" | "no clear difference";

export interface VerdictInput {
  /** Interval of candidate − baseline. */
  change: Interval;
  /** change / baseline; null when the baseline is 0 (no relative size: the minimum effect cannot apply). */
  relative: number | null;
  /** For maxima (degenerate bootstrap): the exact exceedance count and its probabilities. */
  exceedance?: Exceedance;
}

/**
 * Lower is better. A regression needs the change's interval above 0 and the change at least
 * `minEffect` of the baseline; an improvement the mirror image. A max's bootstrap is degenerate
 * (never above the observed max, so one new outlier makes its interval exclude 0): for maxima the
 * exact exceedance probability must also be at most `maxLevel`.
 */
export function verdictOf({ change, relative, exceedance }: VerdictInput, minEffect: number, maxLevel: number): ChangeVerdict {
  const extreme = change.degenerate;
  if (extreme && !exceedance) return "no clear difference";
  if (change.lower > 0 && (relative === null || relative >= minEffect) && (!extreme || exceedance!.pRegression <= maxLevel)) return "regression";
  if (change.upper < 0 && (relative === null || relative <= -minEffect) && (!extreme || exceedance!.pImprovement <= maxLevel)) return "improvement";
  return "no clear difference";
}
