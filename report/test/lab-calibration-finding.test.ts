// Lab vs AWS on the lambda-perf FIXTURE excerpt and made-up lab cold starts (not measurements).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest, repoRoot } from "../../functions/manifest.js";
import { calibrate, findLambdaPerf, helloWorldFunction, lambdaPerfKey, orderAgreement, orderBy } from "../lib/findings/lab-calibration.js";
import { parseLambdaPerf } from "../../runners/lab/lambda-perf.js";

const file = join(repoRoot, "test/fixtures/lambda-perf/2025-12-21-excerpt.json");
const day = parseLambdaPerf(readFileSync(file, "utf8"), file);
const manifest = loadManifest();
const runtimes = manifest.runtimes;
const cold = (runtime: string, inits: number[], mem: number) => inits.map((initDurationMs) => ({ runtime, initDurationMs, maxMemoryUsedMB: mem }));

describe("the manifest's runtimes in lambda-perf's names", () => {
  it("finds every runtime of the manifest at 128 and 256 MB x86_64 zip", () => {
    expect(runtimes.map(lambdaPerfKey)).toEqual(["nodejs22x", "python311", "go_on_provided_al2023", "rust_on_provided_al2023"]);
    for (const r of runtimes) for (const mb of [128, 256]) expect(findLambdaPerf(day.entries, lambdaPerfKey(r), mb, "x86_64"), `${r.id} ${mb}`).toBeDefined();
    expect(findLambdaPerf(day.entries, "nodejs22x", 512, "x86_64")).toBeUndefined();
    expect(findLambdaPerf(day.entries, "nodejs22x", 128, "arm64")?.name).toBe("lambda-perf-nodejs22x-zip-128-arm64");
  });

  it("compares the manifest's first benchmark function that touches no table", () => {
    expect(helloWorldFunction(manifest)).toBe("wave");
    expect(helloWorldFunction({ ...manifest, functions: manifest.functions.filter((f) => f.tableAccess !== "none") })).toBeNull();
  });
});

describe("calibrate", () => {
  it("puts the lab's medians beside AWS's with lab/AWS ratios, unscaled", () => {
    const rows = calibrate(day, runtimes.slice(0, 1), cold(runtimes[0]!.id, [70, 72.955, 80], 36.47), 128, "x86_64");
    // AWS nodejs22.x 128 MB x86_64: Init median of the ten values (144.07 + 147.75) / 2 = 145.91 ms, Max Memory Used 72.94 MB.
    expect(rows[0]).toMatchObject({
      lambdaPerfName: "lambda-perf-nodejs22x-zip-128-x86_64",
      labInitMedianMs: 72.955,
      labMaxMemoryMedianMB: 36.47,
      awsMaxMemoryMB: 72.94,
      labColdStarts: 3,
      awsColdStarts: 10,
    });
    expect(rows[0]!.awsInitMedianMs).toBeCloseTo(145.91, 9);
    expect(rows[0]!.initRatio).toBeCloseTo(0.5, 9);
    expect(rows[0]!.memoryRatio).toBeCloseTo(0.5, 9);
  });

  it("leaves a runtime AWS did not measure at that size, or the lab did not run, without a ratio; orders each side", () => {
    const rows = calibrate(day, runtimes, [...cold(runtimes[1]!.id, [50], 20), ...cold(runtimes[2]!.id, [10], 8)], 512, "x86_64");
    expect(rows.every((r) => r.initRatio === null && r.awsColdStarts === 0)).toBe(true);
    const at128 = calibrate(day, runtimes, [...cold(runtimes[1]!.id, [50], 20), ...cold(runtimes[2]!.id, [10], 8)], 128, "x86_64");
    expect(orderBy(at128, (r) => r.labInitMedianMs)).toEqual([[runtimes[2]!.id], [runtimes[1]!.id]]);
    expect(orderBy(at128, (r) => r.awsInitMedianMs)).toEqual([[runtimes[3]!.id], [runtimes[2]!.id], [runtimes[1]!.id], [runtimes[0]!.id]]);
    // Equal medians are one group: a tie, not an order.
    const tied = calibrate(day, runtimes, [...cold(runtimes[0]!.id, [61.5], 49), ...cold(runtimes[1]!.id, [61.5], 17)], 256, "x86_64");
    expect(orderBy(tied, (r) => r.labInitMedianMs)).toEqual([[runtimes[0]!.id, runtimes[1]!.id]]);
    expect(at128[0]).toMatchObject({ labInitMedianMs: null, initRatio: null, labColdStarts: 0 });
  });
});

describe("orderAgreement", () => {
  it("tells the same order, a pair in opposite order, and a tie on one side only apart, on the runtimes both rank", () => {
    expect(orderAgreement([["rust"], ["go"], ["python"]], [["rust"], ["go"], ["python"], ["node"]])).toBe("same");
    expect(orderAgreement([["go"], ["rust"], ["python"]], [["rust"], ["go"], ["python"]])).toBe("opposite-pair");
    expect(orderAgreement([["rust"], ["go"], ["node", "python"]], [["rust"], ["go"], ["python"], ["node"]])).toBe("ties-differ");
    expect(orderAgreement([["rust"], ["go"], ["node"], ["python"]], [["rust"], ["go"], ["python"], ["node"]])).toBe("opposite-pair");
  });
});
