// The Performance Index of a lower-is-better statistic, per function and overall, each value with
// its interval: one computation (uncertainty/performance-index.ts), labelled for the report and
// cached per analysis.
import { runtimeLabels, settingOf, type Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import type { Statistic } from "../metrics/statistics.js";
import { DEFAULT_BOOTSTRAP, performanceIndexIntervals, piCellsOf, type BootstrapOptions } from "../uncertainty/index.js";

/** One setting × function × runtime: v (e.g. the max Total Duration) and its PI, each with its interval. */
export interface PiRow {
  setting: string;
  dataset: string;
  memoryMB: number;
  architecture: string;
  function: string;
  runtimeId: string;
  runtime: string;
  value: number | null;
  valueLower: number | null;
  valueUpper: number | null;
  pi: number | null;
  piLower: number | null;
  piUpper: number | null;
}

/** One setting × runtime: the mean PI over its functions, with its interval. */
export interface OverallPi {
  setting: string;
  runtimeId: string;
  runtime: string;
  pi: number | null;
  piLower: number | null;
  piUpper: number | null;
  functions: number;
}

export interface PiResult {
  /** One row per setting × runtime × function (the point statistics' group order). */
  perFunction: PiRow[];
  /** One row per setting × runtime. */
  overall: OverallPi[];
}

/** Performance Index of `statistic` of `value` over the compared functions, with bootstrap intervals. */
export function performanceIndexOf(a: Analysis, value: string, statistic: Statistic, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  return memo(a, `performanceIndex:${value}:${JSON.stringify(statistic)}:${JSON.stringify(bootstrap)}`, () => {
    const cells = piCellsOf(a.table, value, { label: (k) => settingOf(a, k).label, functions: a.functions, withEmpty: true });
    const pi = performanceIndexIntervals(cells, statistic, bootstrap);
    const labelOf = runtimeLabels(a.runtimes);
    return {
      perFunction: cells.map((c, i): PiRow => {
        const { value: v, pi: p } = pi.perFunction[i]!;
        return {
          setting: c.setting,
          dataset: c.keys.dataset as string,
          memoryMB: c.keys.memoryMB as number,
          architecture: c.keys.architecture as string,
          function: c.function,
          runtimeId: c.runtime,
          runtime: labelOf(c.runtime),
          value: v?.estimate ?? null,
          valueLower: v?.lower ?? null,
          valueUpper: v?.upper ?? null,
          pi: p?.estimate ?? null,
          piLower: p?.lower ?? null,
          piUpper: p?.upper ?? null,
        };
      }),
      overall: pi.overall.map((o) => ({
        setting: o.setting,
        runtimeId: o.runtime,
        runtime: labelOf(o.runtime),
        pi: o.pi?.estimate ?? null,
        piLower: o.pi?.lower ?? null,
        piUpper: o.pi?.upper ?? null,
        functions: o.functions,
      })),
    };
  });
}

/** True when some function was measured on two runtimes or more in one setting: runtimes compare somewhere. */
export function comparesRuntimes(a: Analysis): boolean {
  return memo(a, "comparesRuntimes", () => {
    const seen = new Map<string, string>();
    const keys = ["dataset", "memoryMB", "architecture", "function", "runtime"].map((k) => a.table.column(k) as unknown as ArrayLike<unknown>);
    for (let i = 0; i < a.table.numRows(); i++) {
      if (i > 0 && keys.every((c) => c[i] === c[i - 1])) continue;
      const cell = keys
        .slice(0, 4)
        .map((c) => String(c[i]))
        .join("\u0000");
      const runtime = String(keys[4]![i]);
      const first = seen.get(cell);
      if (first === undefined) seen.set(cell, runtime);
      else if (first !== runtime) return true;
    }
    return false;
  });
}
