// The Memory and cost section on FIXTURE datasets: hand-written invocations with a planted shape
// (made-up numbers, not measurements) — at 256 MB the function is cheaper and clearly faster
// than at 128 MB, and 512 MB is no clearer faster but dearer — and the one-size case.
import { join } from "node:path";
import { compile } from "vega-lite";
import { afterAll, describe, expect, it } from "vitest";
import { averagesMeta, importPowerTuning } from "../../runners/collect/import-power-tuning.js";
import type { InvocationRow } from "../../runners/dataset/contract.js";
import { writeDataset } from "../../runners/dataset/write.js";
import { loadDatasets } from "../lib/index.js";
import { vegaLiteValidator } from "./vega-lite-schema.js";
import { buildSection, type Block, type Datasets } from "../lib/index.js";
import { protocolGroups } from "../lib/comparability.js";
import { memoryCostMessages } from "../lib/narrative/memory-cost-messages.js";
import { analysisUnder } from "../lib/billing-rule.js";
import { memorySweep } from "../lib/findings/memory-sweep.js";
import { bootstrapOptions } from "../lib/uncertainty/index.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());

let clock = Date.parse("2025-09-01T10:00:00.000Z");
function inv(memoryMB: number, durationMs: number, seq: number): InvocationRow {
  return {
    runtime: "node",
    function: "wave",
    memoryMB,
    architecture: "x86_64",
    trial: 1,
    requestId: `req-${memoryMB}-${seq}`,
    timestamp: new Date((clock += 7)).toISOString(),
    instanceId: `inst-${memoryMB}`,
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    maxMemoryUsedMB: 30,
    initDurationMs: null,
    restoreDurationMs: null,
    status: "success",
    errorType: "",
  };
}
/** 60 warm invocations at `base` plus a sparse upper tail of up to 10 ms (golden-ratio sequence, to the 4th power). */
const at = (memoryMB: number, base: number) =>
  Array.from({ length: 60 }, (_, i) => inv(memoryMB, Math.round((base + 10 * ((i * 0.6180339887) % 1) ** 4) * 1000) / 1000, i));

const text = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const tableOf = (blocks: Block[], id: string) => blocks.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table" && b.id === id)!;

let sweep: Datasets;
let single: Datasets;
afterAll(() => undefined);

describe("Memory and cost", async () => {
  sweep = await fixtures.load({
    "fixture-sweep-128mb": { invocations: at(128, 100) },
    "fixture-sweep-256mb": { invocations: at(256, 40) },
    "fixture-sweep-512mb": { invocations: at(512, 39.8) },
  });
  single = await fixtures.load({ "fixture-single-128mb": { invocations: at(128, 100) } });

  it("says where more memory costs less and where it stops helping", () => {
    const s = buildSection("memory-cost", sweep);
    const t = text(s.blocks);
    expect(t).toContain("- Node.js · `wave`: **more memory costs less** — 256 MB costs $0.378 per million against $0.414 at 128 MB (8.8 % less).\n");
    expect(t).toContain(
      "- Node.js · `wave`: p50 falls from 101 ms at 128 MB to 40.6 ms at 256 MB, and **stops helping** there: no larger size up to 512 MB is clearly faster; p99 falls from 109 ms at 128 MB to 49.4 ms at 256 MB, and **stops helping** there: no larger size up to 512 MB is clearly faster.\n",
    );
    expect(t).not.toContain(memoryCostMessages.needsTwoSizes([128]));
  });

  it("marks the frontier: 128 MB is beaten on both cost and speed by 256 MB", () => {
    const rows = tableOf(buildSection("memory-cost", sweep).blocks, "memory-cost").rows;
    expect(rows.map((r) => [r.memoryMB, r.onFrontier])).toEqual([
      [128, false],
      [256, true],
      [512, true],
    ]);
  });

  it("recommends per power-tuning on its averages, and says no clear difference on p99", () => {
    const rows = tableOf(buildSection("memory-cost", sweep).blocks, "recommendations").rows;
    const pick = (strategy: string, basis: string) => rows.find((r) => r.strategy === strategy && r.basis === basis);
    expect(pick("cost", "power-tuning averages")).toMatchObject({ memoryMB: 256 });
    expect(pick("speed", "power-tuning averages")).toMatchObject({ memoryMB: 512 });
    expect(pick("cost", "p99")).toMatchObject({ memoryMB: 256, runnerUpMB: 128, clear: true });
    expect(pick("speed", "p99")).toMatchObject({ memoryMB: 512, runnerUpMB: 256, clear: false });
    const t = text(buildSection("memory-cost", sweep, { strategy: "speed" }).blocks);
    expect(t).toContain("Node.js · `wave`: on power-tuning's averages speed 512 MB; tail-aware (p99) speed 512 MB (no clear difference from 256 MB).");
  });

  it("gives the same picks, verdicts and estimates when only the intervals the verdicts read are computed (the Summary's shortcut)", async () => {
    const data = await fixtures.load({
      "fixture-picks-128mb": { memorySizes: [128], seed: 5 },
      "fixture-picks-512mb": { memorySizes: [512], seed: 6 },
      "fixture-picks-1024mb": { memorySizes: [1024], seed: 7 },
      "fixture-picks-3008mb": { memorySizes: [3008], seed: 8 },
    });
    const a = analysisUnder(data, undefined);
    const recs = (mode: "all" | "picks") => memorySweep(a, bootstrapOptions({}), {}, mode).lines.flatMap((l) => l.recommendations);
    expect(recs("all").length).toBeGreaterThan(0);
    expect(recs("picks")).toEqual(recs("all"));
    // The estimates are the section's own, and so are the intervals at each pick and runner-up; the other ends collapse to the estimate.
    const points = (mode: "all" | "picks") => memorySweep(a, bootstrapOptions({}), {}, mode).lines.flatMap((l) => l.points);
    const [all, picks] = [points("all"), points("picks")];
    expect(picks.map(({ p50, p99, max, usdPerMillion, onFrontier }) => ({ p50, p99, max, usdPerMillion, onFrontier }))).toEqual(
      all.map(({ p50, p99, max, usdPerMillion, onFrontier }) => ({ p50, p99, max, usdPerMillion, onFrontier })),
    );
    const read = new Set(recs("picks").flatMap((r) => (r.basis === "p99" ? [r.memoryMB, r.runnerUpMB].map((m) => `${r.runtimeId}/${r.function}/${m}`) : [])));
    const at = (p: { runtimeId: string; function: string; memoryMB: number }) => read.has(`${p.runtimeId}/${p.function}/${p.memoryMB}`);
    const ends = ({ p99Lower, p99Upper, usdPerMillionLower, usdPerMillionUpper }: (typeof all)[number]) => ({
      p99Lower,
      p99Upper,
      usdPerMillionLower,
      usdPerMillionUpper,
    });
    expect(picks.filter(at).map(ends)).toEqual(all.filter(at).map(ends));
    expect(picks.filter(at).length).toBeGreaterThan(0);
    expect(picks.some((p) => !at(p))).toBe(true);
    expect(picks.filter((p) => !at(p)).every((p) => p.p99Lower === p.p99 && p.usdPerMillionUpper === p.usdPerMillion)).toBe(true);
    expect(all.some((p) => p.maxLower < p.max)).toBe(true);
    expect(picks.every((p) => p.p50Lower === p.p50 && p.maxUpper === p.max)).toBe(true);
  });

  it("treats sizes run at different concurrencies as different protocols, whoever chose them", async () => {
    const data = await fixtures.load({ "fixture-plan-128mb": { memorySizes: [128] }, "fixture-plan-1024mb": { memorySizes: [1024] } });
    const at = (i: number, concurrency: number, source?: "cpu-plan") => {
      const d = data.datasets[i]!;
      return { name: d.name, meta: { ...d.meta, protocol: { ...d.meta.protocol!, concurrency, ...(source ? { concurrencySource: source } : {}) } } };
    };
    expect(protocolGroups([at(0, 10, "cpu-plan"), at(1, 1, "cpu-plan")])).toHaveLength(2);
    expect(protocolGroups([at(0, 10), at(1, 1)])).toHaveLength(2);
    expect(protocolGroups([at(0, 6, "cpu-plan"), at(1, 6, "cpu-plan")])).toHaveLength(1);
  });

  it("names the recommendations in the Summary (only the strategy chosen with --strategy)", () => {
    const t = text(buildSection("summary", sweep, { strategy: "cost" }).blocks);
    expect(t).toContain(memoryCostMessages.summaryHeading(["cost"]));
    expect(t).toContain("Node.js · `wave`: on power-tuning's averages cost 256 MB; tail-aware (p99) cost 256 MB.");
  });

  it("renders an imported power-tuning result: its averages, power-tuning's own pick, and a note in the sections that need raw invocations", async () => {
    // aws-lambda-power-tuning's output format (README "State Machine Output"); made-up numbers.
    const output = {
      results: {
        power: "512",
        cost: 4.166e-7,
        duration: 24.5,
        stats: [
          { averagePrice: 6.25e-7, averageDuration: 95.2, value: 128 },
          { averagePrice: 4.166e-7, averageDuration: 47.1, value: 256 },
          { averagePrice: 4.166e-7, averageDuration: 24.5, value: 512 },
          { averagePrice: 5e-7, averageDuration: 14.6, value: 1024 },
        ],
      },
    };
    const imported = importPowerTuning(JSON.stringify(output), { file: "pt.json", runtime: "node", function: "wave", architecture: "x86_64" });
    const dir = join(fixtures.dir, "fixture-pt-wave");
    writeDataset(
      dir,
      averagesMeta({
        name: "fixture-pt-wave",
        file: "pt.json",
        region: null,
        architecture: "x86_64",
        rows: imported.rows,
        createdAt: "2025-09-01T00:00:00.000Z",
      }),
      [],
      [],
    );
    const data = await loadDatasets([dir, join(fixtures.dir, "fixture-single-128mb")]);
    const s = buildSection("memory-cost", data);
    const t = text(s.blocks);
    // power-tuning's own recommendation (results.power, cost strategy: 256 and 512 tie on cost, the faster wins).
    expect(t).toContain("- Node.js · `wave` (fixture-pt-wave): cost 512 MB, speed 1024 MB and balanced (weight 0.5) 512 MB.");
    expect(imported.recommendedMB).toBe(512);
    const spec = s.blocks.find((b) => b.kind === "figure" && b.id === "averages-by-memory") as Extract<Block, { kind: "figure" }>;
    expect(vegaLiteValidator()(spec.spec)).toBeNull();
    expect(() => compile(spec.spec as never)).not.toThrow();
    expect(tableOf(s.blocks, "imported-averages").rows.map((r) => [r.memoryMB, r.averagePriceUsdPerMillion])).toEqual([
      [128, 0.625],
      [256, 0.4166],
      [512, 0.4166],
      [1024, 0.5],
    ]);
    expect(text(buildSection("tail", data).blocks)).toContain(memoryCostMessages.averagesOnly(["fixture-pt-wave"]));
    expect(text(buildSection("memory-cost", await loadDatasets([dir])).blocks)).toContain(memoryCostMessages.noRawInvocations());
  });

  it("says plainly that it needs ≥ 2 memory sizes, and still draws what it can", () => {
    const s = buildSection("memory-cost", single);
    expect(text(s.blocks)).toContain(memoryCostMessages.needsTwoSizes([128]));
    expect(s.blocks.filter((b) => b.kind === "figure").map((b) => (b as { id: string }).id)).toEqual(["latency-by-memory", "cost-by-memory"]);
    expect(text(buildSection("summary", single).blocks)).not.toContain("Recommended memory size");
  });
});
