// Provisioned concurrency, as a what-if: the Performance Index of max Total Duration with the
// managed runtimes' INIT removed, and who leads per setting then.
import type { Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import { WITHOUT_MANAGED_INIT } from "../metrics/provisioned.js";
import { stat } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { leadersBySetting, type SettingLeaders } from "./leaders.js";
import { performanceIndexOf, type PiResult } from "./performance-index.js";

export interface Provisioned {
  pi: PiResult;
  leaders: SettingLeaders[];
  /** Whether any runtime is managed (INIT removed for those only). */
  hasManaged: boolean;
}

export function provisioned(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): Provisioned {
  return memo(a, `finding:provisioned:${JSON.stringify(bootstrap)}`, () => {
    const pi = performanceIndexOf(a, WITHOUT_MANAGED_INIT, stat.max(), bootstrap);
    return { pi, leaders: leadersBySetting(a.settings, pi), hasManaged: a.runtimes.some((r) => r.kind === "managed") };
  });
}
