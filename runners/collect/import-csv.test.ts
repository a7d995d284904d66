// Logs Insights CSV imports. The CSVs are generated fixtures written in the test, not measurements.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest, repoRoot } from "../../functions/manifest.js";
import { metaSchema } from "../dataset/contract.js";
import { importInsightsCsv, ImportError, type ImportOptions } from "./import-csv.js";
import { streamMapping } from "./mapping.js";

const manifest = loadManifest();
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  source: "fixture.csv",
  manifest,
  architecture: "x86_64",
  mapping: streamMapping({ manifest, architecture: "x86_64" }),
  ...extra,
});

const REPORT_COLD =
  "REPORT RequestId: 11111111-0000-4000-8000-000000000001\tDuration: 10.50 ms\tBilled Duration: 11 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 150.25 ms\t";
const REPORT_WARM =
  "REPORT RequestId: 11111111-0000-4000-8000-000000000002\tDuration: 2.25 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\t";
const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

const RAW = [
  "@timestamp,@message,@logStream,@log",
  `2024-03-01 12:00:00.000,${csvCell(REPORT_COLD)},2024/03/01/[$LATEST]abc,123456789012:/aws/lambda/lambench-128-rust-conc`,
  `2024-03-01 12:00:01.500,${csvCell(REPORT_WARM)},2024/03/01/[$LATEST]abc,123456789012:/aws/lambda/lambench-128-rust-conc`,
  `2024-03-01 12:00:02.000,${csvCell("REPORT RequestId: zzz\tDuration: 1 ms")},2024/03/01/[$LATEST]abc,123456789012:/aws/lambda/lambench-128-rust-conc`,
  `2024-03-01 12:00:03.000,${csvCell(REPORT_WARM.replace("0002", "0003"))},2024/03/01/[$LATEST]x,123456789012:/aws/lambda/somebody-else`,
].join("\n");

// Seed layout as its query produced it: BilledDuration repeats Duration; memory is bytes/1024².
const mib = (mb: number) => (mb * 1_000_000) / (1024 * 1024);
const SEED = [
  "Timestamp,InitDuration,Duration,BilledDuration,MaxMemoryUsed,Runtime,Function",
  `2023-06-01 10:00:00.000,180.5,12.25,12.25,${mib(45)},rust,search`,
  `2023-06-01 10:00:00.100,,3.5,3.5,${mib(46)},rust,search`,
  `2023-06-01 10:00:00.200,250.75,20.5,20.5,${mib(70)},node,search`,
  `2023-06-01 10:00:00.300,,4.25,4.25,${mib(71)},Node.js,search`,
].join("\n");

describe("import: raw @message exports", () => {
  it("parses each @message, maps lambench's own groups by name and keeps other functions under their own name", () => {
    const r = importInsightsCsv(RAW, options());
    expect(r.layout).toBe("raw");
    expect(r.corrections).toEqual([]);
    expect(r.billing.rule).toBe("as-reported");
    expect(r.rows.map((x) => [x.runtime, x.function, x.requestId, x.timestamp, x.durationMs, x.billedDurationMs, x.initDurationMs, x.instanceId])).toEqual([
      ["rust", "conc", "11111111-0000-4000-8000-000000000001", "2024-03-01T12:00:00.000Z", 10.5, 11, 150.25, "2024/03/01/[$LATEST]abc"],
      ["rust", "conc", "11111111-0000-4000-8000-000000000002", "2024-03-01T12:00:01.500Z", 2.25, 3, null, "2024/03/01/[$LATEST]abc"],
      ["unknown", "somebody-else", "11111111-0000-4000-8000-000000000003", "2024-03-01T12:00:03.000Z", 2.25, 3, null, "2024/03/01/[$LATEST]x"],
    ]);
    expect(r.unreadable).toHaveLength(1);
    expect(r.warnings.join("\n")).not.toContain("mapping");
  });
});

describe("import: the seed query's columns", () => {
  it("reads a memory column in bytes as bytes: divides by 10⁶ and says so, or refuses what reads as neither", () => {
    const bytes = SEED.split("\n")
      .map((line, i) =>
        i === 0
          ? line
          : line.replace(/,([\d.]+),(rust|node|Node\.js),/, (_, m: string, rt: string) => `,${Math.round(Number(m) * 1.048576) * 1_000_000},${rt},`),
      )
      .join("\n");
    const r = importInsightsCsv(bytes, options({ memoryMB: 128 }));
    expect(r.rows.map((x) => x.maxMemoryUsedMB)).toEqual([45, 46, 70, 71]);
    expect(r.corrections.join("\n")).toContain("MaxMemoryUsed: values above Lambda's largest memory size (10,240 MB) that read as bytes: divided by 10⁶");
    const mixed = bytes.replace(/,45000000,/, ",45,");
    expect(() => importInsightsCsv(mixed, options({ memoryMB: 128 }))).toThrow(/line 3, column "MaxMemoryUsed": 46000000 cannot be read as MB or as bytes/);
  });

  it("detects the aliased BilledDuration and the 1024² division and corrects both, saying how", () => {
    const r = importInsightsCsv(SEED, options({ memoryMB: 128 }));
    expect(r.layout).toBe("seed");
    expect(r.corrections).toHaveLength(2);
    expect(r.corrections[0]).toContain('billing rule "aws-pre-2025-08"');
    expect(r.corrections[1]).toContain("1.048576");
    expect(r.billing.rule).toBe("aws-pre-2025-08");
    // custom runtime (rust): INIT billed; managed (node) before 2025-08: not billed.
    expect(r.rows.map((x) => [x.runtime, x.billedDurationMs, x.maxMemoryUsedMB, x.initDurationMs, x.memoryMB])).toEqual([
      ["rust", 193, 45, 180.5, 128],
      ["rust", 4, 46, null, 128],
      ["node", 21, 70, 250.75, 128],
      ["node", 5, 71, null, 128],
    ]);
  });

  it("keeps genuine billed durations and whole-MB memory as they are", () => {
    const honest = [
      "Timestamp,InitDuration,Duration,BilledDuration,MaxMemoryUsed,Runtime,Function",
      "2023-06-01 10:00:00.000,180.5,12.25,13,45,rust,search",
      "2023-06-01 10:00:00.100,,3.5,4,46,rust,search",
      "2023-06-01 10:00:00.200,250.75,20.5,21,70,node,search",
      "2023-06-01 10:00:00.300,,4.25,5,71,node,search",
    ].join("\n");
    const r = importInsightsCsv(honest, options({ memoryMB: 256 }));
    expect(r.corrections).toEqual([]);
    expect(r.billing.rule).toBe("as-reported");
    expect(r.rows.map((x) => [x.billedDurationMs, x.maxMemoryUsedMB])).toEqual([
      [13, 45],
      [4, 46],
      [21, 70],
      [5, 71],
    ]);
  });

  it("needs --memory for the seed layout", () => {
    expect(() => importInsightsCsv(SEED, options())).toThrow("pass --memory <MB>");
  });
});

describe("import: malformed CSVs name the line and column", () => {
  it.each([
    ["an unclosed quote", `${SEED}\n2023-06-01 10:00:01.000,"1,2,3,4,rust,search`, /fixture\.csv: line 6.*Quote Not Closed/],
    ["a short row", `${SEED}\n2023-06-01 10:00:01.000,1,2`, /fixture\.csv: line 6.*(expected 7 fields|Invalid Record Length)/],
    ["a non-number", SEED.replace("12.25,12.25", "12.25,fast"), /fixture\.csv: line 2, column "BilledDuration": not a non-negative number \(value "fast"\)/],
    ["an unknown runtime", SEED.replace(",rust,search", ",cobol,search"), /line 2, column "Runtime": not a runtime of the manifest \(value "cobol"\)/],
    ["a bad timestamp", SEED.replace("2023-06-01 10:00:00.100", "yesterday"), /line 3, column "Timestamp": not a timestamp/],
    ["unknown columns", "a,b\n1,2", /line 1: not a known Logs Insights export \(columns: a, b\)/],
    ["no @message column", "@timestamp,@logStream\n1,2", /line 1: missing column "@message"/],
    ["no data rows", "@timestamp,@message\n", /fixture\.csv: no data rows/],
  ])("%s", (_label, text, error) => {
    expect(() => importInsightsCsv(text, options({ memoryMB: 128 }))).toThrow(ImportError);
    expect(() => importInsightsCsv(text, options({ memoryMB: 128 }))).toThrow(error);
  });
});

describe("npm run import (CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "lambench-import-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a complete dataset whose meta.json records the corrections", () => {
    const file = join(dir, "seed-export.csv");
    writeFileSync(file, SEED);
    const out = execFileSync(process.execPath, ["--import", "tsx", "runners/cli/import.ts", file, "--memory", "256", "--out", dir], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(out).toContain("4 invocations");
    const meta = metaSchema.parse(JSON.parse(readFileSync(join(dir, "seed-export", "meta.json"), "utf8")));
    expect(meta.complete).toBe(true);
    expect(meta.source.kind).toBe("import");
    expect(meta.source.corrections).toHaveLength(2);
    expect(meta.memorySizes).toEqual([256]);
    expect(readFileSync(join(dir, "seed-export", "invocations.csv"), "utf8").split("\n")[1]).toBe(
      "rust,search,256,x86_64,1,csv-line-2,2023-06-01T10:00:00.000Z,,12.25,193,45,180.5,,success,",
    );
  });

  it("fails with the file, line and column on a malformed CSV", () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, SEED.replace("3.5,3.5", "3.5,x"));
    let stderr = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "runners/cli/import.ts", file, "--memory", "128", "--out", dir], {
        cwd: repoRoot,
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(stderr).toContain(`import: ${file}: line 3, column "BilledDuration"`);
  });
});
