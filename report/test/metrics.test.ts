// Metric unit tests on tiny tables whose expected values are worked out by hand in comments.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { withBilledDuration, gbSeconds } from "../lib/metrics/billed.js";
import { withColdStart, COLD_START } from "../lib/metrics/cold-start.js";
import { concurrencyGain } from "../lib/metrics/concurrency-gain.js";
import { overallPerformanceIndex, performanceIndex } from "../lib/metrics/performance-index.js";
import { percentileOfSorted } from "../lib/metrics/percentile.js";
import { withManagedInitRemoved, WITHOUT_MANAGED_INIT } from "../lib/metrics/provisioned.js";
import { stat, summarise } from "../lib/metrics/statistics.js";
import { withTotalDuration, TOTAL_DURATION } from "../lib/metrics/total-duration.js";

const setting = { dataset: "fixture-a", memoryMB: 128, architecture: "x86_64" };
function invocations(rows: { runtime: string; runtimeKind: string; function: string; durationMs: number; initDurationMs: number | null }[]) {
  return aq.from(rows.map((r) => ({ ...setting, billedDurationMs: 0, ...r })));
}

describe("duration metrics", () => {
  const t = invocations([
    { runtime: "node", runtimeKind: "managed", function: "wave", durationMs: 10, initDurationMs: 200 },
    { runtime: "node", runtimeKind: "managed", function: "wave", durationMs: 4, initDurationMs: null },
    { runtime: "go", runtimeKind: "custom", function: "wave", durationMs: 2.5, initDurationMs: 50.2 },
  ]);
  const derived = withColdStart(withTotalDuration(t));
  it("Total Duration adds Init Duration where present", () => {
    // 10 + 200, 4 + nothing, 2.5 + 50.2
    expect(derived.array(TOTAL_DURATION)).toEqual([210, 4, 52.7]);
  });
  it("Cold Start is the total when cold and 0 when warm", () => {
    expect(derived.array(COLD_START)).toEqual([210, 0, 52.7]);
  });
  it("removing INIT for managed runtimes only keeps custom runtimes' INIT", () => {
    // node: 10 (init dropped), 4; go keeps 2.5 + 50.2
    expect(withManagedInitRemoved(t).array(WITHOUT_MANAGED_INIT)).toEqual([10, 4, 52.7]);
  });
  it("billed duration under each rule, and GB-seconds", () => {
    // pre-2025-08: node cold bills ceil(10) = 10 (no INIT), go bills ceil(52.7) = 53
    expect(withBilledDuration(t, "aws-pre-2025-08").array("billedMs")).toEqual([10, 4, 53]);
    // 2025-08: node cold bills ceil(210) = 210
    const billed = withBilledDuration(t, "aws-2025-08");
    expect(billed.array("billedMs")).toEqual([210, 4, 53]);
    // 210 ms at 128 MB = 0.21 s × 0.125 GB = 0.02625 GB-s
    expect(billed.array("gbSeconds")[0]).toBeCloseTo(0.02625, 10);
    expect(gbSeconds(1000, 1024)).toBe(1);
  });
});

describe("percentile", () => {
  it("interpolates linearly between the nearest ranks", () => {
    const sorted = [1, 2, 3, 4, 10];
    // position (5 − 1) × 0.9 = 3.6 → 4 + 0.6 × (10 − 4) = 7.6
    expect(percentileOfSorted(sorted, 0.9)).toBeCloseTo(7.6, 12);
    // position 4 × 0.5 = 2 → 3
    expect(percentileOfSorted(sorted, 0.5)).toBe(3);
    expect(percentileOfSorted(sorted, 1)).toBe(10);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
    expect(percentileOfSorted([], 0.5)).toBeNull();
  });
  it("matches arquero's op.quantile", () => {
    const values = [5, 1, 9, 3, 3, 8, 2];
    const t = aq.from(values.map((v) => ({ g: "a", v })));
    const mine = summarise(t, ["g"], "v", [stat.percentile(0.1), stat.percentile(0.95)]).objects()[0] as Record<string, number>;
    const theirs = t.rollup({ p10: aq.op.quantile("v", 0.1), p95: aq.op.quantile("v", 0.95) }).objects()[0] as Record<string, number>;
    expect(mine.p10).toBeCloseTo(theirs.p10 as number, 12);
    expect(mine.p95).toBeCloseTo(theirs.p95 as number, 12);
  });
});

describe("summarise", () => {
  it("computes grouped median, mean, max, count and skips nulls", () => {
    const t = aq.from([
      { g: "a", v: 1 },
      { g: "a", v: 3 },
      { g: "a", v: null },
      { g: "b", v: 10 },
      { g: "a", v: 8 },
    ]);
    const rows = summarise(t, ["g"], "v", [stat.median(), stat.mean(), stat.max(), stat.count()]).objects();
    // a: values 1, 3, 8 → median 3, mean 4, max 8, count 3
    expect(rows).toEqual([
      { g: "a", median: 3, mean: 4, max: 8, count: 3 },
      { g: "b", median: 10, mean: 10, max: 10, count: 1 },
    ]);
  });
});

describe("performance index", () => {
  const values = aq.from([
    { function: "wave", runtime: "node", v: 100 },
    { function: "wave", runtime: "go", v: 25 },
    { function: "wave", runtime: "rust", v: 50 },
    { function: "save", runtime: "node", v: 30 },
    { function: "save", runtime: "go", v: 60 },
    { function: "save", runtime: "rust", v: 0 },
  ]);
  const pi = performanceIndex(values, { value: "v", within: ["function"] });
  it("scores the worst runtime 1 and the others max/v", () => {
    // wave: max 100 → node 1, go 4, rust 2; save: max 60 → node 2, go 1, rust v=0 → null
    expect((pi.objects() as Record<string, unknown>[]).map((r) => r.pi)).toEqual([1, 4, 2, 2, 1, null]);
  });
  it("averages per-function indexes, leaving out undefined ones", () => {
    const overall = overallPerformanceIndex(pi, []).objects();
    // node (1 + 2) / 2 = 1.5; go (4 + 1) / 2 = 2.5; rust only wave = 2
    expect(overall).toEqual([
      { runtime: "node", pi: 1.5, functions: 2 },
      { runtime: "go", pi: 2.5, functions: 2 },
      { runtime: "rust", pi: 2, functions: 1 },
    ]);
  });
});

describe("concurrency gain", () => {
  const rows = (fn: string, durations: number[]) => durations.map((d) => ({ ...setting, runtime: "go", function: fn, durationMs: d }));
  it("is median(search) / median(conc) − 1 in percent", () => {
    // search median 30, conc median 12 → 30 / 12 − 1 = 150 %
    const t = aq.from([...rows("search", [20, 30, 90]), ...rows("conc", [10, 12, 14])]);
    const gain = concurrencyGain(t, [{ base: "search", variant: "conc" }]).objects() as Record<string, number>[];
    expect(gain).toHaveLength(1);
    expect(gain[0]!.gainPct).toBeCloseTo(150, 10);
  });
  it("is empty when the variant is missing", () => {
    const t = aq.from(rows("search", [20, 30]));
    expect(concurrencyGain(t, [{ base: "search", variant: "conc" }]).numRows()).toBe(0);
  });
});
