// Cold start: the Performance Index of max Cold Start Duration, who leads per setting, max Cold
// Start next to max Init Duration (their difference is the first invocation's own time) and the
// largest such difference per setting.
import type { Analysis } from "../analysis.js";
import { COLD_START } from "../metrics/cold-start.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { leadersBySetting, ranking, type SettingLeaders } from "./leaders.js";
import { performanceIndexOf, type PiResult } from "./performance-index.js";
import { perFunction, perTrial, type TrialValueRow } from "./statistics.js";

/** Max Cold Start and max Init Duration of one function and runtime, with intervals. */
export interface ColdStartVsInit {
  setting: string;
  function: string;
  runtime: string;
  maxColdStart: number | null;
  maxColdStartLower: number | null;
  maxColdStartUpper: number | null;
  maxInit: number | null;
  maxInitLower: number | null;
  maxInitUpper: number | null;
}

/** The largest max Cold Start − max Init of a setting: the first invocation's own time at most. */
export interface ColdStartGap {
  setting: string;
  runtime: string;
  function: string;
  gapMs: number;
}

export interface ColdStart {
  pi: PiResult;
  leaders: SettingLeaders[];
  /** Settings where no runtime has an index (no cold start measured). */
  withoutColdStarts: string[];
  gaps: ColdStartGap[];
  pairs: ColdStartVsInit[];
  /** Runtimes with a function whose max Cold Start is 0 (no index). */
  undefinedPi: string[];
  trialMaxima: TrialValueRow[];
}

/** PI of max Cold Start Duration. */
export const coldStartIndex = (a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult =>
  performanceIndexOf(a, COLD_START, stat.max(), bootstrap);

export function coldStart(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): ColdStart {
  return memo(a, `finding:cold-start:${JSON.stringify(bootstrap)}`, () => {
    const pi = coldStartIndex(a, bootstrap);
    const init = perFunction(a, "initDurationMs", [stat.max("maxInit")], a.functions, bootstrap);
    const initOf = new Map(init.map((r) => [`${r.setting}|${r.function}|${r.runtime}`, r]));
    const pairs = pi.perFunction.map((r): ColdStartVsInit => {
      const i = initOf.get(`${r.setting}|${r.function}|${r.runtime}`);
      return {
        setting: r.setting,
        function: r.function,
        runtime: r.runtime,
        maxColdStart: r.value,
        maxColdStartLower: r.valueLower,
        maxColdStartUpper: r.valueUpper,
        maxInit: (i?.maxInit as number | null | undefined) ?? null,
        maxInitLower: (i?.maxInitLower as number | null | undefined) ?? null,
        maxInitUpper: (i?.maxInitUpper as number | null | undefined) ?? null,
      };
    });
    const gaps = a.settings.flatMap(({ label: setting }): ColdStartGap[] => {
      const measured = pairs.filter((p) => p.setting === setting && p.maxColdStart !== null && p.maxInit !== null);
      const top = measured.sort((x, y) => y.maxColdStart! - y.maxInit! - (x.maxColdStart! - x.maxInit!))[0];
      return top ? [{ setting, runtime: top.runtime, function: top.function, gapMs: top.maxColdStart! - top.maxInit! }] : [];
    });
    const withoutColdStarts = a.settings.filter((s) => ranking(pi.overall, s.label).length === 0).map((s) => s.label);
    const undefinedPi = [...new Set(pi.perFunction.filter((r) => r.pi === null).map((r) => r.runtime))];
    return { pi, leaders: leadersBySetting(a.settings, pi), withoutColdStarts, gaps, pairs, undefinedPi, trialMaxima: perTrial(a, COLD_START, stat.max()) };
  });
}
