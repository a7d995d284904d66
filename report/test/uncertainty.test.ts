// Bootstrap intervals: known answers, coverage, determinism, agreement of the fast and the full
// resampler, edge cases. Samples are generated here, seeded (fixtures, not measurements).
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { percentileOfSorted } from "../lib/metrics/percentile.js";
import { stat, summarise } from "../lib/metrics/statistics.js";
import {
  bootstrapInterval,
  bootstrapMethod,
  bootstrapOptions,
  bootstrapSummary,
  compareIntervals,
  integerSample,
  pairSums,
  lowerColumn,
  overlaps,
  percentileBySelection,
  performanceIndexIntervals,
  piCellsOf,
  seededRandom,
  selectKth,
  upperColumn,
  UncertaintyError,
  type Interval,
} from "../lib/uncertainty/index.js";

const normalSample = (seed: number, n: number, mean = 100, sd = 10) => {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n }, () => mean + sd * r.normal());
};
const lognormalSample = (seed: number, n: number) => {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n }, () => 20 * Math.exp(0.6 * r.normal()));
};
const width = (i: Interval) => i.upper - i.lower;

describe("seededRandom", () => {
  it("addDraws is the index loop draw for draw: same sum, same order, same generator state after", () => {
    const values = lognormalSample(7, 333);
    for (const [start, count] of [
      [0, 0],
      [0, 1],
      [12.5, 333],
      [-3, 5000],
    ] as const) {
      const [bulk, loop] = [seededRandom(11), seededRandom(11)];
      bulk.normal(); // a spare normal is pending in both, and must survive
      loop.normal();
      let expected = start;
      for (let i = 0; i < count; i++) expected += values[loop.index(values.length)]!;
      expect(bulk.addDraws(start, values, count)).toBe(expected);
      expect([bulk.normal(), bulk.uniform(), bulk.index(97)]).toEqual([loop.normal(), loop.uniform(), loop.index(97)]);
    }
  });
});

describe("seededRandom on integer samples", () => {
  it("addDraws with the integer copy gives the same sum and leaves the generator in the same state", () => {
    const r = seededRandom(3);
    for (const n of [1, 2, 7, 250, 1501, 65536]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(r.uniform() * 4000) - (n % 2 === 0 ? 0 : 1000));
      const integers = integerSample(values);
      expect(integers, `n ${n}`).not.toBeNull();
      for (const [start, count] of [
        [0, 0],
        [0, 1],
        [40, n],
        [-7, 3 * n + 1],
      ] as const) {
        const [fast, plain] = [seededRandom(n + count), seededRandom(n + count)];
        expect(fast.addDraws(start, values, count, integers), `n ${n}, count ${count}`).toBe(plain.addDraws(start, values, count));
        expect([fast.uniform(), fast.index(97)]).toEqual([plain.uniform(), plain.index(97)]);
      }
    }
  });

  it("addPairDraws draws every pair equally often: the sum of two and of three draws from {0, 1, 2}", () => {
    const pairs = pairSums(integerSample(Float64Array.of(0, 1, 2))!)!;
    const r = seededRandom(12);
    const tally = (count: number, draws: number) => {
      const f = new Map<number, number>();
      for (let i = 0; i < draws; i++) {
        const v = r.addPairDraws(5, pairs, count) - 5;
        f.set(v, (f.get(v) ?? 0) + 1 / draws);
      }
      return f;
    };
    // Two draws: 0…4 with 1, 2, 3, 2, 1 ninths. Three: 0…6 with 1, 3, 6, 7, 6, 3, 1 in 27.
    const two = tally(2, 200000);
    [1, 2, 3, 2, 1].forEach((k, v) => expect(two.get(v)!, `two: ${v}`).toBeCloseTo(k / 9, 2));
    const three = tally(3, 200000);
    [1, 3, 6, 7, 6, 3, 1].forEach((k, v) => expect(three.get(v)!, `three: ${v}`).toBeCloseTo(k / 27, 2));
    expect(pairSums(integerSample(new Float64Array(513))!)).toBeNull();
  });

  it("has no integer copy for fractions, huge values or samples past 2^16, and falls back for a fractional start", () => {
    expect(integerSample(Float64Array.of(1, 2.5))).toBeNull();
    expect(integerSample(Float64Array.of(2 ** 31))).toBeNull();
    expect(integerSample(new Float64Array(65537))).toBeNull();
    const values = Float64Array.of(1, 2, 3);
    const [fast, plain] = [seededRandom(9), seededRandom(9)];
    expect(fast.addDraws(0.1, values, 100, integerSample(values))).toBe(plain.addDraws(0.1, values, 100));
  });
});

describe("selection", () => {
  it("selectKth puts the k-th smallest at k, smaller left and larger right (both the Floyd–Rivest and the plain branch)", () => {
    for (const n of [1, 2, 7, 600, 601, 5000]) {
      const values = lognormalSample(n, n);
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, Math.floor(n / 3), n - 1]) {
        const a = Float64Array.from(values);
        selectKth(a, k);
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(a[k]!);
        for (let i = k + 1; i < n; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[k]!);
      }
    }
  });

  it("percentileBySelection gives the report's percentile definition, ties included", () => {
    const r = seededRandom(3);
    for (const n of [1, 2, 3, 10, 999, 4001]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(r.uniform() * 20)); // many ties
      const sorted = Float64Array.from(values).sort();
      for (const p of [0, 0.1, 0.5, 0.9, 0.99, 0.999, 1]) {
        expect(percentileBySelection(Float64Array.from(values), p)).toBeCloseTo(percentileOfSorted(sorted, p)!, 12);
      }
    }
    expect(percentileBySelection(new Float64Array(0), 0.5)).toBeNull();
  });
});

describe("bootstrapInterval", () => {
  it("gives a zero-width interval at the value for a constant sample, with both resamplers", () => {
    const constant = new Float64Array(500).fill(42);
    for (const method of ["auto", "resample"] as const) {
      for (const s of [stat.median(), stat.percentile(0.9), stat.max(), stat.mean(), stat.min()]) {
        const i = bootstrapInterval(constant, s, { method, resamples: 200 });
        expect([i.estimate, i.lower, i.upper]).toEqual([42, 42, 42]);
      }
    }
  });

  it("has near-nominal coverage for the median of normal samples (200 trials at 95 %)", () => {
    // True median 100. With 200 independent trials the observed coverage of a 95 % interval has
    // a binomial standard deviation of √(0.95·0.05/200) ≈ 1.5 points; the percentile bootstrap of a
    // median at n = 101 is known to be close to nominal, so we allow ±3 sd: [90 %, 99 %]. A broken
    // interval (e.g. one resample stream for all trials, or wrong tail quantiles) falls outside.
    let covered = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const i = bootstrapInterval(normalSample(1000 + t, 101), stat.median(), { resamples: 1000, seed: t, confidence: 0.95 });
      if (i.lower <= 100 && 100 <= i.upper) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.9);
    expect(covered / trials).toBeLessThanOrEqual(0.99);
  });

  it("has near-nominal coverage for the mean at 90 % (same reasoning: sd ≈ 2.1 points, allow [84 %, 96 %])", () => {
    let covered = 0;
    for (let t = 0; t < 200; t++) {
      const i = bootstrapInterval(normalSample(5000 + t, 60), stat.mean(), { resamples: 1000, seed: t, confidence: 0.9 });
      if (i.lower <= 100 && 100 <= i.upper) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.84);
    expect(covered / 200).toBeLessThanOrEqual(0.96);
  });

  it("is deterministic: same sample and seed give byte-identical intervals; another seed moves them", () => {
    const x = lognormalSample(7, 3000);
    for (const s of [stat.percentile(0.9), stat.mean(), stat.max()]) {
      const a = bootstrapInterval(x, s, { seed: 11 });
      const b = bootstrapInterval(Float64Array.from(x), s, { seed: 11 });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
    const a = bootstrapInterval(x, stat.percentile(0.9), { seed: 11 });
    const c = bootstrapInterval(x, stat.percentile(0.9), { seed: 12 });
    expect(c.estimate).toBe(a.estimate);
    expect([c.lower, c.upper]).not.toEqual([a.lower, a.upper]);
    // The stream key separates samples bootstrapped under one seed.
    const d = bootstrapInterval(x, stat.percentile(0.9), { seed: 11, stream: ["other group"] });
    expect([d.lower, d.upper]).not.toEqual([a.lower, a.upper]);
  });

  it("fast replicates (order statistics, mean expansion) agree with full resampling", () => {
    // Both are the same bootstrap; endpoints differ by Monte Carlo error only. With 2,000
    // replicates that error is a few percent of the width, so 15 % of the width is a safe bound
    // that still catches an off-by-one rank (which shifts a p99 endpoint by a whole gap).
    const x = lognormalSample(21, 12_000); // skewed, and above the mean-expansion threshold
    for (const s of [stat.median(), stat.percentile(0.99), stat.percentile(0.1), stat.mean()]) {
      const fast = bootstrapInterval(x, s, { method: "auto", resamples: 2000, seed: 1 });
      const full = bootstrapInterval(x, s, { method: "resample", resamples: 2000, seed: 2 });
      const tolerance = 0.15 * width(full);
      expect(Math.abs(fast.lower - full.lower), `${s.name} lower`).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(fast.upper - full.upper), `${s.name} upper`).toBeLessThanOrEqual(tolerance);
    }
  });

  it("never reaches above the sample max for a max, and flags it as degenerate", () => {
    const x = lognormalSample(5, 400);
    const max = Math.max(...x);
    const i = bootstrapInterval(x, stat.max(), { resamples: 2000 });
    expect(i.estimate).toBe(max);
    expect(i.upper).toBe(max);
    expect(i.lower).toBeLessThan(max);
    expect(i.degenerate).toBe(true);
    expect(bootstrapInterval(x, stat.median()).degenerate).toBe(false);
  });

  it("handles n = 1 (zero width) and refuses empty or non-finite samples and bad options clearly", () => {
    expect(bootstrapInterval([7], stat.percentile(0.99))).toMatchObject({ estimate: 7, lower: 7, upper: 7 });
    expect(() => bootstrapInterval([], stat.median())).toThrow(UncertaintyError);
    expect(() => bootstrapInterval([], stat.median())).toThrow("cannot bootstrap median: the sample is empty");
    expect(() => bootstrapInterval([1, Number.NaN], stat.mean())).toThrow("value at index 1 is NaN");
    expect(() => bootstrapInterval([1, 2], stat.count())).toThrow('no bootstrap for statistic "count"');
    expect(() => bootstrapInterval([1, 2], stat.percentile(1.5))).toThrow("outside [0, 1]");
    expect(() => bootstrapOptions({ resamples: 0 })).toThrow("bootstrap option resamples = 0: expected a positive integer");
    expect(() => bootstrapOptions({ confidence: 95 })).toThrow("confidence = 95");
  });
});

describe("bootstrapSummary (arquero tables)", () => {
  const r = seededRandom(9);
  const groups = ["a", "b", "c"];
  const rows = groups.flatMap((g, gi) => Array.from({ length: 300 }, () => ({ g, v: (gi + 1) * 10 * Math.exp(0.3 * r.normal()) })));
  const table = aq.from(rows);
  const stats = [stat.median(), stat.percentile(0.9), stat.max(), stat.mean()];

  it("gives the same estimates as summarise, each inside its interval (max: at its upper end)", () => {
    const point = summarise(table, ["g"], "v", stats).objects() as Record<string, number>[];
    const boot = bootstrapSummary(table, ["g"], "v", stats).objects() as Record<string, number>[];
    expect(boot.map((b) => b.g)).toEqual(groups);
    boot.forEach((b, i) => {
      for (const s of stats) {
        expect(b[s.name]).toBeCloseTo(point[i]![s.name]!, 9);
        expect(b[lowerColumn(s.name)]!).toBeLessThanOrEqual(b[s.name]!);
        expect(b[upperColumn(s.name)]!).toBeGreaterThanOrEqual(b[s.name]!);
      }
    });
  });

  it("keeps a group's interval when other groups are added (streams follow group keys, not order)", () => {
    const alone = bootstrapSummary(table.filter((d: { g: string }) => d.g === "b").reify(), ["g"], "v", stats).objects();
    const all = bootstrapSummary(table, ["g"], "v", stats).objects();
    expect(alone[0]).toEqual(all[1]);
  });
});

describe("interval verdicts", () => {
  const iv = (lower: number, upper: number) => ({ lower, upper });
  it("says which is lower only without overlap", () => {
    expect(compareIntervals(iv(1, 2), iv(3, 4))).toBe("a lower");
    expect(compareIntervals(iv(3, 4), iv(1, 2))).toBe("b lower");
    expect(compareIntervals(iv(1, 3), iv(2, 4))).toBe("no clear difference");
    expect(compareIntervals(iv(1, 2), iv(2, 4))).toBe("no clear difference"); // touching
    expect(overlaps(iv(1, 2), iv(2, 3))).toBe(true);
    expect(overlaps(iv(1, 2), iv(2.5, 3))).toBe(false);
    expect(overlaps(iv(5, 5), iv(5, 5))).toBe(true);
  });
});

describe("bootstrapMethod", () => {
  it("states the parameters actually used and the degenerate max", () => {
    const text = bootstrapMethod(bootstrapOptions({ resamples: 1234, confidence: 0.9, seed: 77 }));
    expect(text).toContain("90 % bootstrap confidence interval");
    expect(text).toContain("1,234 resamples");
    expect(text).toContain("seed 77");
    expect(text).toContain("5 % to the 95 % percentile");
    expect(text).toContain("can never exceed the observed maximum");
    expect(text).not.toContain("Comparison verdicts");
    expect(bootstrapMethod(bootstrapOptions(), { minEffect: 0.05 })).toContain("at least 5 % of the baseline value");
  });

  it("says plainly that run-to-run variation was not measured with one trial, and names the two-level scheme with several", () => {
    const one = bootstrapMethod(bootstrapOptions());
    expect(one).toContain("Every group was measured in one trial. **Between-run variation was not measured**");
    expect(one).not.toContain("two-level");
    const five = bootstrapMethod(bootstrapOptions(), { trials: { min: 5, max: 5 } });
    expect(five).toContain("Groups measured in several trials (here 5) get a **two-level bootstrap**");
    // t(4)/z at 95 %: 2.776/1.960.
    expect(five).toContain("for T = 5: 2.78/1.96");
    expect(five).not.toContain("Between-run variation was not measured");
    const mixed = bootstrapMethod(bootstrapOptions(), { trials: { min: 1, max: 3 } });
    expect(mixed).toContain("(here 2 to 3)");
    expect(mixed).toContain("**Between-run variation was not measured** for groups measured in one trial");
  });
});

describe("performanceIndexIntervals", () => {
  // Three runtimes × two functions, lognormal fixture samples; "slow" is about 3× "fast".
  const r = seededRandom(31);
  const scale = { fast: 10, mid: 15, slow: 30 } as const;
  const cells = (["wave", "search"] as const).flatMap((fn, f) =>
    (Object.keys(scale) as (keyof typeof scale)[]).map((runtime) => ({
      setting: "fixture · 128 MB",
      function: fn,
      runtime,
      values: Float64Array.from({ length: 400 }, () => scale[runtime] * (f + 1) * Math.exp(0.2 * r.normal())),
    })),
  );

  for (const statistic of [stat.median(), stat.percentile(0.9), stat.max(), stat.mean()]) {
    it(`contains the point estimate and matches the point metric (${statistic.name})`, () => {
      const pi = performanceIndexIntervals(cells, statistic, { resamples: 1000 });
      expect(pi.perFunction).toHaveLength(6);
      for (const row of pi.perFunction) {
        const v = row.value!.estimate;
        const worst = Math.max(...pi.perFunction.filter((x) => x.function === row.function).map((x) => x.value!.estimate));
        expect(row.pi!.estimate).toBeCloseTo(worst / v, 12);
        expect(row.pi!.lower).toBeLessThanOrEqual(row.pi!.estimate);
        expect(row.pi!.upper).toBeGreaterThanOrEqual(row.pi!.estimate);
        expect(row.pi!.lower).toBeGreaterThanOrEqual(1); // the worst of each resample scores exactly 1
      }
      for (const o of pi.overall) {
        const own = pi.perFunction.filter((x) => x.runtime === o.runtime);
        expect(o.functions).toBe(2);
        expect(o.pi!.estimate).toBeCloseTo((own[0]!.pi!.estimate + own[1]!.pi!.estimate) / 2, 12);
        expect(o.pi!.lower).toBeLessThanOrEqual(o.pi!.estimate);
        expect(o.pi!.upper).toBeGreaterThanOrEqual(o.pi!.estimate);
      }
      const fast = pi.overall.find((o) => o.runtime === "fast")!.pi!;
      const mid = pi.overall.find((o) => o.runtime === "mid")!.pi!;
      expect(fast.estimate).toBeGreaterThan(2.5);
      expect(compareIntervals(mid, fast)).toBe("a lower"); // mid's index is clearly below fast's
    });
  }

  it("gives a zero-width index for constant samples and is deterministic", () => {
    const constant = [
      { setting: "s", function: "f", runtime: "a", values: [10, 10, 10] },
      { setting: "s", function: "f", runtime: "b", values: [40, 40] },
    ];
    const pi = performanceIndexIntervals(constant, stat.max());
    expect(pi.perFunction.map((x) => [x.pi!.lower, x.pi!.upper])).toEqual([
      [4, 4],
      [1, 1],
    ]);
    expect(JSON.stringify(performanceIndexIntervals(cells, stat.percentile(0.9), { seed: 5 }))).toBe(
      JSON.stringify(performanceIndexIntervals(cells, stat.percentile(0.9), { seed: 5 })),
    );
  });

  it("leaves v = 0 without an index, as the point metric does", () => {
    const pi = performanceIndexIntervals(
      [
        { setting: "s", function: "f", runtime: "a", values: [0, 0] },
        { setting: "s", function: "f", runtime: "b", values: [5, 6] },
      ],
      stat.min(),
    );
    expect(pi.perFunction.find((x) => x.runtime === "a")!.pi).toBeNull();
    expect(pi.overall.find((x) => x.runtime === "a")).toMatchObject({ pi: null, functions: 0 });
  });

  it("builds its cells from a report table", () => {
    const table = aq.from(
      cells.flatMap((c) =>
        Array.from(c.values, (v) => ({ dataset: "fixture", memoryMB: 128, architecture: "x86_64", runtime: c.runtime, function: c.function, v })),
      ),
    );
    const fromTable = piCellsOf(table, "v");
    expect(fromTable.map((c) => `${c.setting}|${c.function}|${c.runtime}|${c.values.pooled.length}`)).toContain("fixture · 128 · x86_64|search|slow|400");
    expect(piCellsOf(table, "v", { functions: ["wave"] }).every((c) => c.function === "wave")).toBe(true);
  });
});
