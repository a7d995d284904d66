// `npm run import -- <YYYY-MM-DD.json> --lambda-perf` on the committed lambda-perf FIXTURE excerpt
// (test/fixtures/lambda-perf/README.md) and on a damaged copy of it: a reference dataset with its
// day, file and source recorded, or an error naming the file and the field.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../functions/manifest.js";
import { loadDatasets } from "../report/lib/load/datasets.js";
import { DatasetError, loadMessages } from "../report/lib/load/messages.js";
import { INVOCATION_COLUMNS, REQUEST_COLUMNS } from "../runners/dataset/contract.js";
import { LAMBDA_PERF_SOURCE, parseLambdaPerf } from "../runners/lab/lambda-perf.js";
import { labMessages } from "../runners/lab/messages.js";
import { lambdaPerfDatasetName, lambdaPerfMeta } from "../runners/collect/import-lambda-perf.js";
import { lambdaPerfMessages } from "../runners/collect/messages.js";

const fixture = join(repoRoot, "test/fixtures/lambda-perf/2025-12-21-excerpt.json");
const dir = mkdtempSync(join(tmpdir(), "lambench-lambda-perf-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "runners/cli/import.ts"), ...args], { cwd: repoRoot, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("lambdaPerfMeta", () => {
  it("records the day, when it was generated, the file and the source, and keeps every entry as published", () => {
    const day = parseLambdaPerf(readFileSync(fixture, "utf8"), fixture);
    const meta = lambdaPerfMeta({
      name: lambdaPerfDatasetName(day),
      file: "2025-12-21.json",
      day,
      campaign: "import-20261129T160000Z-abcd",
      createdAt: "2026-11-29T16:00:00.000Z",
    });
    expect(meta).toMatchObject({
      name: "lambda-perf-2025-12-21",
      target: "aws",
      campaign: "import-20261129T160000Z-abcd",
      createdAt: "2026-11-29T16:00:00.000Z",
      protocol: null,
      machine: null,
      memorySizes: [128, 256],
      architecture: "x86_64",
      billing: { rule: "as-reported" },
      reference: { kind: "lambda-perf", date: "2025-12-21", generatedAt: "2025-12-21T14:00:18.418Z", source: LAMBDA_PERF_SOURCE, file: "2025-12-21.json" },
    });
    expect(meta.reference!.entries).toEqual(day.entries);
    expect(meta.source).toEqual({
      kind: "import",
      detail: lambdaPerfMessages.detail("2025-12-21.json", "2025-12-21T14:00:18.418Z", 9, LAMBDA_PERF_SOURCE),
      corrections: [],
    });
  });
});

describe("npm run import -- <file> --lambda-perf", () => {
  const out = join(dir, "data");

  it("writes a reference dataset named after the day: meta.json with the reference, header-only CSVs, loaded apart from the measured datasets", async () => {
    const r = importCli([fixture, "--lambda-perf", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const ds = join(out, "lambda-perf-2025-12-21");
    expect(r.stdout.trim()).toBe(lambdaPerfMessages.imported(9, "2025-12-21", ds));
    const meta = JSON.parse(readFileSync(join(ds, "meta.json"), "utf8")) as Record<string, unknown> & {
      reference: Record<string, unknown>;
      campaign: string;
      source: { kind: string; detail: string };
      counts: unknown;
      complete: boolean;
    };
    expect(meta.reference).toMatchObject({
      kind: "lambda-perf",
      date: "2025-12-21",
      generatedAt: "2025-12-21T14:00:18.418Z",
      source: LAMBDA_PERF_SOURCE,
      file: fixture,
    });
    expect(meta.campaign).toMatch(/^import-\d{8}T\d{6}Z-[0-9a-f]{4}$/);
    expect(meta.source.kind).toBe("import");
    expect(meta.source.detail).toContain("maxday/lambda-perf daily file");
    expect(meta).toMatchObject({ complete: true, counts: { invocations: 0, requests: 0 } });
    expect(readFileSync(join(ds, "invocations.csv"), "utf8").trim()).toBe(INVOCATION_COLUMNS.join(","));
    expect(readFileSync(join(ds, "requests.csv"), "utf8").trim()).toBe(REQUEST_COLUMNS.join(","));

    const data = await loadDatasets([ds]);
    expect(data.datasets).toEqual([]);
    expect(data.references.map((d) => d.name)).toEqual(["lambda-perf-2025-12-21"]);
    expect(data.invocations.numRows()).toBe(0);
  }, 60_000);

  it("takes --name, and refuses to replace the dataset without --force", () => {
    expect(importCli([fixture, "--lambda-perf", "--out", out, "--name", "fixture-reference"]).status).toBe(0);
    const again = importCli([fixture, "--lambda-perf", "--out", out, "--name", "fixture-reference"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds a dataset .*refusing to replace it\. Pass --force to replace it, or choose another --name\./);
    expect(importCli([fixture, "--lambda-perf", "--out", out, "--name", "fixture-reference", "--force"]).status).toBe(0);
  }, 60_000);

  it("names the file and the field of a bad entry, and writes nothing", () => {
    const raw = JSON.parse(readFileSync(fixture, "utf8")) as { runtimeData: Record<string, unknown>[] };
    raw.runtimeData[2]!.mu = "34";
    const bad = join(dir, "2025-12-21-bad.json");
    writeFileSync(bad, JSON.stringify(raw));
    const r = importCli([bad, "--lambda-perf", "--out", join(dir, "bad-out")]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`import: ${labMessages.lambdaPerfField(bad, "runtimeData[2].mu", "Invalid input: expected number, received string")}`);
    expect(existsSync(join(dir, "bad-out"))).toBe(false);

    writeFileSync(bad, JSON.stringify({ metadata: {}, runtimeData: raw.runtimeData }));
    expect(importCli([bad, "--lambda-perf", "--out", join(dir, "bad-out")]).stderr.trim()).toBe(
      `import: ${labMessages.lambdaPerfField(bad, "metadata.generatedAt", "Invalid input: expected string, received undefined")}`,
    );
    expect(importCli([bad, fixture, "--lambda-perf", "--out", join(dir, "bad-out")]).stderr.trim()).toBe(
      `import: ${lambdaPerfMessages.oneFile([bad, fixture])}`,
    );
  }, 60_000);

  it("the report refuses a reference dataset that carries rows (they would enter the findings)", async () => {
    const ds = join(out, "lambda-perf-2025-12-21");
    const metaFile = join(ds, "meta.json");
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { counts: { invocations: number } };
    meta.counts.invocations = 1;
    writeFileSync(metaFile, JSON.stringify(meta));
    await expect(loadDatasets([ds])).rejects.toThrow(new DatasetError(loadMessages.referenceWithRows(join(ds, "meta.json"))));
  });
});
