// Recommendations against alexcasalboni/aws-lambda-power-tuning's own unit tests: the same per-size
// averages must pick the same size. Cases are copied from its public repository (commit 262ecc2):
// test/unit/test-lambda.js, describe('analyzer') — and test/unit/test-utils.js,
// describe('computeAverageDuration') and describe('computePrice'). Their `value` is a string
// there ('128'); here power is a number.
import { describe, expect, it } from "vitest";
import {
  averagePrice,
  clampWeight,
  DEFAULT_BALANCED_WEIGHT,
  DEFAULT_STRATEGY,
  paretoFrontier,
  pickWithIntervals,
  recommend,
  trimmedMean,
  type SizeAverages,
  type SizeWithIntervals,
  type Strategy,
} from "../lib/recommend/index.js";

type PowerTuningStat = { value: string; averagePrice: number; averageDuration: number };
const sizes = (stats: PowerTuningStat[]): SizeAverages[] => stats.map((s) => ({ power: Number(s.value), cost: s.averagePrice, duration: s.averageDuration }));

interface AnalyzerCase {
  it: string;
  strategy?: Strategy;
  balancedWeight?: number;
  stats: PowerTuningStat[];
  power: number;
  cost: number;
  duration: number;
}

// test-lambda.js, describe('analyzer'): every case that checks which power is returned.
const ANALYZER_CASES: AnalyzerCase[] = [
  {
    it: "should return the cheapest power configuration if no strategy",
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 100 },
      { value: "256", averagePrice: 200, averageDuration: 300 },
      { value: "512", averagePrice: 30, averageDuration: 200 },
    ],
    power: 512,
    cost: 30,
    duration: 200,
  },
  {
    it: "should return the cheapest power configuration if cost strategy",
    strategy: "cost",
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 100 },
      { value: "256", averagePrice: 200, averageDuration: 300 },
      { value: "512", averagePrice: 30, averageDuration: 200 },
    ],
    power: 512,
    cost: 30,
    duration: 200,
  },
  {
    it: "should return the cheapest and fastest power configuration if cost strategy and same cost",
    strategy: "cost",
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 100 },
      { value: "256", averagePrice: 100, averageDuration: 90 },
      { value: "512", averagePrice: 300, averageDuration: 200 },
    ],
    power: 256,
    cost: 100,
    duration: 90,
  },
  {
    it: "should return the fastest power configuration if speed strategy",
    strategy: "speed",
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 300 },
      { value: "256", averagePrice: 200, averageDuration: 200 },
      { value: "512", averagePrice: 300, averageDuration: 100 },
    ],
    power: 512,
    cost: 300,
    duration: 100,
  },
  {
    it: "should return the fastest and cheapest power configuration if speed strategy and same duration",
    strategy: "speed",
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 200 },
      { value: "256", averagePrice: 90, averageDuration: 200 },
      { value: "512", averagePrice: 300, averageDuration: 400 },
    ],
    power: 256,
    cost: 90,
    duration: 200,
  },
  {
    it: "should return the cheapest power configuration if balanced strategy with weight = 1",
    strategy: "balanced",
    balancedWeight: 1,
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 100 },
      { value: "256", averagePrice: 200, averageDuration: 300 },
      { value: "512", averagePrice: 30, averageDuration: 200 },
    ],
    power: 512,
    cost: 30,
    duration: 200,
  },
  {
    it: "should return the fastest power configuration if balanced strategy with weight = 0",
    strategy: "balanced",
    balancedWeight: 0,
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 300 },
      { value: "256", averagePrice: 200, averageDuration: 200 },
      { value: "512", averagePrice: 300, averageDuration: 100 },
    ],
    power: 512,
    cost: 300,
    duration: 100,
  },
  {
    it: "should return a balanced power configuration if balanced strategy with default weight",
    strategy: "balanced",
    stats: [
      { value: "128", averagePrice: 101, averageDuration: 300 },
      { value: "256", averagePrice: 200, averageDuration: 200 },
      { value: "512", averagePrice: 300, averageDuration: 101 },
    ],
    power: 256,
    cost: 200,
    duration: 200,
  },
  {
    it: "should return a balanced power configuration if balanced strategy with custom weight",
    strategy: "balanced",
    balancedWeight: 0.3,
    stats: [
      { value: "128", averagePrice: 100, averageDuration: 300 },
      { value: "256", averagePrice: 200, averageDuration: 200 },
      { value: "512", averagePrice: 300, averageDuration: 100 },
      { value: "1024", averagePrice: 1000, averageDuration: 50 },
    ],
    power: 512,
    cost: 300,
    duration: 100,
  },
];

describe("power-tuning's analyzer cases (test/unit/test-lambda.js)", () => {
  it("has power-tuning's defaults: strategy cost, balanced weight 0.5 (lambda/analyzer.js)", () => {
    expect(DEFAULT_STRATEGY).toBe("cost");
    expect(DEFAULT_BALANCED_WEIGHT).toBe(0.5);
  });
  for (const c of ANALYZER_CASES) {
    it(c.it, () => {
      const pick = recommend(sizes(c.stats), c.strategy ?? DEFAULT_STRATEGY, c.balancedWeight ?? DEFAULT_BALANCED_WEIGHT);
      expect(pick).toEqual({ power: c.power, cost: c.cost, duration: c.duration });
    });
  }
  it("leaves out sizes without an average duration (analyzer.js extractStatistics)", () => {
    const stats = [
      { power: 128, cost: 1, duration: 0 },
      { power: 256, cost: 2, duration: 10 },
    ];
    expect(recommend(stats, "cost")?.power).toBe(256);
  });
  it("clamps the balanced weight to [0, 1] (analyzer.js getBalancedWeight)", () => {
    expect([clampWeight(-1), clampWeight(0.3), clampWeight(7)]).toEqual([0, 0.3, 1]);
    const stats = sizes(ANALYZER_CASES[6]!.stats);
    expect(recommend(stats, "balanced", -5)?.power).toBe(512); // as weight 0 → speed
  });
});

describe("power-tuning's averages (test/unit/test-utils.js)", () => {
  // describe('computeAverageDuration'): durations [1, 2, 3, 4, 2000].
  it("trims 20 % at each end: 3", () => expect(trimmedMean([1, 2, 3, 4, 2000], 0.2)).toBe(3));
  it("custom trimming 40 %: 3", () => expect(trimmedMean([1, 2, 3, 4, 2000], 0.4)).toBe(3));
  it("no trimming: 402", () => expect(trimmedMean([1, 2, 3, 4, 2000], 0)).toBe(402));
  it("not enough results to discard: [1] → 1", () => expect(trimmedMean([1], 0.4)).toBe(1));
  it("empty → 0", () => expect(trimmedMean([], 0.2)).toBe(0));
  // describe('computePrice'): minCost 2.1e-9 $/ms at minRAM 128 MB, 1024 MB, 300 ms →
  // minCost × (1024 / 128) × 300. 2.1e-9 $/ms at 128 MB is 2.1e-9 × 1000 × 1024 / 128 $/GB-s.
  it("prices ⌈ms⌉ at the size as power-tuning's computePrice", () => {
    const usdPerGbSecond = (2.1e-9 * 1000 * 1024) / 128;
    expect(averagePrice(300, 1024, usdPerGbSecond)).toBeCloseTo(2.1e-9 * (1024 / 128) * 300, 18);
    expect(averagePrice(299.2, 1024, usdPerGbSecond)).toBeCloseTo(2.1e-9 * (1024 / 128) * 300, 18);
  });
});

describe("the cost/speed frontier", () => {
  it("keeps the sizes no other size beats on both cost and duration", () => {
    const points = [
      { memoryMB: 128, cost: 10, duration: 100 },
      { memoryMB: 256, cost: 8, duration: 50 }, // cheaper and faster than 128
      { memoryMB: 512, cost: 12, duration: 30 },
      { memoryMB: 1024, cost: 20, duration: 30 }, // as fast as 512, dearer
    ];
    expect(paretoFrontier(points).map((p) => p.memoryMB)).toEqual([256, 512]);
  });
});

describe("tail-aware picks with intervals", () => {
  const at = (power: number, cost: [number, number, number], duration: [number, number, number]): SizeWithIntervals => ({
    power,
    cost: cost[0],
    costLower: cost[1],
    costUpper: cost[2],
    duration: duration[0],
    durationLower: duration[1],
    durationUpper: duration[2],
  });
  it("is clear when the best two sizes' intervals do not overlap", () => {
    const stats = [at(128, [1, 0.9, 1.1], [300, 280, 320]), at(256, [1.5, 1.4, 1.6], [150, 140, 160]), at(512, [2.5, 2.4, 2.6], [100, 95, 105])];
    const p = pickWithIntervals(stats, "speed", 0.5)!;
    expect([p.best.power, p.runnerUp?.power, p.clear]).toEqual([512, 256, true]);
    const c = pickWithIntervals(stats, "cost", 0.5)!;
    expect([c.best.power, c.runnerUp?.power, c.clear]).toEqual([128, 256, true]);
  });
  it("says no clear difference when they overlap", () => {
    const stats = [at(128, [1, 0.9, 1.1], [300, 200, 400]), at(256, [1.5, 1.4, 1.6], [290, 250, 330])];
    const p = pickWithIntervals(stats, "speed", 0.5)!;
    expect([p.best.power, p.runnerUp?.power, p.clear]).toEqual([256, 128, false]);
  });
  it("picks what the plain strategy picks on the estimates", () => {
    for (const c of ANALYZER_CASES) {
      const stats = sizes(c.stats).map((s) => ({ ...s, costLower: s.cost, costUpper: s.cost, durationLower: s.duration, durationUpper: s.duration }));
      expect(pickWithIntervals(stats, c.strategy ?? "cost", c.balancedWeight ?? 0.5)?.best.power).toBe(c.power);
    }
  });
  it("is never clear with one size", () => {
    const p = pickWithIntervals([at(128, [1, 1, 1], [1, 1, 1])], "cost", 0.5)!;
    expect([p.best.power, p.runnerUp, p.clear]).toEqual([128, undefined, false]);
  });
});
