// The comparison report on two FIXTURE runs of the made-up model (different noise seeds), the
// candidate with a planted regression: Node.js `search` 1.5× slower. It must be named, drawn and
// tabled as a regression, and nothing else on the medians.
import { compile } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildComparison, type Block, type ComparisonResult } from "../lib/index.js";
import { fixtureSet } from "./helpers.js";
import { vegaLiteValidator } from "./vega-lite-schema.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());
const validate = vegaLiteValidator();

let report: ComparisonResult;
let same: ComparisonResult;
beforeAll(async () => {
  const baseline = await fixtures.load({ "fixture-baseline": { seed: 1, invocationsPerFunction: 300 } });
  const candidate = await fixtures.load({
    "fixture-candidate": { seed: 2, invocationsPerFunction: 300, slowdown: { runtime: "node", function: "search", factor: 1.5 } },
  });
  const rerun = await fixtures.load({ "fixture-rerun": { seed: 3, invocationsPerFunction: 300 } });
  report = buildComparison(baseline, candidate, { resamples: 500 });
  same = buildComparison(baseline, rerun, { resamples: 500 });
});

const text = (r: ComparisonResult) => r.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const changes = (r: ComparisonResult) => (r.blocks.find((b) => b.kind === "table") as Extract<Block, { kind: "table" }>).rows;
const figureOf = (r: ComparisonResult) => (r.blocks.find((b) => b.kind === "figure") as Extract<Block, { kind: "figure" }>).spec;

describe("comparison report", () => {
  it("finds the planted regression on the medians, and only it", () => {
    const p50 = changes(report).filter((r) => r.metric === "p50 Total Duration" && r.verdict !== "no clear difference");
    expect(p50.map((r) => `${String(r.runtime)}/${String(r.function)} ${String(r.verdict)}`)).toEqual(["Node.js/search regression"]);
    const row = p50[0]!;
    // The made-up model's median grows by the planted factor (noise seeds differ, so roughly).
    expect(row.relativePct as number).toBeGreaterThan(35);
    expect(row.relativePct as number).toBeLessThan(65);
    expect(row.changeLower as number).toBeGreaterThan(0);
  });

  it("names the regression in its sentences, with the change and its interval", () => {
    const t = text(report);
    expect(t).toMatch(/\*\*\d+ (is a regression|are regressions)\*\*/);
    expect(t).toMatch(
      /- Node\.js · `search` · 128 MB: p50 Total Duration [\d.]+ ms → [\d.]+ ms \(\+\d+ %; change \+[\d.]+ ms, interval \+[\d.]+ ms … \+[\d.]+ ms\)\./,
    );
    expect(t).toContain("fixture-baseline");
    expect(t).toContain("fixture-candidate");
  });

  it("says so when two runs of the same model show no regression on the medians", () => {
    expect(changes(same).filter((r) => r.metric === "p50 Total Duration" && r.verdict !== "no clear difference")).toEqual([]);
    expect(text(same)).not.toContain("Node.js · `search` · 128 MB: p50");
  });

  it("draws the largest changes in a schema-valid figure, the planted regression first", () => {
    const spec = figureOf(report);
    expect(validate(spec)).toBeNull();
    expect(() => compile(spec as never)).not.toThrow();
    const bars = (spec.data as { values: { label: string; verdict: string; relativePct: number }[] }).values;
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.length).toBeLessThanOrEqual(20);
    expect(bars.some((b) => b.label.startsWith("Node.js · search · 128 MB") && b.verdict === "regression")).toBe(true);
    expect(bars[0]!.verdict).toBe("regression");
    expect(JSON.stringify(spec)).toContain("FIXTURE DATA");
  });

  it("tables every change with its interval and verdict", () => {
    const rows = changes(report);
    // 4 runtimes × 4 benchmark functions × 7 metrics at one memory size.
    expect(rows).toHaveLength(4 * 4 * 7);
    for (const r of rows) {
      expect(["regression", "improvement", "no clear difference"]).toContain(r.verdict);
      expect(r.changeLower as number).toBeLessThanOrEqual(r.changeUpper as number);
    }
  });
});
