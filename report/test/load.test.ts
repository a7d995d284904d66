// Loading datasets: types, the dataset column, concatenation, and clear errors on bad input.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadDatasets, describeDatasets, DatasetError } from "../lib/index.js";
import { loadCheckedRequests } from "../lib/load/datasets.js";
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

  it("leaves requests.csv to loadCheckedRequests when asked, which reads it as loadDatasets does", async () => {
    const path = dataset("split");
    const whole = await loadDatasets([path]);
    const withoutRequests = await loadDatasets([path], { requests: false });
    expect(withoutRequests.invocations.objects()).toEqual(whole.invocations.objects());
    expect(() => withoutRequests.requests).toThrow(`${join(path, "requests.csv")} was not read (loadDatasets with requests: false)`);
    expect((await loadCheckedRequests(path)).objects()).toEqual(whole.requests.objects());
  });

  it("reads a dataset without a trial column (written before trials existed) as trial 1", async () => {
    const data = await loadDatasets([dataset("pre-trials", "pre-trials")]);
    expect(readFileSync(join(fixtures.dir, "pre-trials", "invocations.csv"), "utf8").split("\n")[0]).not.toContain("trial");
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

describe("rows consistent with meta.json", () => {
  /** A fixture dataset whose invocations.csv gets `edit` applied to its lines; meta.json's count follows. */
  function edited(name: string, edit: (lines: string[]) => string[], metaEdit: (meta: Record<string, unknown>) => void = () => {}): string {
    const path = dataset(name);
    const csv = join(path, "invocations.csv");
    const lines = edit(readFileSync(csv, "utf8").trimEnd().split("\n"));
    writeFileSync(csv, lines.join("\n") + "\n");
    const meta = JSON.parse(readFileSync(join(path, "meta.json"), "utf8")) as { counts: { invocations: number } } & Record<string, unknown>;
    meta.counts.invocations = lines.length - 1;
    metaEdit(meta);
    writeFileSync(join(path, "meta.json"), JSON.stringify(meta));
    return path;
  }
  const cell = (line: string, column: number, value: string) =>
    line
      .split(",")
      .map((c, i) => (i === column ? value : c))
      .join(",");
  const column = (name: string) =>
    ["runtime", "function", "memoryMB", "architecture", "trial", "requestId", "timestamp", "instanceId", "durationMs"].indexOf(name);

  it("drops a row that repeats an earlier one exactly, and records it for the title page", async () => {
    const path = edited("dup-same", (l) => [...l, l[3]!, l[3]!]);
    const data = await loadDatasets([path]);
    expect(data.invocations.numRows()).toBe(120);
    expect(data.datasets[0]!.corrections).toEqual([
      "invocations.csv: 2 row(s) repeating an earlier row exactly (same request id, every field equal) were dropped",
    ]);
    expect(describeDatasets(data)[0]!.corrections).toContain(
      "invocations.csv: 2 row(s) repeating an earlier row exactly (same request id, every field equal) were dropped",
    );
  });

  it("refuses a request id used on two different rows, naming both lines and a differing field", async () => {
    const path = edited("dup-diff", (l) => [...l, cell(l[3]!, column("durationMs"), "999")]);
    const id = readFileSync(join(path, "invocations.csv"), "utf8").split("\n")[3]!.split(",")[column("requestId")];
    await expect(loadDatasets([path])).rejects.toThrow(
      `${join(path, "invocations.csv")} line 122, field requestId: "${id}" was already used on line 4, with a different durationMs; a request id names one invocation`,
    );
  });

  it("refuses a row whose memory size contradicts meta.json", async () => {
    const path = edited("mem", (l) => l.map((line, i) => (i === 7 ? cell(line, column("memoryMB"), "256") : line)));
    await expect(loadDatasets([path])).rejects.toThrow(
      `${join(path, "invocations.csv")} line 8, field memoryMB: 256 is not a memory size meta.json declares (memorySizes: 128)`,
    );
  });

  it("refuses a row whose runtime meta.json does not declare", async () => {
    const path = edited(
      "rt",
      (l) => l,
      (meta) => {
        (meta.protocol as { runtimes: string[] }).runtimes = ["node", "python", "go"];
        meta.runtimeVersions = { node: "x", python: "x", go: "x" };
      },
    );
    const firstRust =
      readFileSync(join(path, "invocations.csv"), "utf8")
        .split("\n")
        .findIndex((l) => l.startsWith("rust,")) + 1;
    await expect(loadDatasets([path])).rejects.toThrow(
      `${join(path, "invocations.csv")} line ${firstRust}, field runtime: "rust" is not a runtime meta.json declares (node, python, go)`,
    );
  });
});
