// The Method section states the lab conditions a dataset's meta.json records (CPU plan,
// oversubscription, DynamoDB latency model), and nothing for datasets without them.
import { afterAll, describe, expect, it } from "vitest";
import { buildSection, type Block } from "../lib/index.js";
import { messages } from "../lib/narrative/messages.js";
import { parseDbLatency } from "../../runners/lab/db-latency.js";
import { planCpus } from "../../runners/lab/cpu-plan.js";
import { describeDatasets, labConditions } from "../lib/provenance.js";
import { provenanceHtml } from "../render/html.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());
const text = (blocks: Block[]) => blocks.map((b) => (b.kind === "markdown" ? b.text : "")).join("\n");

describe("Method: lab conditions", () => {
  it("says which cores served which role, whether the plan was oversubscribed, and the latency model with its source", async () => {
    const data = await fixtures.load({
      "fixture-lab-a": { memorySizes: [256], invocationsPerFunction: 4 },
      "fixture-lab-b": { memorySizes: [128], invocationsPerFunction: 4 },
    });
    const [a, b] = data.datasets;
    const plan = { ...planCpus([0, 1], 10, [256]), enforced: true };
    const model = parseDbLatency("soto-202");
    a!.meta.lab = { cpuPlan: plan, oversubscribed: true, dbLatency: model };
    b!.meta.lab = { cpuPlan: { ...planCpus([0, 1], 10, [128]), enforced: false }, oversubscribed: false, dbLatency: null };
    const md = text(buildSection("appendix", data, { resamples: 50 }).blocks);
    expect(md).toContain("### Lab conditions");
    expect(md).toContain(messages.labCpuPlan(a!.name, plan));
    expect(md).toContain("initialising instances on core(s) 0 (shared with the support roles");
    expect(md).toContain("10 instances capped at 256/1769 of a core need 1.45 core(s) (enforced with cpusets)");
    expect(md).toContain(messages.labOversubscribed(a!.name));
    expect(md).toContain(messages.labDbLatency(a!.name, model.description, model.source));
    expect(md).toContain(messages.labNoDbLatency(b!.name));
    expect(md).not.toContain(messages.labOversubscribed(b!.name));
  });

  it("has no lab block for datasets without lab conditions", async () => {
    const data = await fixtures.load({ "fixture-lab-none": { memorySizes: [128], invocationsPerFunction: 4 } });
    expect(text(buildSection("appendix", data, { resamples: 50 }).blocks)).not.toContain("### Lab conditions");
  });
});

describe("title page: lab conditions", () => {
  it("one line per dataset: the plan, oversubscription and the latency model; no row when no dataset records them", async () => {
    const data = await fixtures.load({ "fixture-title-lab": { memorySizes: [256], invocationsPerFunction: 4 } });
    expect(provenanceHtml(describeDatasets(data))).not.toContain("Lab conditions");
    data.datasets[0]!.meta.lab = { cpuPlan: { ...planCpus([0, 1], 10, [256]), enforced: true }, oversubscribed: true, dbLatency: parseDbLatency("soto-202") };
    const line = labConditions(data.datasets[0]!.meta.lab);
    expect(line).toBe(
      "CPU plan enforced: support core(s) 0, init 0 (shared with support), run 1; concurrency 10 at 256 MB needs 1.45 of 1 run core(s); OVERSUBSCRIBED (--oversubscribe); DynamoDB latency model soto-202",
    );
    const html = provenanceHtml(describeDatasets(data));
    expect(html).toContain("<th>Lab conditions</th>");
    expect(html).toContain("OVERSUBSCRIBED (--oversubscribe)");
  });
});

describe("title page: trials", () => {
  it("names the trial count and seed in the protocol row when meta.json records them, and nothing for older datasets", async () => {
    const data = await fixtures.load({ "fixture-title-trials": { memorySizes: [128], invocationsPerFunction: 4 } });
    expect(provenanceHtml(describeDatasets(data))).toContain("<td>4 requests per function, concurrency");
    data.datasets[0]!.meta.trials = { count: 4, seed: 7, orders: [[], [], [], []] };
    expect(provenanceHtml(describeDatasets(data))).toContain("<td>4 trials (seed 7), 4 requests per function per trial, concurrency");
    expect(provenanceHtml(describeDatasets(data))).not.toContain("table primed");
    data.datasets[0]!.meta.protocol!.tablePrimedBy = "go/save";
    expect(provenanceHtml(describeDatasets(data))).toMatch(/ ms pause, table primed by go\/save before trial 1<\/td>/);
  });
});

describe("Method and title page: a stopping rule", () => {
  it("states the --target-precision rule, the trials it took and whether it met the target; a fixed count says nothing", async () => {
    const data = await fixtures.load({
      "fixture-adaptive": { memorySizes: [128], invocationsPerFunction: 4 },
      "fixture-fixed": { memorySizes: [256], invocationsPerFunction: 4 },
    });
    const stopping = { rule: "target-precision" as const, targetPrecision: 0.05, minTrials: 3, maxTrials: 12, achieved: 0.071, met: false };
    data.datasets[0]!.meta.trials = { count: 12, seed: 7, orders: Array.from({ length: 12 }, () => []), stopping };
    data.datasets[1]!.meta.trials = { count: 3, seed: 7, orders: [[], [], []] };
    const md = text(buildSection("appendix", data, { resamples: 50 }).blocks);
    expect(md).toContain("### Stopping rule");
    expect(md).toContain(messages.stoppingRule("fixture-adaptive", stopping, 12));
    expect(messages.stoppingRule("fixture-adaptive", stopping, 12)).toContain(
      "within ±5 % of its median, up to 12: it stopped after 12 trials at ±7.1 %, **short of the target**",
    );
    expect(md).not.toContain("**fixture-fixed** ran");
    expect(provenanceHtml(describeDatasets(data))).toContain("12 trials (seed 7; added until every median was within ±5 %: ±7.1 %, NOT MET)");
    data.datasets[0]!.meta.trials = { count: 3, seed: 7, orders: [[], [], []] };
    expect(text(buildSection("appendix", data, { resamples: 50 }).blocks)).not.toContain("### Stopping rule");
  });
});

describe("Method: table state", () => {
  it("says, per dataset with a protocol, whether the table was primed before trial 1 and by what", async () => {
    const data = await fixtures.load({
      "fixture-primed": { memorySizes: [128], invocationsPerFunction: 4 },
      "fixture-unprimed": { memorySizes: [256], invocationsPerFunction: 4 },
    });
    data.datasets[0]!.meta.protocol!.tablePrimedBy = "go/save";
    const md = text(buildSection("appendix", data, { resamples: 50 }).blocks);
    expect(md).toContain("### Table state");
    expect(md).toContain(messages.tablePrimed("fixture-primed", "go/save", 4));
    expect(md).toContain(messages.tableNotPrimed("fixture-unprimed"));
    for (const d of data.datasets) d.meta.protocol = null;
    expect(text(buildSection("appendix", data, { resamples: 50 }).blocks)).not.toContain("### Table state");
  });
});
