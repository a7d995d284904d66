// The Lab vs AWS section on FIXTURE lab datasets (made-up numbers) next to the committed lambda-perf
// FIXTURE excerpt, imported as a reference dataset: what it says, that its ratios are those of the
// calibration computation on the lab's own rows, that it says how to add a reference when there is
// none, and that the reference never reaches any other section.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest, repoRoot } from "../../functions/manifest.js";
import { publishDataset } from "../../runners/dataset/publish.js";
import { lambdaPerfMeta } from "../../runners/collect/import-lambda-perf.js";
import { parseLambdaPerf } from "../../runners/lab/lambda-perf.js";
import { calibrate, orderAgreement } from "../lib/findings/lab-calibration.js";
import { buildSection, describeDatasets, loadDatasets, protocolGroups, sectionIds, type Block, type Datasets } from "../lib/index.js";
import { labCalibrationMessages as say } from "../lib/narrative/lab-calibration-messages.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());
const perfFile = join(repoRoot, "test/fixtures/lambda-perf/2025-12-21-excerpt.json");
const day = parseLambdaPerf(readFileSync(perfFile, "utf8"), perfFile);
const manifest = loadManifest();
const text = (blocks: Block[]) => blocks.map((b) => (b.kind === "markdown" ? b.text : "")).join("\n\n");
const tableOf = (blocks: Block[]) => {
  const t = blocks.find((b) => b.kind === "table" && b.id === "lab-vs-aws");
  if (t?.kind !== "table") throw new Error("lab-vs-aws table missing");
  return t;
};

let labOnly: Datasets;
let withReference: Datasets;
let labDirs: string[];
let referenceDir: string;
const OPTIONS = { resamples: 40 };

beforeAll(async () => {
  labOnly = await fixtures.load({
    "fixture-lab-128mb": { memorySizes: [128], coldStarts: 6 },
    "fixture-lab-256mb": { memorySizes: [256], seed: 2, coldStarts: 6 },
  });
  labDirs = labOnly.datasets.map((d) => d.dir);
  referenceDir = join(fixtures.dir, "fixture-lambda-perf");
  publishDataset(
    referenceDir,
    lambdaPerfMeta({
      name: "fixture-lambda-perf",
      file: "2025-12-21-excerpt.json",
      day,
      campaign: "import-20261129T160000Z-0000",
      createdAt: "2026-11-29T16:00:00.000Z",
    }),
    [],
    [],
    { force: true },
  );
  withReference = await loadDatasets([...labDirs, referenceDir]);
});

describe("Lab vs AWS", () => {
  it("keeps the reference apart from the measured datasets", () => {
    expect(withReference.datasets.map((d) => d.name)).toEqual(["fixture-lab-128mb", "fixture-lab-256mb"]);
    expect(withReference.references.map((d) => d.name)).toEqual(["fixture-lambda-perf"]);
    expect(protocolGroups(withReference.datasets)).toEqual(protocolGroups(labOnly.datasets));
    const described = describeDatasets(withReference).find((d) => d.name === "fixture-lambda-perf")!;
    expect(described.source).toContain("maxday/lambda-perf daily file 2025-12-21-excerpt.json, generated 2025-12-21T14:00:18.418Z");
  });

  it("has ratios equal to the calibration computed from each lab dataset's own invocations.csv", () => {
    const table = tableOf(buildSection("lab-calibration", withReference, OPTIONS).blocks);
    expect(table.rows).toHaveLength(2 * manifest.runtimes.length);
    for (const dir of labDirs) {
      const name = dir.split("/").pop()!;
      const memoryMB = name.includes("128") ? 128 : 256;
      const cold = (parse(readFileSync(join(dir, "invocations.csv"), "utf8"), { columns: true }) as Record<string, string>[])
        .filter((r) => r.function === "wave" && r.initDurationMs !== "" && r.status === "success")
        .map((r) => ({ runtime: r.runtime!, initDurationMs: Number(r.initDurationMs), maxMemoryUsedMB: Number(r.maxMemoryUsedMB) }));
      const expected = calibrate(day, manifest.runtimes, cold, memoryMB, "x86_64");
      const shown = table.rows.filter((r) => r.dataset === name);
      expect(shown.map((r) => r.runtime)).toEqual(expected.map((r) => r.runtime));
      for (const [i, e] of expected.entries()) {
        expect(e.initRatio, `${name} ${e.runtime}`).not.toBeNull();
        expect(shown[i]).toMatchObject({
          reference: "fixture-lambda-perf",
          referenceDate: "2025-12-21",
          memoryMB,
          architecture: "x86_64",
          lambdaPerfName: e.lambdaPerfName,
          labColdStarts: e.labColdStarts,
          labInitMedianMs: e.labInitMedianMs,
          awsInitMedianMs: e.awsInitMedianMs,
          initRatio: e.initRatio,
          labMaxMemoryMedianMB: e.labMaxMemoryMedianMB,
          awsMaxMemoryMB: e.awsMaxMemoryMB,
          memoryRatio: e.memoryRatio,
        });
      }
    }
  });

  it("says, per setting, both sides' values, the ratios and each side's order of runtimes", () => {
    const section = buildSection("lab-calibration", withReference, OPTIONS);
    expect(section).toMatchObject({ id: "lab-calibration", title: "Lab vs AWS" });
    const md = text(section.blocks);
    expect(md).toContain(
      "**fixture-lambda-perf**: [maxday/lambda-perf](https://github.com/maxday/lambda-perf)'s measurements of 2025-12-21 (generated 2025-12-21T14:00:18.418Z; https://github.com/maxday/lambda-perf (Apache-2.0)), 10 cold starts per function",
    );
    expect(md).toContain("**Fixture data:** fixture-lab-128mb and fixture-lab-256mb are generated test fixtures");
    const label = (id: string) => manifest.runtimes.find((r) => r.id === id)!.label;
    const rows = tableOf(section.blocks).rows;
    for (const [dataset, setting] of [
      ["fixture-lab-128mb", "fixture-lab-128mb · 128 MB"],
      ["fixture-lab-256mb", "fixture-lab-256mb · 256 MB"],
    ] as const) {
      expect(md).toContain(say.settingHeading(setting, "fixture-lambda-perf"));
      const mine = rows.filter((r) => r.dataset === dataset);
      // Each side's order recomputed here from the table's numbers, lowest first, equal values grouped.
      const ordered = (column: string) => {
        const groups: string[][] = [];
        let last: unknown;
        for (const r of [...mine].sort((a, b) => (a[column] as number) - (b[column] as number))) {
          if (groups.length > 0 && r[column] === last) groups.at(-1)!.push(label(r.runtime as string));
          else groups.push([label(r.runtime as string)]);
          last = r[column];
        }
        return groups;
      };
      const says = (measure: "Init Duration" | "Max Memory Used", lab: string[][], aws: string[][]) => say.order(measure, lab, aws, orderAgreement(lab, aws));
      expect(md).toContain(says("Init Duration", ordered("labInitMedianMs"), ordered("awsInitMedianMs")));
      expect(md).toContain(says("Max Memory Used", ordered("labMaxMemoryMedianMB"), ordered("awsMaxMemoryMB")));
    }
    // AWS's side of the fixture excerpt at 128 MB x86_64, from its published numbers: Rust < Go < Python < Node.js at both sizes.
    expect(md).toMatch(/By Init Duration \(lowest first\), the lab orders .*? and AWS Rust < Go < Python < Node\.js/);
    expect(md).toMatch(/\| Node\.js \| node fixture \| nodejs22\.x \| [\d.]+ ms \(6\) \| 146 ms \(10\) \| [\d.]+× \| [\d.]+ MB \| 72\.9 MB \| [\d.]+× \|/);
    expect(section.blocks.filter((b) => b.kind === "figure").map((b) => (b as { id: string }).id)).toEqual(["lab-vs-aws"]);
  });

  it("says how to add a reference when none is loaded, rather than failing", () => {
    expect(buildSection("lab-calibration", labOnly, OPTIONS).blocks).toEqual([{ kind: "markdown", text: say.howToAdd() }]);
    expect(say.howToAdd()).toContain("`npm run import -- YYYY-MM-DD.json --lambda-perf`");
  });

  it("says when no lab dataset is there to compare, and names a runtime AWS did not measure at that size", async () => {
    const lab512 = await fixtures.load({ "fixture-lab-512mb": { memorySizes: [512], seed: 5 } });
    const at512 = await loadDatasets([lab512.datasets[0]!.dir, referenceDir]);
    // The same rows said to come from AWS (a copy of meta.json; the loaded one is shared by the dataset index).
    const onAws: Datasets = { ...at512, datasets: at512.datasets.map((d) => ({ ...d, meta: { ...d.meta, target: "aws" as const } })) };
    expect(buildSection("lab-calibration", onAws, OPTIONS).blocks).toEqual([{ kind: "markdown", text: say.noLabDataset(["fixture-lambda-perf"]) }]);
    const md = text(buildSection("lab-calibration", at512, OPTIONS).blocks);
    expect(md).toContain(
      say.noAwsEntry(
        "fixture-lambda-perf",
        manifest.runtimes.map((r) => r.label),
        512,
        "x86_64",
      ),
    );
    expect(md).toContain("By Init Duration, fewer than two runtimes have a value on AWS's side, so there is no order to compare.");
  });

  it("changes no other section: the reference never enters a finding", () => {
    for (const id of sectionIds.filter((s) => s !== "lab-calibration")) {
      expect(JSON.stringify(buildSection(id, withReference, OPTIONS)), id).toBe(JSON.stringify(buildSection(id, labOnly, OPTIONS)));
    }
  }, 120_000);
});
