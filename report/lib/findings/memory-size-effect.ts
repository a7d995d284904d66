// The memory-size effect: per architecture and runtime, the change in the summed per-function
// worst case and in GB-seconds from the smallest to the largest comparable memory size.
import type { Analysis, Setting } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { gbSecondsPerThousand } from "./gb-seconds.js";
import { architecturesOf, settingsBySize } from "./memory-sizes.js";
import { worstCaseIndex } from "./worst-case.js";

export interface MemorySizeEffect {
  runtime: string;
  architecture: string;
  fromMB: number;
  toMB: number;
  worstChangePct: number;
  gbsChangePct: number;
}

export function memorySizeEffects(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): MemorySizeEffect[] {
  return memo(a, `finding:memory-size-effect:${JSON.stringify(bootstrap)}`, () =>
    architecturesOf(a).flatMap((architecture) => effectsOf(a, architecture, bootstrap)),
  );
}

function effectsOf(a: Analysis, architecture: string, bootstrap: BootstrapOptions): MemorySizeEffect[] {
  const sizes = settingsBySize(a, architecture);
  if (sizes.length < 2) return [];
  const [from, to] = [sizes[0]!, sizes[sizes.length - 1]!];
  const worst = worstCaseIndex(a, bootstrap).perFunction;
  const gbs = gbSecondsPerThousand(a, bootstrap);
  const sum = <T extends { setting: string; runtimeId: string }>(rows: T[], s: Setting, id: string, value: (r: T) => number) =>
    rows.filter((r) => r.setting === s.label && r.runtimeId === id).reduce((t, r) => t + value(r), 0);
  return a.runtimes.flatMap((r) => {
    const w0 = sum(worst, from, r.id, (x) => x.value ?? 0);
    const w1 = sum(worst, to, r.id, (x) => x.value ?? 0);
    const g0 = sum(gbs, from, r.id, (x) => x.gbSecondsPer1000);
    const g1 = sum(gbs, to, r.id, (x) => x.gbSecondsPer1000);
    if (w0 <= 0 || g0 <= 0 || w1 <= 0) return [];
    return [
      { runtime: r.label, architecture, fromMB: from.memoryMB, toMB: to.memoryMB, worstChangePct: (w1 / w0 - 1) * 100, gbsChangePct: (g1 / g0 - 1) * 100 },
    ];
  });
}
