// compareRuns and costByGroup on tables as the report loads them (fixture datasets written by the
// report tests' generator into a temp dir), so the pieces fit the loader's columns.
import { afterAll, describe, expect, it } from "vitest";
import { analysisOf } from "../lib/analysis.js";
import { compareRuns } from "../lib/compare/index.js";
import { costByGroup, loadPriceTable } from "../lib/cost/index.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());

describe("on loaded datasets", () => {
  it("compares two runs of the same made-up model without flagging a change on the medians, and prices every group", async () => {
    const a = await fixtures.load({ "fixture-a": { seed: 1, invocationsPerFunction: 300 } });
    const b = await fixtures.load({ "fixture-b": { seed: 2, invocationsPerFunction: 300 } });
    const comparison = compareRuns(analysisOf(a).table, analysisOf(b).table, { uncertainty: { resamples: 500 } });
    const medians = comparison.changes.filter((c) => c.metric === "total-p50");
    expect(medians.length).toBeGreaterThan(0);
    expect(medians.filter((c) => c.verdict !== "no clear difference").map((c) => `${c.group.runtime}/${c.group.function} ${c.relative}`)).toEqual([]);
    expect(comparison.onlyInBaseline).toEqual([]);

    const cost = costByGroup(analysisOf(a).table, { rule: "aws-pre-2025-08", prices: loadPriceTable(), uncertainty: { resamples: 500 } });
    expect(cost.length).toBe(medians.length);
    for (const c of cost) {
      expect(c.usdPerMillion).toBeGreaterThan(c.requestUsdPerMillion);
      expect(c.usdPerMillionLower!).toBeLessThanOrEqual(c.usdPerMillion);
      expect(c.usdPerMillionUpper!).toBeGreaterThanOrEqual(c.usdPerMillion);
    }
  });
});
