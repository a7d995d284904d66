// Tail: Total Duration from p95 to p100 per function and runtime with intervals; per setting and
// function the runtimes level with the lowest p99, and the steadiest tail (smallest p100/p95).
import type { Analysis } from "../analysis.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import { DEFAULT_BOOTSTRAP, type BootstrapOptions } from "../uncertainty/index.js";
import { levelWithFirst } from "./leaders.js";
import { perFunction, type StatRow } from "./statistics.js";

/** p95 to p100 in steps of 0.5. */
export const TAIL_PERCENTILES = Array.from({ length: 11 }, (_, i) => 95 + i * 0.5);
export const TAIL_STATS = TAIL_PERCENTILES.map((p) => stat.percentile(p / 100, `p${p}`));

/** One setting and function: the runtimes level with the lowest p99, and the steadiest tail. */
export interface TailOfFunction {
  setting: string;
  function: string;
  lowest: { runtime: string; value: number }[];
  runtimes: number;
  steadiest: { runtime: string; ratio: number };
}

export interface Tail {
  /** p95 … p100 (and their intervals) per setting × runtime × function. */
  rows: StatRow[];
  functions: TailOfFunction[];
}

export function tail(a: Analysis, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): Tail {
  return memo(a, `finding:tail:${JSON.stringify(bootstrap)}`, () => {
    const rows = perFunction(a, TOTAL_DURATION, TAIL_STATS, a.functions, bootstrap);
    const num = (v: unknown) => (v as number | null | undefined) ?? null;
    const functions: TailOfFunction[] = [];
    for (const s of a.settings) {
      for (const fn of a.functions) {
        const group = rows.filter((r) => r.setting === s.label && r.function === fn && r.p99 !== null);
        if (group.length === 0) continue;
        const byP99 = [...group].sort((x, y) => (x.p99 as number) - (y.p99 as number));
        const lowest = levelWithFirst(
          byP99,
          (r) => ({ lower: num(r.p99Lower), upper: num(r.p99Upper) }),
          (r) => r.p99 as number,
        );
        const ratio = (r: StatRow) => ((r.p95 as number) > 0 ? (r.p100 as number) / (r.p95 as number) : Infinity);
        const steadiest = [...group].sort((x, y) => ratio(x) - ratio(y))[0]!;
        functions.push({
          setting: s.label,
          function: fn,
          lowest: lowest.map((r) => ({ runtime: r.runtime, value: r.p99 as number })),
          runtimes: group.length,
          steadiest: { runtime: steadiest.runtime, ratio: ratio(steadiest) },
        });
      }
    }
    return { rows, functions };
  });
}
