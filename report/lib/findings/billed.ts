// Billed duration: the Performance Index of the mean billed duration per invocation (proportional
// to the run's duration cost), who leads per setting, GB-seconds per 1,000 invocations, and where
// runtimes ran the same functions, the least and most GB-seconds summed over them.
import type { Analysis } from "../analysis.js";
import { BILLED } from "../metrics/billed.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { gbSecondsPerThousand, type GbSecondsRow } from "./gb-seconds.js";
import { leadersBySetting, type SettingLeaders } from "./leaders.js";
import { performanceIndexOf, type PiResult } from "./performance-index.js";

/** GB-seconds per 1,000 invocations summed over a setting's functions: the least and the most. */
export interface GbSecondsTotals {
  setting: string;
  least: { runtime: string; total: number };
  most: { runtime: string; total: number };
}

export interface Billed {
  pi: PiResult;
  leaders: SettingLeaders[];
  gbSeconds: GbSecondsRow[];
  totals: GbSecondsTotals[];
}

/** PI of mean Billed Duration. */
export const billedIndex = (a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult => performanceIndexOf(a, BILLED, stat.mean(), bootstrap);

export function billed(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): Billed {
  return memo(a, `finding:billed:${JSON.stringify(bootstrap)}`, () => {
    const pi = billedIndex(a, bootstrap);
    const gbSeconds = gbSecondsPerThousand(a, bootstrap);
    const leaders = leadersBySetting(a.settings, pi);
    // GB-seconds summed over functions compare runtimes only when they ran the same functions.
    const totals = leaders.flatMap(({ setting, ranked, alone }): GbSecondsTotals[] => {
      if (ranked.length < 2 || alone.length > 0) return [];
      const sums = a.runtimes
        .map((r) => ({
          runtime: r.label,
          total: gbSeconds.filter((g) => g.setting === setting && g.runtimeId === r.id).reduce((sum, g) => sum + g.gbSecondsPer1000, 0),
        }))
        .filter((t) => t.total > 0)
        .sort((x, y) => x.total - y.total);
      return sums.length > 1 ? [{ setting, least: sums[0]!, most: sums[sums.length - 1]! }] : [];
    });
    return { pi, leaders, gbSeconds, totals };
  });
}
