// The two-level bootstrap (trials, then invocations): hand-worked answers on tiny literal
// inputs, the calibration arithmetic, the t and normal quantiles against tabulated values, and
// agreement of the fast and the full resampler. Samples are generated here, seeded (fixtures).
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { stat } from "../lib/metrics/statistics.js";
import {
  bootstrapInterval,
  bootstrapOptions,
  bootstrapSummary,
  calibratedDraws,
  calibratedInterval,
  combinedDf,
  normalQuantile,
  seededRandom,
  studentQuantile,
  trialCounts,
  trialGroups,
  trialSample,
  twoLevelReplicates,
  type Interval,
} from "../lib/uncertainty/index.js";

const frequencies = (x: Float64Array) => {
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].map(([v, c]) => [v, c / x.length]));
};

describe("quantiles of the normal and Student t distributions", () => {
  it("match tabulated values", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    // t_{0.975} for 1, 2, 3, 4, 5, 9, 30 degrees of freedom (any statistics table).
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [3, 3.1824],
      [4, 2.7764],
      [5, 2.5706],
      [9, 2.2622],
      [30, 2.0423],
    ];
    for (const [df, t] of table) expect(studentQuantile(0.975, df), `df ${df}`).toBeCloseTo(t, 3);
    expect(studentQuantile(0.95, 4)).toBeCloseTo(2.1318, 3);
    expect(studentQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(() => studentQuantile(0.4, 3)).toThrow("outside (0.5, 1)");
  });
});

describe("two-level replicates on tiny literal inputs", () => {
  // Trials [1] and [3]: a replicate draws two trials with replacement, so it holds {1, 1}, {1, 3}
  // or {3, 3} with probabilities 1/4, 1/2, 1/4; inside a one-value trial every draw is its value.
  // Mean and median: 1, 2, 3 with 1/4, 1/2, 1/4; max: 1 with 1/4, 3 with 3/4. The fast resampler
  // draws a percentile's resample from the drawn trials' pooled values (counts per trial random):
  // {1, 3} then gives two draws from {1, 3}, median 1, 2, 3 with 1/4, 1/2, 1/4, so the median is
  // 1, 2, 3 with 3/8, 1/4, 3/8.
  const sample = trialSample([Float64Array.of(1), Float64Array.of(3)]);
  for (const method of ["auto", "resample"] as const) {
    it(`gives the hand-worked distributions (${method})`, () => {
      for (const [s, expected] of [
        [stat.mean(), { 1: 0.25, 2: 0.5, 3: 0.25 }],
        [stat.median(), method === "auto" ? { 1: 0.375, 2: 0.25, 3: 0.375 } : { 1: 0.25, 2: 0.5, 3: 0.25 }],
        [stat.max(), { 1: 0.25, 3: 0.75 }],
      ] as const) {
        const { twoLevel } = twoLevelReplicates(sample, s, 8000, seededRandom(3), method);
        const f = frequencies(twoLevel);
        expect([...f.keys()].sort(), s.name).toEqual(Object.keys(expected).map(Number));
        // 8,000 draws: binomial sd ≤ 0.0056; toBeCloseTo(p, 1) allows 0.05, while a wrong scheme is off by ≥ 0.125.
        for (const [v, p] of Object.entries(expected)) expect(f.get(Number(v))!, `${s.name} = ${v}`).toBeCloseTo(p, 1);
      }
    });
  }

  it("keeps each trial once for the within-trial replicates (full resampler: always 2 here, so no variance)", () => {
    for (const s of [stat.mean(), stat.median()]) {
      const { withinVariance } = twoLevelReplicates(sample, s, 500, seededRandom(4), "resample");
      expect(withinVariance).toBe(0);
    }
  });

  it("gives a mean's within-trial variance exactly: the variance of drawing each trial's invocations again", () => {
    // Trials [2, 4] and [10]: within replicates are (two draws from {2, 4} + 10)/3, variance 2·1/9.
    const s = trialSample([Float64Array.of(2, 4), Float64Array.of(10)]);
    expect(twoLevelReplicates(s, stat.mean(), 10, seededRandom(6), "auto").withinVariance).toBeCloseTo(2 / 9, 12);
    expect(twoLevelReplicates(s, stat.sum(), 10, seededRandom(6), "resample").withinVariance).toBeCloseTo(2, 12);
    // Against drawn replicates on a skewed sample of three unequal trials.
    const r = seededRandom(7);
    const trials = [40, 25, 60].map((n) => Float64Array.from({ length: n }, () => Math.exp(r.normal())).sort());
    const drawn = Float64Array.from({ length: 40000 }, () => {
      let total = 0;
      for (const t of trials) for (let i = 0; i < t.length; i++) total += t[r.index(t.length)]!;
      return total / 125;
    });
    const mean = drawn.reduce((a, x) => a + x, 0) / drawn.length;
    const simulated = drawn.reduce((a, x) => a + (x - mean) ** 2, 0) / (drawn.length - 1);
    // 40,000 replicates: the simulated variance's relative sd is about 1 %.
    expect(twoLevelReplicates(trialSample(trials), stat.mean(), 10, seededRandom(8), "auto").withinVariance / simulated).toBeCloseTo(1, 1);
  });

  it.each(["resample", "auto"] as const)(
    "a one-value trial with two values: trials [2, 4] and [10] give means 2…10 in the hand-worked proportions (%s)",
    (method) => {
      // Draws: {A, A} 1/4 → mean of four draws from {2, 4}: 2, 2.5, 3, 3.5, 4 with 1/16, 4/16, 6/16, 4/16, 1/16;
      // {A, B} 1/2 → (two draws from {2, 4} + 10)/3: 14/3, 16/3, 6 with 1/4, 1/2, 1/4; {B, B} 1/4 → 10.
      // "auto" draws these integer trials two values at a time from their pair sums.
      const s = trialSample([Float64Array.of(2, 4), Float64Array.of(10)]);
      const f = frequencies(twoLevelReplicates(s, stat.mean(), 16000, seededRandom(5), method).twoLevel);
      const expected: [number, number][] = [
        [2, 1 / 64],
        [2.5, 4 / 64],
        [3, 6 / 64],
        [3.5, 4 / 64],
        [4, 1 / 64],
        [14 / 3, 1 / 8],
        [16 / 3, 1 / 4],
        [6, 1 / 8],
        [10, 1 / 4],
      ];
      for (const [v, p] of expected) {
        const got = [...f].find(([x]) => Math.abs(x - v) < 1e-9)?.[1] ?? 0;
        expect(got, `mean ${v}`).toBeCloseTo(p, 1);
      }
    },
  );
});

describe("calibration", () => {
  it("rescales replicates to V̂ = (V₂ − W)·T/(T − 1) about the estimate, with T − 1 degrees of freedom", () => {
    // V₂ = var(8, 10, 12) = 4, W = var(9.5, 10, 10.5) = 0.25, T = 3: V̂ = 3.75 · 3/2 = 5.625,
    // scale √(5.625/4) = 1.185854…
    const d = calibratedDraws(10, { twoLevel: Float64Array.of(8, 10, 12), withinVariance: 0.25 }, 3);
    expect(d.calibration).toEqual({ trials: 3, variance: 5.625, df: 2 });
    const scale = Math.sqrt(5.625 / 4);
    expect([...d.replicates]).toEqual([10 - 2 * scale, 10, 10 + 2 * scale]);
  });

  it("never gives a negative variance (within-trial noise larger than the two-level spread)", () => {
    const d = calibratedDraws(10, { twoLevel: Float64Array.of(9.9, 10, 10.1), withinVariance: 1 }, 2);
    expect(d.calibration.variance).toBe(0);
    expect([...d.replicates]).toEqual([10, 10, 10]);
  });

  it("stretches the percentile interval's ends by t_df / z (df = ∞ leaves it alone)", () => {
    // Replicates 9, 10, 11 at 50 %: the 25th and 75th percentiles are 9.5 and 10.5. With 2 df the
    // factor is t_{2, 0.75}/z_{0.75} = √(2/3)/0.6744898 = 1.2104…
    const plain = calibratedInterval(10, Float64Array.of(11, 9, 10), 0.5, false, Infinity);
    expect([plain.lower, plain.upper]).toEqual([9.5, 10.5]);
    const t = calibratedInterval(10, Float64Array.of(11, 9, 10), 0.5, false, 2);
    const factor = Math.sqrt(2 / 3) / 0.6744897501960817;
    expect(t.lower).toBeCloseTo(10 - 0.5 * factor, 6);
    expect(t.upper).toBeCloseTo(10 + 0.5 * factor, 6);
  });

  it("combines degrees of freedom by Welch–Satterthwaite", () => {
    // Two equal contributions with 4 df each: (1 + 1)² / (1/4 + 1/4) = 8.
    expect(
      combinedDf([
        { contribution: 1, df: 4 },
        { contribution: 1, df: 4 },
      ]),
    ).toBe(8);
    // One side without trials (df ∞) and one with: the finite side alone, at least its own df.
    expect(
      combinedDf([
        { contribution: 1, df: Infinity },
        { contribution: 1, df: 2 },
      ]),
    ).toBe(8);
    expect(
      combinedDf([
        { contribution: 1, df: Infinity },
        { contribution: 1, df: Infinity },
      ]),
    ).toBe(Infinity);
  });
});

describe("intervals with trials", () => {
  const width = (i: Interval) => i.upper - i.lower;

  it("one trial gives exactly the ordinary bootstrap interval", () => {
    const r = seededRandom(8);
    const x = Float64Array.from({ length: 300 }, () => 10 * Math.exp(0.3 * r.normal()));
    for (const s of [stat.median(), stat.percentile(0.9), stat.max(), stat.mean()]) {
      expect(bootstrapInterval([x], s, { seed: 3 })).toEqual(bootstrapInterval(x, s, { seed: 3 }));
    }
  });

  it("keeps a maximum's interval within the data's range when the few-trials calibration stretches it past zero", () => {
    // One trial's max (500) far from the others' (12, 13): the rescaled replicates and t with 2 df
    // would put the lower end far below the smallest value (10).
    const trials = [
      [10, 11, 500],
      [10, 11, 12],
      [10, 11, 13],
    ];
    const draws = calibratedDraws(500, twoLevelReplicates(trialSample(trials.map((t) => Float64Array.from(t))), stat.max(), 2000, seededRandom(4), "auto"), 3);
    const stretched = calibratedInterval(500, draws.replicates.sort(), 0.95, true, draws.calibration.df);
    expect(stretched.lower).toBeLessThan(10);
    const interval = bootstrapInterval(trials, stat.max(), { seed: 4 });
    expect(interval.upper).toBe(500);
    expect(interval.lower).toBeGreaterThanOrEqual(10);
  });

  it("widens when trials disagree, and includes the between-trial spread", () => {
    const r = seededRandom(9);
    const trials = [10, 12, 14].map((centre) => Float64Array.from({ length: 200 }, () => centre + r.normal()));
    const pooled = Float64Array.from(trials.flatMap((t) => [...t]));
    const one = bootstrapInterval(pooled, stat.median(), { seed: 1 });
    const two = bootstrapInterval(trials, stat.median(), { seed: 1 });
    expect(two.estimate).toBe(one.estimate);
    expect(width(one)).toBeLessThan(1);
    // Three trial medians 10, 12, 14: sd 2, so the t interval (2 df) is about ±4.3·2/√3 ≈ ±5.
    expect(two.lower).toBeLessThan(9);
    expect(two.upper).toBeGreaterThan(15);
  });

  it("fast replicates agree with full resampling of trials and invocations", () => {
    const r = seededRandom(10);
    const trials = Array.from({ length: 5 }, () => {
      const shift = Math.exp(0.1 * r.normal());
      return Float64Array.from({ length: 400 }, () => 20 * shift * Math.exp(0.5 * r.normal()));
    });
    // Rounded up to whole numbers, as billed milliseconds are: the mean's pair-sum draws.
    const integers = trials.map((t) => Float64Array.from(t, Math.ceil));
    for (const [s, sample] of [
      [stat.median(), trials],
      [stat.percentile(0.9), trials],
      [stat.mean(), trials],
      [stat.mean(), integers],
      [stat.max(), trials],
    ] as const) {
      const fast = bootstrapInterval(sample, s, { method: "auto", resamples: 2000, seed: 1 });
      const full = bootstrapInterval(sample, s, { method: "resample", resamples: 2000, seed: 2 });
      // Monte Carlo error plus the fast draw's random per-trial counts: 20 % of the width.
      const tolerance = 0.2 * width(full);
      expect(Math.abs(fast.lower - full.lower), `${s.name} lower`).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(fast.upper - full.upper), `${s.name} upper`).toBeLessThanOrEqual(tolerance);
    }
  });

  it("reads trials from a table's trial column, and a table without one as one trial", () => {
    const rows = [
      { g: "a", trial: 1, v: 3 },
      { g: "a", trial: 2, v: 1 },
      { g: "a", trial: 1, v: 2 },
      { g: "b", trial: 1, v: 5 },
    ];
    const { keys, samples } = trialGroups(aq.from(rows), ["g"], "v");
    expect(keys).toEqual([{ g: "a" }, { g: "b" }]);
    expect(samples.map((s) => ({ pooled: [...s.pooled], trials: s.trials.map((t) => [...t]) }))).toEqual([
      { pooled: [1, 2, 3], trials: [[2, 3], [1]] },
      { pooled: [5], trials: [[5]] },
    ]);
    expect(trialCounts(aq.from(rows), ["g"]).counts).toEqual([2, 1]);
    const without = aq.from(rows).select("g", "v");
    expect(trialGroups(without, ["g"], "v").samples[0]!.trials.map((t) => [...t])).toEqual([[1, 2, 3]]);
    expect(trialCounts(without, ["g"]).counts).toEqual([1, 1]);
    // The table summary gives the same interval as the sample's.
    const o = bootstrapOptions({ seed: 4 });
    const summary = bootstrapSummary(aq.from(rows), ["g"], "v", [stat.median()], o).objects()[0] as Record<string, number>;
    expect(summary.medianLower).toBe(bootstrapInterval([Float64Array.of(2, 3), Float64Array.of(1)], stat.median(), { ...o, stream: ["v", "a"] }).lower);
  });
});

describe("interval notes", () => {
  it("say whether run-to-run variation is in the intervals", async () => {
    const { trialsNote } = await import("../lib/narrative/messages.js");
    expect(trialsNote({ min: 1, max: 1 })).toBe(
      "Each group was measured in one trial (one run), so the intervals show the spread inside that run only: **run-to-run variation was not measured**.",
    );
    expect(trialsNote({ min: 3, max: 3 })).toBe(
      "Each group was measured in 3 trials, and the intervals come from a two-level bootstrap (trials, then invocations), so they include run-to-run variation.",
    );
    expect(trialsNote({ min: 1, max: 4 })).toBe(
      "Groups measured in 2 to 4 trials have two-level intervals that include run-to-run variation; for groups measured in one trial, **run-to-run variation was not measured**.",
    );
  });
});
