// The exact order-statistic interval of a percentile (Le Boudec, ch. 2): binomial ranks checked
// against hand-worked values (the book's table for the median), and the rule that decides when the
// report uses it instead of the bootstrap.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { stat } from "../lib/metrics/statistics.js";
import {
  bootstrapMethod,
  bootstrapOptions,
  bootstrapSummary,
  DEFAULT_BOOTSTRAP,
  intervalOfSample,
  ORDER_STATISTIC_MIN,
  orderStatisticGroups,
  orderStatisticRanks,
  singleTrial,
  trialSample,
} from "../lib/uncertainty/index.js";

describe("order-statistic ranks", () => {
  it("match the binomial tails worked by hand for a median at 95 %", () => {
    // n = 10: P(B ≤ 1) = 11/1024 ≤ 2.5 % < P(B ≤ 2) = 56/1024, so j = 2 and, by symmetry, k = 9.
    expect(orderStatisticRanks(10, 0.5, 0.95)).toEqual({ lower: 2, upper: 9, coverage: 1 - 22 / 1024 });
    // n = 6: P(B = 0) = 1/64 is the only rank in each tail: the whole sample, coverage 62/64.
    expect(orderStatisticRanks(6, 0.5, 0.95)).toEqual({ lower: 1, upper: 6, coverage: 62 / 64 });
    // n = 20: P(B ≤ 5) = 21,700/2^20 ≤ 2.5 % < P(B ≤ 6) = 60,460/2^20.
    const twenty = orderStatisticRanks(20, 0.5, 0.95)!;
    expect([twenty.lower, twenty.upper]).toEqual([6, 15]);
    expect(twenty.coverage).toBeCloseTo(1 - (2 * 21700) / 2 ** 20, 12);
  });

  it("give no interval where the sample is too small for the level", () => {
    // n = 5: P(B = 0) = 1/32 already exceeds 2.5 %.
    expect(orderStatisticRanks(5, 0.5, 0.95)).toBeNull();
    // p90 of 10: P(B = 10) = 0.9^10 ≈ 0.35, so no upper rank.
    expect(orderStatisticRanks(10, 0.9, 0.95)).toBeNull();
    expect(orderStatisticRanks(1000, 1, 0.95)).toBeNull();
  });

  it("for a skewed quantile, leave at most 2.5 % in each tail (p90 of 30, summed by hand)", () => {
    // B ~ Binomial(30, 0.9): P(B ≥ 30) = 0.0424 > 2.5 %, so no upper rank exists at 95 %…
    expect(orderStatisticRanks(30, 0.9, 0.95)).toBeNull();
    // …but at 90 %: P(B ≥ 30) = 0.0424 ≤ 5 %, P(B ≥ 29) = 0.1837; lower tail P(B ≤ 23) = 0.0258, P(B ≤ 24) = 0.0732.
    expect(orderStatisticRanks(30, 0.9, 0.9)).toMatchObject({ lower: 24, upper: 30 });
  });

  it("stay symmetric and close to nominal for large n (the window of the binomial)", () => {
    for (const n of [10_000, 1_000_000]) {
      const r = orderStatisticRanks(n, 0.5, 0.95)!;
      expect(r.lower + r.upper).toBe(n + 1);
      expect(r.coverage).toBeGreaterThanOrEqual(0.95);
      expect(r.coverage).toBeLessThan(0.951 + 2 / Math.sqrt(n));
    }
  });
});

describe("the report's rule", () => {
  const o = bootstrapOptions();
  const values = Float64Array.from({ length: ORDER_STATISTIC_MIN }, (_, i) => i + 1);

  it("gives one-trial groups of ORDER_STATISTIC_MIN values the order statistics' interval for percentiles", () => {
    const r = orderStatisticRanks(ORDER_STATISTIC_MIN, 0.9, o.confidence)!;
    const interval = intervalOfSample(singleTrial(values), stat.percentile(0.9), o, ["g"]);
    expect(interval).toMatchObject({ lower: r.lower, upper: r.upper, resamples: 0, degenerate: false });
    expect(interval.estimate).toBeCloseTo(1 + 0.9 * (ORDER_STATISTIC_MIN - 1), 9);
  });

  it("keeps the bootstrap for smaller groups, several trials, means and maxima", () => {
    const smaller = values.subarray(0, ORDER_STATISTIC_MIN - 1);
    expect(intervalOfSample(singleTrial(smaller), stat.median(), o, ["g"]).resamples).toBe(o.resamples);
    const halves = trialSample([values.filter((v) => v % 2 === 0), values.filter((v) => v % 2 === 1)]);
    expect(intervalOfSample(halves, stat.median(), o, ["g"]).resamples).toBe(o.resamples);
    expect(intervalOfSample(singleTrial(values), stat.mean(), o, ["g"]).resamples).toBe(o.resamples);
    expect(intervalOfSample(singleTrial(values), stat.max(), o, ["g"]).resamples).toBe(o.resamples);
  });

  it("reaches tables through bootstrapSummary, and is counted and stated in Method only where it applied", () => {
    const big = Array.from(values, (v) => ({ g: "big", v }));
    const small = Array.from({ length: 50 }, (_, i) => ({ g: "small", v: i }));
    const table = aq.from([...big, ...small]);
    const median = orderStatisticRanks(ORDER_STATISTIC_MIN, 0.5, o.confidence)!;
    const row = bootstrapSummary(table, ["g"], "v", [stat.median()]).objects()[0] as Record<string, number>;
    expect([row.medianLower, row.medianUpper]).toEqual([median.lower, median.upper]);
    expect(orderStatisticGroups(table, ["g"])).toBe(1);
    expect(bootstrapMethod(DEFAULT_BOOTSTRAP, { orderStatisticGroups: 0 })).not.toContain("order-statistic");
    const text = bootstrapMethod(DEFAULT_BOOTSTRAP, { orderStatisticGroups: 1 });
    expect(text).toContain("(here 1 group)");
    expect(text).toContain(`ranks ${median.lower.toLocaleString("en-US")} to ${median.upper.toLocaleString("en-US")} of the sorted invocations`);
  });
});
