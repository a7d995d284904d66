// Expected range: Total Duration's p10, p20, median, p80 and p90 per function and runtime with
// intervals; per setting and function the runtimes level with the lowest median, the highest
// median and the narrowest p10–p90 band; each trial's median and where the trials disagree.
import type { Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";
import { perFunction, perTrial, trialDisagreements, type StatRow, type TrialDisagreement, type TrialValueRow } from "./statistics.js";

export const EXPECTED_RANGE_STATS = [0.1, 0.2, 0.5, 0.8, 0.9].map((p) => stat.percentile(p));

/** One setting and function: the runtimes level with the lowest median, the highest median, the narrowest band. */
export interface ExpectedRangeOfFunction {
  setting: string;
  function: string;
  lowest: { runtime: string; value: number }[];
  runtimes: number;
  highest: { runtime: string; value: number };
  narrowest: { runtime: string; widthMs: number };
}

export interface ExpectedRange {
  /** p10, p20, p50, p80, p90 (and their intervals) per setting × runtime × function. */
  rows: StatRow[];
  functions: ExpectedRangeOfFunction[];
  trialMedians: TrialValueRow[];
  disagreements: TrialDisagreement[];
}

export function expectedRange(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): ExpectedRange {
  return memo(a, `finding:expected-range:${JSON.stringify(bootstrap)}`, () => {
    const rows = perFunction(a, TOTAL_DURATION, EXPECTED_RANGE_STATS, a.functions, bootstrap);
    const functions: ExpectedRangeOfFunction[] = [];
    for (const s of a.settings) {
      for (const fn of a.functions) {
        const group = rows.filter((r) => r.setting === s.label && r.function === fn && r.p50 !== null);
        if (group.length === 0) continue;
        const byMedian = [...group].sort((x, y) => (x.p50 as number) - (y.p50 as number));
        const lowest = levelWithFirst(
          byMedian,
          (r) => ({ lower: r.p50Lower as number | null, upper: r.p50Upper as number | null }),
          (r) => r.p50 as number,
        );
        const width = (r: StatRow) => (r.p90 as number) - (r.p10 as number);
        const narrowest = [...group].sort((x, y) => width(x) - width(y))[0]!;
        const highest = byMedian[byMedian.length - 1]!;
        functions.push({
          setting: s.label,
          function: fn,
          lowest: lowest.map((r) => ({ runtime: r.runtime, value: r.p50 as number })),
          runtimes: group.length,
          highest: { runtime: highest.runtime, value: highest.p50 as number },
          narrowest: { runtime: narrowest.runtime, widthMs: width(narrowest) },
        });
      }
    }
    const trialMedians = perTrial(a, TOTAL_DURATION, stat.median());
    return { rows, functions, trialMedians, disagreements: trialDisagreements(trialMedians) };
  });
}
