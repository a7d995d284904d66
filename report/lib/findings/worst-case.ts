// Worst case: the Performance Index of max Total Duration, who leads in each setting, how far the
// leader's own worst case is from the largest one measured, and where the trials disagree.
import type { Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { leadersBySetting, type SettingLeaders } from "./leaders.js";
import { performanceIndexOf, type PiResult } from "./performance-index.js";
import { perTrial, trialDisagreements, type TrialDisagreement, type TrialValueRow } from "./statistics.js";

/** In a setting with a leader: the leader's largest max, and the largest max measured (another runtime's). */
export interface WorstCaseSpread {
  setting: string;
  best: { runtime: string; maxMs: number };
  top: { runtime: string; function: string; maxMs: number };
}

export interface WorstCase {
  pi: PiResult;
  leaders: SettingLeaders[];
  spreads: WorstCaseSpread[];
  /** Each trial's max (none with one trial). */
  trialMaxima: TrialValueRow[];
  disagreements: TrialDisagreement[];
}

/** PI of max Total Duration. */
export const worstCaseIndex = (a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult =>
  performanceIndexOf(a, TOTAL_DURATION, stat.max(), bootstrap);

export function worstCase(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): WorstCase {
  return memo(a, `finding:worst-case:${JSON.stringify(bootstrap)}`, () => {
    const pi = worstCaseIndex(a, bootstrap);
    const leaders = leadersBySetting(a.settings, pi);
    const spreads = leaders.flatMap(({ setting, ranked }): WorstCaseSpread[] => {
      if (ranked.length < 2) return [];
      const rows = pi.perFunction.filter((r) => r.setting === setting && r.value !== null);
      const best = ranked[0]!.runtime;
      const bestMax = Math.max(...rows.filter((r) => r.runtime === best).map((r) => r.value!));
      const top = [...rows].sort((x, y) => y.value! - x.value!)[0]!;
      return top.runtime === best
        ? []
        : [{ setting, best: { runtime: best, maxMs: bestMax }, top: { runtime: top.runtime, function: top.function, maxMs: top.value! } }];
    });
    const trialMaxima = perTrial(a, TOTAL_DURATION, stat.max());
    return { pi, leaders, spreads, trialMaxima, disagreements: trialDisagreements(trialMaxima) };
  });
}
