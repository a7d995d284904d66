// Loading datasets: types, the dataset column, concatenation, and clear errors on bad input.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDatasets, describeDatasets, DatasetError } from "../lib/index.js";
import { generateFixtureDataset, type FixtureDefect } from "./fixtures/generate.js";
import { fixtureSet } from "./helpers.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());

function dataset(name: string, defect?: FixtureDefect): string {
  const path = join(fixtures.dir, name);
  generateFixtureDataset(path, { name: `fixture-${name}`, invocationsPerFunction: 6, coldStarts: 2, defect });
  return path;
}

describe("loadDatasets", () => {
  it("loads and concatenates datasets with typed columns and a dataset column", async () => {
    const data = await loadDatasets([dataset("a"), dataset("b")]);
    // 4 runtimes × 5 functions × 6 invocations per dataset
    expect(data.invocations.numRows()).toBe(240);
    expect(data.requests.numRows()).toBe(240);
    const first = data.invocations.object(0) as Record<string, unknown>;
    expect(first).toMatchObject({ dataset: "fixture-a", runtime: "node", function: "warmup", memoryMB: 128, runtimeKind: "managed", restoreDurationMs: null });
    expect(typeof first.durationMs).toBe("number");
    expect(typeof first.initDurationMs).toBe("number"); // first invocation is cold
    expect((data.invocations.object(5) as Record<string, unknown>).initDurationMs).toBeNull(); // warm
    expect(new Set(data.invocations.array("dataset") as string[])).toEqual(new Set(["fixture-a", "fixture-b"]));
  });

  it("reads a dataset without a trial column (the committed single-run datasets) as trial 1", async () => {
    const data = await loadDatasets(["data/local-128mb"]);
    expect(data.invocations.columnNames()).toContain("trial");
    expect(new Set(Array.from(data.invocations.array("trial") as ArrayLike<number>))).toEqual(new Set([1]));
    expect(new Set(Array.from(data.requests.array("trial") as ArrayLike<number>))).toEqual(new Set([1]));
  });

  it("reads the trial of each row when the dataset has the column", async () => {
    const rows = [1, 2, 3].map((trial) => ({
      runtime: "go",
      function: "wave",
      memoryMB: 128,
      architecture: "x86_64" as const,
      trial,
      requestId: `req-${trial}`,
      timestamp: `2025-09-01T10:00:0${trial}.000Z`,
      instanceId: `inst-${trial}`,
      durationMs: trial,
      billedDurationMs: trial,
      maxMemoryUsedMB: 20,
      initDurationMs: null,
      restoreDurationMs: null,
      status: "success" as const,
      errorType: "",
    }));
    const path = join(fixtures.dir, "trials");
    generateFixtureDataset(path, { name: "fixture-trials", invocations: rows });
    const data = await loadDatasets([path]);
    expect(Array.from(data.invocations.array("trial") as ArrayLike<number>)).toEqual([1, 2, 3]);
    expect(Array.from(data.requests.array("trial") as ArrayLike<number>)).toEqual([1, 2, 3]);
  });

  it("describes provenance from meta.json", async () => {
    const data = await loadDatasets([dataset("c")]);
    const [p] = describeDatasets(data);
    expect(p).toMatchObject({ name: "fixture-c", target: "local", isFixture: true, memorySizes: [128], billing: { rule: "aws-2025-08" } });
    expect(p!.runtimeVersions.map((r) => r.runtime)).toEqual(["node", "python", "go", "rust"]);
  });

  it("resolves relative paths against cwd and names them as given", async () => {
    dataset("rel", "malformed-number");
    await expect(loadDatasets(["rel"], { cwd: fixtures.dir })).rejects.toThrow('rel/invocations.csv line 3, field durationMs: "abc" is not a number');
  });
});

describe("bad input", () => {
  const cases: [string, FixtureDefect | "absent", RegExp][] = [
    ["missing dataset", "absent", /nowhere: dataset folder not found/],
    ["missing meta", "missing-meta", /meta\.json: meta\.json is missing/],
    ["incomplete dataset", "incomplete", /meta\.json: complete is not true/],
    ["empty file", "empty-invocations", /invocations\.csv: the file is empty/],
    ["header only", "header-only-invocations", /invocations\.csv: header only, no rows/],
    ["malformed row", "malformed-number", /invocations\.csv line 3, field durationMs: "abc" is not a number/],
    ["unreadable runtime name", "unknown-runtime", /invocations\.csv line 5, field runtime: "cobol 85" is not a runtime name/],
  ];
  for (const [label, defect, message] of cases) {
    it(`refuses a ${label} with a clear message`, async () => {
      const path = defect === "absent" ? join(fixtures.dir, "nowhere") : dataset(`bad-${defect}`, defect);
      const attempt = loadDatasets([path]);
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.toBeInstanceOf(DatasetError);
    });
  }

  it("refuses no dataset at all and a dataset given twice", async () => {
    await expect(loadDatasets([])).rejects.toThrow(/no dataset given/);
    const a = dataset("twice");
    await expect(loadDatasets([a, a])).rejects.toThrow(/dataset name "fixture-twice" appears twice/);
  });
});
