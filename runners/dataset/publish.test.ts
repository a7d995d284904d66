// Names, refusal to replace, --force, and the swap that never loses the old dataset. The datasets
// here are generated fixtures written to a temp folder.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { swapDir, writeFileAtomic } from "./atomic.js";
import { newCampaign } from "./campaign.js";
import { BILLING_RULES, DATASET_SCHEMA, type DatasetMeta, type InvocationRow } from "./contract.js";
import { assertReplaceable, checkDatasetName, datasetDir, publishDataset } from "./publish.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-publish-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (requestId: string): InvocationRow => ({
  runtime: "go",
  function: "wave",
  memoryMB: 128,
  architecture: "x86_64",
  trial: 1,
  requestId,
  timestamp: "2026-01-01T00:00:00.000Z",
  instanceId: "i",
  durationMs: 1,
  billedDurationMs: 1,
  maxMemoryUsedMB: 10,
  initDurationMs: null,
  restoreDurationMs: null,
  status: "success",
  errorType: "",
});
const meta = (name: string, campaign: string): Omit<DatasetMeta, "complete" | "counts"> => ({
  schema: DATASET_SCHEMA,
  name,
  target: "local",
  createdAt: "2026-01-01T00:00:00.000Z",
  campaign,
  source: { kind: "fixture", detail: "publish.test.ts", corrections: [] },
  protocol: null,
  memorySizes: [128],
  architecture: "x86_64",
  runtimeVersions: {},
  machine: null,
  region: null,
  billing: { rule: "as-reported", description: BILLING_RULES["as-reported"].description },
  git: null,
  warnings: [],
});
const ids = (d: string) =>
  readFileSync(join(d, "invocations.csv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",")[5]); // requestId follows trial

describe("dataset names", () => {
  it.each(["local-128mb", "my_run.2", "aws-partial-1a2b3c4d"])("accepts %s", (name) => expect(checkDatasetName(name)).toBe(name));
  it.each(["../../escape", "..", "a/b", "a\\b", ".hidden", "a..b", "", "x y"])("refuses %j, naming the option", (name) => {
    expect(() => checkDatasetName(name, "--name")).toThrow(
      `--name: "${name}" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)`,
    );
  });
  it("never resolves outside the output folder", () => {
    expect(() => datasetDir(join(dir, "out"), "../../escape", { force: true })).toThrow('--name: "../../escape" is not a usable dataset name');
  });
});

describe("publishing a dataset", () => {
  const target = join(dir, "data", "fixture-a");

  it("writes a new dataset, then refuses to replace it without --force, naming the dataset and the remedy", () => {
    publishDataset(target, meta("fixture-a", "bench-1"), [row("old-1"), row("old-2")], [], { force: false, campaign: "bench-1" });
    expect(ids(target)).toEqual(["old-1", "old-2"]);
    const refusal = `${target} already holds a dataset (2 invocations, created 2026-01-01T00:00:00.000Z); refusing to replace it. Pass --force to replace it, or choose another --name.`;
    expect(() => publishDataset(target, meta("fixture-a", "bench-2"), [row("new")], [], { force: false, campaign: "bench-2" })).toThrow(refusal);
    expect(() => assertReplaceable(target, { force: false })).toThrow(refusal);
    expect(ids(target)).toEqual(["old-1", "old-2"]);
    expect(readdirSync(join(dir, "data"))).toEqual(["fixture-a"]); // no staging folder left behind
  });

  it("lets the campaign that wrote a dataset replace it (a resumed run), and --force replace anything", () => {
    publishDataset(target, meta("fixture-a", "bench-1"), [row("resumed")], [], { force: false, campaign: "bench-1" });
    expect(ids(target)).toEqual(["resumed"]);
    publishDataset(target, meta("fixture-a", "bench-3"), [row("forced")], [], { force: true, campaign: "bench-3" });
    expect(ids(target)).toEqual(["forced"]);
    expect(JSON.parse(readFileSync(join(target, "meta.json"), "utf8"))).toMatchObject({ campaign: "bench-3", complete: true, counts: { invocations: 1 } });
  });

  it("refuses to replace a folder that is not a dataset", () => {
    const other = join(dir, "data", "notes");
    mkdirSync(other, { recursive: true });
    expect(() => assertReplaceable(other, { force: false })).toThrow(`${other} already holds a folder that is not a dataset; refusing to replace it.`);
  });
});

describe("atomic writes", () => {
  it("a failed swap puts the old folder back", () => {
    const target = join(dir, "swap-target");
    mkdirSync(target);
    writeFileSync(join(target, "keep"), "old");
    expect(() => swapDir(join(dir, "no-such-staging"), target)).toThrow(/ENOENT/);
    expect(readFileSync(join(target, "keep"), "utf8")).toBe("old");
  });

  it("a failed write removes its temporary file and leaves the target as it was", () => {
    const target = join(dir, "a-folder");
    mkdirSync(target);
    expect(() => writeFileAtomic(target, "x")).toThrow();
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  });
});

describe("campaign ids", () => {
  it("name the kind and the second, with a random suffix", () => {
    expect(newCampaign("import", new Date("2026-11-29T12:33:44.123Z"), () => "3f9a")).toBe("import-20261129T123344Z-3f9a");
    expect(newCampaign("bench")).toMatch(/^bench-\d{8}T\d{6}Z-[0-9a-f]{4}$/);
  });
});
