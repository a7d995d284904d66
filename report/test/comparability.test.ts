// Cross-dataset findings only across comparable datasets: a data folder mixing protocols (the
// 128 MB dataset of a short run next to a full 256 MB one) gives no memory-size finding, says why,
// and the title page flags it. Fixture datasets with made-up numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { buildComparison, buildSection, describeDatasets, loadDatasets, type Datasets, type SectionResult } from "../lib/index.js";
import { protocolGroups } from "../lib/comparability.js";
import { messages } from "../lib/narrative/messages.js";
import { provenanceHtml } from "../render/html.js";
import { fixtureSet } from "./helpers.js";

const text = (r: SectionResult) => r.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const fixtures = fixtureSet();
let mixed: Datasets;
let matching: Datasets;
let threeWay: Datasets;
beforeAll(async () => {
  mixed = await fixtures.load({
    "fixture-short-128": { memorySizes: [128], invocationsPerFunction: 6 },
    "fixture-full-256": { memorySizes: [256], invocationsPerFunction: 12 },
  });
  matching = await fixtures.load({
    "fixture-same-128": { memorySizes: [128], invocationsPerFunction: 12 },
    "fixture-same-256": { memorySizes: [256], invocationsPerFunction: 12 },
  });
  threeWay = await fixtures.load({
    "fixture-a-128": { memorySizes: [128], invocationsPerFunction: 12 },
    "fixture-a-256": { memorySizes: [256], invocationsPerFunction: 12 },
    "fixture-b-512": { memorySizes: [512], invocationsPerFunction: 6 },
  });
});
afterAll(() => fixtures.cleanup());

describe("memory-size findings across datasets", () => {
  it("are left out, with the reason, when the sizes come from different protocols", () => {
    const why = messages.memorySizesNotComparable([
      { datasets: ["fixture-short-128"], sizes: [128], fields: { "requests per function": "6" } },
      { datasets: ["fixture-full-256"], sizes: [256], fields: { "requests per function": "12" } },
    ]);
    expect(why).toBe(
      "No memory-size finding: the memory sizes present come from datasets measured under different protocols (fixture-short-128 at 128 MB: requests per function 6; fixture-full-256 at 256 MB: requests per function 12), so a change between them could come from the protocol rather than from the memory size.",
    );
    const summary = text(buildSection("summary", mixed));
    expect(summary).not.toContain("Memory size: going from");
    expect(summary).toContain(why);
    const mitigations = text(buildSection("mitigations", mixed));
    expect(mitigations).not.toMatch(/going from 128 MB to 256 MB changes/);
    expect(mitigations).toContain(why);
  });

  it("are made when the protocols match", () => {
    const summary = text(buildSection("summary", matching));
    expect(summary).toMatch(/Memory size: going from 128 MB to 256 MB changes the worst case most for/);
    expect(summary).not.toContain("No memory-size finding");
    expect(text(buildSection("mitigations", matching))).toMatch(/going from 128 MB to 256 MB changes the worst case by/);
  });

  it("use the protocol covering the most sizes and name the dataset left out", () => {
    const summary = text(buildSection("summary", threeWay));
    expect(summary).toMatch(/Memory size: going from 128 MB to 256 MB changes/);
    expect(summary).toContain(
      "Memory sizes are compared only within datasets measured under one protocol (fixture-a-128 and fixture-a-256 at 128 MB and 256 MB: requests per function 12); left out, as measured under a different protocol: fixture-b-512 at 512 MB: requests per function 6.",
    );
  });
});

describe("comparison of two runs", () => {
  it("gives no verdicts between runs of different protocols, and says why", async () => {
    const [short, full] = await Promise.all(["fixture-short-128", "fixture-full-256"].map((n) => loadDatasets([join(fixtures.dir, n)])));
    const result = buildComparison(short!, full!, { resamples: 200 });
    const shown = result.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
    expect(shown).toContain(
      "**No verdicts**: the runs were measured under different protocols (fixture-short-128: requests per function 6; fixture-full-256: requests per function 12), so a change between them could come from the protocol rather than from the code or the platform. Compare runs of one protocol: rerun the candidate with the baseline's options.",
    );
    expect(shown).not.toMatch(/regression|improvement/i);
    expect(result.blocks.some((b) => b.kind === "table" || b.kind === "figure")).toBe(false);
  });
});

describe("title page", () => {
  it("compares adaptive runs by their stopping rule, not by the trial count it stopped at", async () => {
    const adaptive = await fixtures.load({
      "fixture-rule-128": { memorySizes: [128], invocationsPerFunction: 12 },
      "fixture-rule-256": { memorySizes: [256], invocationsPerFunction: 12 },
    });
    const rule = { rule: "target-precision" as const, targetPrecision: 0.05, minTrials: 3, maxTrials: 12, achieved: 0.04, met: true };
    adaptive.datasets[0]!.meta.trials = { count: 5, seed: 1, orders: Array.from({ length: 5 }, () => []), stopping: rule };
    adaptive.datasets[1]!.meta.trials = { count: 9, seed: 1, orders: Array.from({ length: 9 }, () => []), stopping: rule };
    expect(protocolGroups(adaptive.datasets)).toHaveLength(1);
    adaptive.datasets[1]!.meta.trials = { count: 9, seed: 1, orders: Array.from({ length: 9 }, () => []) };
    expect(protocolGroups(adaptive.datasets).map((g) => g.fields)).toEqual([{ trials: "until every median is within ±5 % (3–12)" }, { trials: "9" }]);
  });

  it("treats a primed and an unprimed table as different protocols", async () => {
    const primed = await fixtures.load({
      "fixture-primed-128": { memorySizes: [128], invocationsPerFunction: 12 },
      "fixture-unprimed-256": { memorySizes: [256], invocationsPerFunction: 12 },
    });
    primed.datasets[0]!.meta.protocol!.tablePrimedBy = "go/save";
    expect(protocolGroups(primed.datasets)).toEqual([
      { datasets: ["fixture-primed-128"], fields: { "table primed before trial 1": "yes" } },
      { datasets: ["fixture-unprimed-256"], fields: { "table primed before trial 1": "no" } },
    ]);
  });

  it("flags datasets whose protocols differ, naming what differs", () => {
    const html = provenanceHtml(describeDatasets(mixed), protocolGroups(mixed.datasets));
    expect(html).toContain(
      "These datasets were measured under different protocols (fixture-short-128: requests per function 6; fixture-full-256: requests per function 12); findings across them are left out.",
    );
    expect(provenanceHtml(describeDatasets(matching), protocolGroups(matching.datasets))).not.toContain("different protocols");
  });
});
