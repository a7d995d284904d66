// The cost section on tiny FIXTURE datasets whose invocations are written out below (made-up
// numbers chosen for easy arithmetic, not measurements), checked against values worked by hand
// under each billing rule; the report options (--billing-rule, --prices) change it as expected.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "vega-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { InvocationRow } from "../../runners/dataset/contract.js";
import { loadPriceTable } from "../lib/cost/index.js";
import { buildSection, type Block, type Datasets } from "../lib/index.js";
import { fixtureSet } from "./helpers.js";
import { vegaLiteValidator } from "./vega-lite-schema.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());
const validate = vegaLiteValidator();

let clock = Date.parse("2025-09-01T10:00:00.000Z");
function inv(runtime: string, memoryMB: number, durationMs: number, initDurationMs: number | null, billedDurationMs: number): InvocationRow {
  const seq = clock - Date.parse("2025-09-01T10:00:00.000Z");
  return {
    runtime,
    function: "wave",
    memoryMB,
    architecture: "x86_64",
    trial: 1,
    requestId: `req-${seq}`,
    timestamp: new Date((clock += 7)).toISOString(),
    instanceId: `inst-${runtime}-${memoryMB}`,
    durationMs,
    billedDurationMs,
    maxMemoryUsedMB: 30,
    initDurationMs,
    restoreDurationMs: null,
    status: "success",
    errorType: "",
  };
}

// One cold and one warm invocation per runtime and memory size. The REPORT lines' billed
// durations follow the pre-2025-08 rule (INIT billed for the custom runtime, Go, only):
//   128 MB:  Node.js 10.2 + INIT 150.3 → 11, 4.01 → 5;   Go → 161, 5
//   1024 MB: Node.js 1.2 + INIT 10.5 → 2, 0.3 → 1;       Go → 12, 1
const rows = [
  inv("node", 128, 10.2, 150.3, 11),
  inv("node", 128, 4.01, null, 5),
  inv("go", 128, 10.2, 150.3, 161),
  inv("go", 128, 4.01, null, 5),
  inv("node", 1024, 1.2, 10.5, 2),
  inv("node", 1024, 0.3, null, 1),
  inv("go", 1024, 1.2, 10.5, 12),
  inv("go", 1024, 0.3, null, 1),
];

// Hand-worked, x86_64 at $0.0000166667 per GB-s and $0.20 per million requests:
//   mean billed 83 ms at 128 MB   → 0.083 × 0.125 = 0.010375 GB-s → $0.17291701 + $0.20 = $0.37291701
//   mean billed 8 ms at 128 MB    → 0.001 GB-s                    → $0.0166667  + $0.20 = $0.2166667
//   mean billed 6.5 ms at 1024 MB → 0.0065 GB-s                   → $0.10833355 + $0.20 = $0.30833355
//   mean billed 1.5 ms at 1024 MB → 0.0015 GB-s                   → $0.02500005 + $0.20 = $0.22500005
const HAND = {
  "aws-2025-08": { "Node.js 128": 0.37291701, "Go 128": 0.37291701, "Node.js 1024": 0.30833355, "Go 1024": 0.30833355 },
  "aws-pre-2025-08": { "Node.js 128": 0.2166667, "Go 128": 0.37291701, "Node.js 1024": 0.22500005, "Go 1024": 0.30833355 },
};

const tableOf = (blocks: Block[]) => blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.id === "cost")!;
const text = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const costs = (blocks: Block[]) =>
  Object.fromEntries(tableOf(blocks).rows.map((r) => [`${String(r.runtime)} ${String(r.memoryMB)}`, r.usdPerMillion as number]));

let data: Datasets;
const load = async () => (data ??= await fixtures.load({ "fixture-cost-hand": { invocations: rows, billingRule: "aws-pre-2025-08" } }));

describe("cost section", () => {
  it("equals the hand-worked costs under each billing rule, as reported by default", async () => {
    await load();
    for (const rule of ["aws-2025-08", "aws-pre-2025-08"] as const) {
      const got = costs(buildSection("cost", data, { billingRule: rule, resamples: 200 }).blocks);
      expect(Object.keys(got).sort()).toEqual(Object.keys(HAND[rule]).sort());
      for (const [k, v] of Object.entries(HAND[rule])) expect(got[k], `${rule} ${k}`).toBeCloseTo(v, 5);
    }
    // The dataset reports the pre-2025 rule's billed durations, so "as reported" matches it.
    const reported = costs(buildSection("cost", data, { resamples: 200 }).blocks);
    for (const [k, v] of Object.entries(HAND["aws-pre-2025-08"])) expect(reported[k], k).toBeCloseTo(v, 5);
  });

  it("says when more memory is cheaper, following the rule (Go only before 2025-08; Go and Node.js after)", async () => {
    await load();
    const pre = text(buildSection("cost", data, { billingRule: "aws-pre-2025-08", resamples: 200 }).blocks);
    expect(pre).toContain("in 1 case a larger memory size costs less");
    expect(pre).toContain("Go · `wave` (fixture-cost-hand): 1024 MB costs $0.308 per million against $0.373 at 128 MB, 17 % less");
    expect(pre).not.toContain("Node.js · `wave` (fixture-cost-hand): 1024 MB");
    const post = text(buildSection("cost", data, { billingRule: "aws-2025-08", resamples: 200 }).blocks);
    expect(post).toContain("in 2 cases a larger memory size costs less");
    expect(post).toContain("Node.js · `wave` (fixture-cost-hand): 1024 MB costs $0.308 per million against $0.373 at 128 MB");
    expect(post).toContain("recomputed under `aws-2025-08`");
    expect(pre).not.toContain("more memory never costs less");
  });

  it("says plainly when more memory never costs less, and when there is one memory size only", async () => {
    const dearer = await fixtures.load({
      "fixture-cost-dearer": { invocations: [inv("go", 128, 10, null, 10), inv("go", 256, 10, null, 10)], billingRule: "aws-pre-2025-08" },
    });
    expect(text(buildSection("cost", dearer, { resamples: 50 }).blocks)).toContain("more memory never costs less");
    const single = await fixtures.load({ "fixture-cost-single": { invocations: [inv("go", 128, 10, null, 10)], billingRule: "aws-pre-2025-08" } });
    expect(text(buildSection("cost", single, { resamples: 50 }).blocks)).toContain("one memory size");
  });

  it("compares memory sizes across datasets when each holds other sizes (one run per size), and says so", async () => {
    const split = await fixtures.load({
      "fixture-cost-128": { invocations: rows.filter((r) => r.memoryMB === 128), billingRule: "aws-pre-2025-08" },
      "fixture-cost-1024": { invocations: rows.filter((r) => r.memoryMB === 1024), billingRule: "aws-pre-2025-08" },
    });
    const t = text(buildSection("cost", split, { resamples: 50 }).blocks);
    expect(t).toContain("Each memory size was measured in one dataset only (fixture-cost-128 and fixture-cost-1024)");
    expect(t).toContain("Go · `wave` (across datasets): 1024 MB costs $0.308 per million against $0.373 at 128 MB");
    expect(t).not.toContain("Node.js · `wave` (across datasets)");
  });

  it("prints the price table's date and sources, and follows a user's price table (object or file)", async () => {
    await load();
    const bundled = loadPriceTable();
    const shown = text(buildSection("cost", data, { resamples: 50 }).blocks);
    expect(shown).toContain(`retrieved **${bundled.retrieved}**`);
    for (const s of bundled.sources) expect(shown).toContain(s.url);
    // Double the GB-s price, free requests: Go at 1024 MB under the 2025 rule = 2 × $0.10833355.
    const own = { ...bundled, retrieved: "2030-01-02", architectures: { x86_64: { usdPerGbSecond: 2 * 0.0000166667, usdPerMillionRequests: 0 } } };
    const viaObject = buildSection("cost", data, { billingRule: "aws-2025-08", prices: own, resamples: 50 }).blocks;
    expect(costs(viaObject)["Go 1024"]).toBeCloseTo(0.2166671, 5);
    expect(text(viaObject)).toContain("retrieved **2030-01-02**");
    const file = join(fixtures.dir, "own-prices.json");
    writeFileSync(file, JSON.stringify(own));
    expect(costs(buildSection("cost", data, { billingRule: "aws-2025-08", prices: file, resamples: 50 }).blocks)["Go 1024"]).toBeCloseTo(0.2166671, 5);
    expect(() => buildSection("cost", data, { prices: { ...own, retrieved: "soon" } })).toThrow("field retrieved");
  });

  it("draws a schema-valid figure of cost by memory size, with intervals, labelled as fixture data", async () => {
    await load();
    const fig = buildSection("cost", data, { resamples: 200 }).blocks.find((b) => b.kind === "figure" && b.id === "cost-by-memory");
    expect(fig?.kind).toBe("figure");
    const spec = (fig as Extract<Block, { kind: "figure" }>).spec;
    expect(validate(spec)).toBeNull();
    expect(() => compile(spec as never)).not.toThrow();
    expect(JSON.stringify(spec)).toContain("FIXTURE DATA");
    const values = (spec.data as { values: { runtime: string; memoryMB: number; usdPerMillion: number; lower: number; upper: number }[] }).values;
    expect(values).toHaveLength(4);
    for (const v of values) expect(v.lower).toBeLessThanOrEqual(v.usdPerMillion);
  });

  it("names the cheapest runtime from the numbers: a reversed made-up model reverses it", async () => {
    const cheapest = async (name: string, reverseRanking: boolean) => {
      const d = await fixtures.load({ [name]: { invocationsPerFunction: 60, reverseRanking } });
      return text(buildSection("cost", d, { resamples: 200 }).blocks)
        .match(new RegExp(`In \\*\\*${name} · 128 MB\\*\\*, \`search\` costs least on ([\\w.]+) .* most on ([\\w.]+) `))
        ?.slice(1);
    };
    // The model makes the last manifest runtime fastest, or the first one when reversed.
    expect(await cheapest("fixture-cost-model", false)).toEqual(["Rust", "Node.js"]);
    expect(await cheapest("fixture-cost-reversed", true)).toEqual(["Node.js", "Rust"]);
  });

  it("leaves the other sections' billed numbers following the same rule", async () => {
    await load();
    const billed = (rule?: "aws-2025-08") => buildSection("billed", data, rule ? { billingRule: rule, resamples: 50 } : { resamples: 50 });
    const mean = (blocks: Block[]) =>
      blocks
        .flatMap((b) => (b.kind === "table" && b.id === "billed-values" ? b.rows : []))
        .find((r) => r.runtime === "Node.js" && r.setting === "fixture-cost-hand · 128 MB")?.value;
    expect(mean(billed().blocks)).toBe(8);
    expect(mean(billed("aws-2025-08").blocks)).toBe(83);
    expect(text(billed("aws-2025-08").blocks)).toContain("the dataset recorded aws-pre-2025-08");
  });
});
