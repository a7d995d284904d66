// Reading a lambda-perf daily file: the committed FIXTURE excerpt (see test/fixtures/lambda-perf/README.md).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { parseLambdaPerf } from "./lambda-perf.js";
import { labMessages } from "./messages.js";

const file = join(repoRoot, "test/fixtures/lambda-perf/2025-12-21-excerpt.json");
const day = parseLambdaPerf(readFileSync(file, "utf8"), file);

describe("parseLambdaPerf", () => {
  it("reads the day, the source and every entry as published", () => {
    expect(day).toMatchObject({ date: "2025-12-21", generatedAt: "2025-12-21T14:00:18.418Z" });
    expect(day.source).toContain("github.com/maxday/lambda-perf");
    expect(day.entries).toHaveLength(9);
    expect(day.entries[0]).toEqual({
      name: "lambda-perf-nodejs22x-zip-128-x86_64",
      runtime: "nodejs22.x",
      packaging: "zip",
      memoryMB: 128,
      architecture: "x86_64",
      initDurationsMs: [143.1, 194.25, 136.62, 147.75, 205.44, 135.25, 159.6, 135.62, 156.8, 144.07],
      maxMemoryUsedMB: 72.94,
      avgWarmDurationMs: 13.403,
      avgColdDurationMs: 155.85,
    });
  });

  it("names the file, entry and field of bad input", () => {
    expect(() => parseLambdaPerf("{", "x.json")).toThrow(/^x\.json: not a lambda-perf daily file \(not JSON: /);
    const bad = JSON.stringify({
      metadata: { generatedAt: "2025-12-21T14:00:18.418Z" },
      runtimeData: [{ r: "a", p: "zip", d: "x", i: [1], m: 128, a: "x86_64", mu: "72", ad: 1, acd: 1 }],
    });
    expect(() => parseLambdaPerf(bad, "y.json")).toThrow(
      labMessages.lambdaPerfField("y.json", "runtimeData[0].mu", "Invalid input: expected number, received string"),
    );
  });
});
