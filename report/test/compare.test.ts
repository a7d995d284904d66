// Run-to-run comparison on two generated FIXTURE runs (seeded, made-up numbers) with one planted
// regression: python/search slowed by a known factor in the candidate.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { billedDurationMs } from "../../runners/dataset/contract.js";
import { compareRuns, CompareError, exceedance, largestChanges, verdictOf, type Change } from "../lib/compare/index.js";
import { seededRandom } from "../lib/uncertainty/index.js";

const RUNTIMES = [
  { id: "node", kind: "managed", speed: 1.4 },
  { id: "python", kind: "managed", speed: 1.8 },
  { id: "go", kind: "custom", speed: 1.0 },
  { id: "rust", kind: "custom", speed: 0.9 },
] as const;
const FUNCTIONS = { wave: 3, save: 12, search: 35 } as const;
const PER_GROUP = 1500;
const COLD = 10;

interface Plant {
  runtime: string;
  function: string;
  /** Every duration (handler and INIT) multiplied by this. */
  factor: number;
  /** Added to Max Memory Used. */
  extraMemoryMB?: number;
}

/** One fixture run: PER_GROUP invocations per runtime/function at 128 MB, the first COLD cold. */
function fixtureRun(name: string, seed: number, plant?: Plant) {
  const r = seededRandom(seed);
  const columns: Record<string, unknown[]> = {};
  const push = (row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) (columns[k] ??= []).push(v);
  };
  for (const rt of RUNTIMES) {
    for (const [fn, baseMs] of Object.entries(FUNCTIONS)) {
      const planted = plant && plant.runtime === rt.id && plant.function === fn;
      const slow = planted ? plant.factor : 1;
      for (let i = 0; i < PER_GROUP; i++) {
        const durationMs = Math.round(baseMs * rt.speed * slow * Math.exp(0.25 * r.normal()) * 1000) / 1000;
        const initDurationMs = i < COLD ? Math.round(150 * rt.speed * slow * Math.exp(0.15 * r.normal()) * 1000) / 1000 : null;
        push({
          dataset: name,
          runtime: rt.id,
          runtimeKind: rt.kind,
          function: fn,
          memoryMB: 128,
          architecture: "x86_64",
          durationMs,
          initDurationMs,
          billedDurationMs: billedDurationMs("aws-2025-08", rt.kind, durationMs, initDurationMs),
          maxMemoryUsedMB: 30 + Math.floor(r.uniform() * 4) + (planted ? (plant.extraMemoryMB ?? 0) : 0),
        });
      }
    }
  }
  return aq.table(columns);
}

const plant: Plant = { runtime: "python", function: "search", factor: 1.3, extraMemoryMB: 8 };
const baseline = fixtureRun("fixture-baseline", 1);
const candidate = fixtureRun("fixture-candidate", 2, plant);
const comparison = compareRuns(baseline, candidate, { uncertainty: { resamples: 1000 } });
const sorted = (values: number[]) => Float64Array.from(values).sort();
const isPlanted = (c: Change) => c.group.runtime === plant.runtime && c.group.function === plant.function;

describe("compareRuns with a planted regression", () => {
  it("compares every group and metric both runs have", () => {
    expect(comparison.changes).toHaveLength(RUNTIMES.length * Object.keys(FUNCTIONS).length * 7);
    // 12 groups × 3 maxima (Total, Cold Start, Max Memory) share the 2.5 % one-sided level (Bonferroni).
    const maxima = comparison.changes.filter((c) => c.exceedance).length;
    expect(maxima).toBe(12 * 3);
    expect(comparison.options.maxLevel).toBeCloseTo(0.025 / maxima, 15);
    expect(comparison.onlyInBaseline).toEqual([]);
  });

  it("finds the planted slowdown in the median, p90 and mean billed duration, near its size", () => {
    const planted = new Map(comparison.changes.filter(isPlanted).map((c) => [c.metric, c]));
    for (const metric of ["total-p50", "total-p90", "billed-mean"]) {
      const c = planted.get(metric)!;
      expect(c.verdict, metric).toBe("regression");
      expect(c.change.lower, metric).toBeGreaterThan(0);
      // 1,500 invocations per group: these statistics are tight, so the change sits near the planted 30 %.
      expect(c.relative!, metric).toBeGreaterThan(0.2);
      expect(c.relative!, metric).toBeLessThan(0.4);
    }
    // p99 of 1,500 invocations with 10 cold ones sits where warm tail meets cold starts, and the
    // max Total / Cold Start rest on the 10 cold invocations: the data cannot prove those changes
    // (10 values can never reach the Bonferroni level over 36 maxima: even all 10 above gives p ≈ 2⁻¹⁰), so they must not be called
    // improvements, and are left "no clear difference" rather than ranked on noise.
    for (const metric of ["total-p99", "total-max", "cold-start-max"]) expect(planted.get(metric)!.verdict, metric).not.toBe("improvement");
    expect(planted.get("total-max")!.exceedance!.candidateAbove).toBeGreaterThan(0);
  });

  it("finds a planted max regression when the data can show it (every invocation 8 MB higher)", () => {
    const memory = comparison.changes.find((c) => isPlanted(c) && c.metric === "memory-max")!;
    expect(memory.verdict).toBe("regression");
    expect(memory.change.estimate).toBe(8);
    expect(memory.exceedance!.pRegression).toBeLessThan(comparison.options.maxLevel);
  });

  it("reports no regression and no improvement anywhere else", () => {
    const flagged = comparison.changes.filter((c) => !isPlanted(c) && c.verdict !== "no clear difference");
    expect(flagged.map((c) => `${c.group.runtime}/${c.group.function} ${c.metric} ${c.verdict} ${c.relative}`)).toEqual([]);
  });

  it("sees the same slowdown as an improvement when the runs are swapped", () => {
    const swapped = compareRuns(candidate, baseline, { uncertainty: { resamples: 1000 } });
    const p50 = swapped.changes.find((c) => isPlanted(c) && c.metric === "total-p50")!;
    expect(p50.verdict).toBe("improvement");
  });

  it("puts the planted group first among the largest changes", () => {
    const top = largestChanges(comparison.changes, 4);
    expect(top.every(isPlanted)).toBe(true);
    expect(top.every((c) => c.verdict === "regression")).toBe(true);
  });

  it("is deterministic for a seed", () => {
    const again = compareRuns(baseline, candidate, { uncertainty: { resamples: 1000 } });
    expect(JSON.stringify(again.changes)).toBe(JSON.stringify(comparison.changes));
  });

  it("lists groups only one run has, and refuses runs with nothing in common or missing columns", () => {
    const noWave = candidate.filter((d: { function: string }) => d.function !== "wave"); // filtered, not reified: must work too
    const partial = compareRuns(baseline, noWave, { uncertainty: { resamples: 100 } });
    expect(partial.onlyInBaseline.map((k) => `${k.runtime}/${k.function}`).sort()).toEqual(["go/wave", "node/wave", "python/wave", "rust/wave"]);
    const onlyWave = candidate.filter((d: { function: string }) => d.function === "wave").reify();
    expect(() => compareRuns(noWave, onlyWave)).toThrow("the two runs have no runtime/function/memory size/architecture in common");
    expect(() => compareRuns(baseline.select("runtime", "function"), candidate)).toThrow(CompareError);
    expect(() => compareRuns(baseline, candidate, { minEffect: -1 })).toThrow("minEffect = -1");
  });
});

describe("verdictOf", () => {
  const iv = (estimate: number, lower: number, upper: number, degenerate = false) => ({ estimate, lower, upper, confidence: 0.95, resamples: 100, degenerate });
  it("needs the interval to exclude 0 and the effect to reach the minimum", () => {
    expect(verdictOf({ change: iv(10, 2, 18), relative: 0.1 }, 0.05, 0.025)).toBe("regression");
    expect(verdictOf({ change: iv(10, -1, 18), relative: 0.1 }, 0.05, 0.025)).toBe("no clear difference");
    expect(verdictOf({ change: iv(3, 1, 5), relative: 0.03 }, 0.05, 0.025)).toBe("no clear difference");
    expect(verdictOf({ change: iv(-10, -18, -2), relative: -0.1 }, 0.05, 0.025)).toBe("improvement");
  });

  it("for a max, also needs the exact exceedance probability at or below the level", () => {
    // One new outlier: the change interval excludes 0, but one value above the old max proves little.
    const outlier = { change: iv(20, 5, 20, true), relative: 0.2, exceedance: exceedance(sorted([1, 2, 3, 100]), sorted([1, 2, 3, 120])) };
    expect(outlier.exceedance.candidateAbove).toBe(1);
    expect(outlier.exceedance.pRegression).toBe(4 / 8); // the top value of 8 pooled is the candidate's
    expect(verdictOf(outlier, 0.05, 0.025)).toBe("no clear difference");
    // Six candidate values above a baseline max, 6 + 6 pooled: P = 6/12·5/11·4/10·3/9·2/8·1/7 = 1/924.
    const shifted = exceedance(sorted([1, 2, 3, 4, 5, 6]), sorted([7, 8, 9, 10, 11, 12]));
    expect(shifted.candidateAbove).toBe(6);
    expect(shifted.pRegression).toBeCloseTo(1 / 924, 12);
    expect(shifted.baselineAbove).toBe(0);
    expect(shifted.pImprovement).toBe(1);
    expect(verdictOf({ change: iv(6, 3, 9, true), relative: 1, exceedance: shifted }, 0.05, 0.025)).toBe("regression");
    expect(verdictOf({ change: iv(6, 3, 9, true), relative: 1 }, 0.05, 0.025)).toBe("no clear difference"); // a max without its count is never judged
  });
});
