// The findings layer on a FIXTURE dataset: the Performance Index's one computation gives the point
// metric's own numbers (metrics/performance-index.ts) with intervals around them, the concurrency
// gain is the metric's with its interval, and a finding asked twice is computed once.
import * as aq from "arquero";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisOf, type Analysis } from "../lib/analysis.js";
import { concurrencyGains } from "../lib/findings/concurrency-gain.js";
import { performanceIndexOf } from "../lib/findings/performance-index.js";
import { worstCase } from "../lib/findings/worst-case.js";
import { concurrencyGain } from "../lib/metrics/concurrency-gain.js";
import { GROUP_KEYS, SETTING_KEYS } from "../lib/metrics/grouping.js";
import { overallPerformanceIndex, performanceIndex } from "../lib/metrics/performance-index.js";
import { stat, summarise } from "../lib/metrics/statistics.js";
import { TOTAL_DURATION } from "../lib/metrics/total-duration.js";
import { bootstrapOptions } from "../lib/uncertainty/index.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
let a: Analysis;
const bootstrap = bootstrapOptions({ resamples: 200 });
beforeAll(async () => {
  a = analysisOf(await fixtures.load({ "fixture-findings-128mb": { memorySizes: [128], trials: 2, trialSpread: 0.1, invocationsPerFunction: 30, seed: 11 } }));
});
afterAll(() => fixtures.cleanup());

describe("performanceIndexOf", () => {
  for (const statistic of [stat.max(), stat.mean()]) {
    it(`gives the point metric's values and indexes in its row order, inside their intervals (${statistic.name})`, () => {
      const pi = performanceIndexOf(a, TOTAL_DURATION, statistic, bootstrap);
      const values = (summarise(a.table, GROUP_KEYS, TOTAL_DURATION, [statistic]).objects() as Record<string, unknown>[])
        .filter((r) => a.functions.includes(r.function as string))
        .map((r) => ({ ...r, value: r[statistic.name] }));
      const perFunction = performanceIndex(aq.from(values), { value: "value", within: [...SETTING_KEYS, "function"] });
      const overall = overallPerformanceIndex(perFunction, [...SETTING_KEYS]).objects() as Record<string, unknown>[];

      expect(pi.perFunction.map((r) => [r.dataset, r.memoryMB, r.function, r.runtimeId, r.value, r.pi])).toEqual(
        (perFunction.objects() as Record<string, unknown>[]).map((r) => [r.dataset, r.memoryMB, r.function, r.runtime, r.value, r.pi]),
      );
      expect(pi.overall.map((o) => [o.runtimeId, o.pi, o.functions])).toEqual(overall.map((o) => [o.runtime, o.pi, o.functions]));
      for (const r of [...pi.perFunction, ...pi.overall]) {
        expect(r.piLower).toBeLessThanOrEqual(r.pi!);
        expect(r.piUpper).toBeGreaterThanOrEqual(r.pi!);
      }
      for (const r of pi.perFunction) {
        expect(r.valueLower).toBeLessThanOrEqual(r.value!);
        expect(r.valueUpper).toBeGreaterThanOrEqual(r.value!);
      }
    });
  }
});

describe("concurrencyGains", () => {
  it("gives the metric's gains, each inside its interval", () => {
    const gains = concurrencyGains(a, bootstrap);
    const metric = concurrencyGain(a.table, a.pairs).objects() as Record<string, unknown>[];
    expect(gains.length).toBeGreaterThan(0);
    expect(gains.map((g) => [g.runtimeId, g.base, g.variant, g.gainPct])).toEqual(metric.map((m) => [m.runtime, m.base, m.variant, m.gainPct]));
    for (const g of gains) {
      expect(g.gainPctLower).toBeLessThanOrEqual(g.gainPct!);
      expect(g.gainPctUpper).toBeGreaterThanOrEqual(g.gainPct!);
    }
  });
});

describe("findings are computed once", () => {
  it("returns the same object for the same analysis and options, another for other options", () => {
    expect(worstCase(a, bootstrap)).toBe(worstCase(a, bootstrap));
    expect(worstCase(a, bootstrapOptions({ resamples: 200, seed: 3 }))).not.toBe(worstCase(a, bootstrap));
  });
});
