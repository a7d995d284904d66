// Memory use: the Performance Index of Max Memory Used, who leads per setting, and per setting
// the largest Max Memory Used next to the configured memory size.
import type { Analysis } from "../analysis.js";
import { MAX_MEMORY } from "../metrics/max-memory.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { leadersBySetting, type SettingLeaders } from "./leaders.js";
import { performanceIndexOf, type PiResult } from "./performance-index.js";

export interface MemoryHeadroom {
  setting: string;
  runtime: string;
  function: string;
  maxMemoryMB: number;
  configuredMB: number;
}

export interface MemoryUse {
  pi: PiResult;
  leaders: SettingLeaders[];
  /** Per setting, the function and runtime that used the most memory. */
  headroom: MemoryHeadroom[];
}

/** PI of Max Memory Used. */
export const memoryUseIndex = (a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult =>
  performanceIndexOf(a, MAX_MEMORY, stat.max(), bootstrap);

export function memoryUse(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): MemoryUse {
  return memo(a, `finding:memory-use:${JSON.stringify(bootstrap)}`, () => {
    const pi = memoryUseIndex(a, bootstrap);
    const headroom = a.settings.flatMap((s): MemoryHeadroom[] => {
      const top = pi.perFunction.filter((r) => r.setting === s.label && r.value !== null).sort((x, y) => y.value! - x.value!)[0];
      return top ? [{ setting: s.label, runtime: top.runtime, function: top.function, maxMemoryMB: top.value!, configuredMB: s.memoryMB }] : [];
    });
    return { pi, leaders: leadersBySetting(a.settings, pi), headroom };
  });
}
