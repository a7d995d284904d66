// The collect and import options: typed values, or an error naming the option (asserted by value).
import { describe, expect, it } from "vitest";
import { ARCHITECTURES } from "../dataset/contract.js";
import { collectMessages, lambdaPerfMessages, optionMessages } from "./messages.js";
import { normalizeCollectOptions, normalizeImportOptions } from "./options.js";

const NOW = Date.parse("2026-01-02T00:00:00Z");
const collect = { since: "6h", architecture: "x86_64", method: "filter", maxAttempts: "8" };

describe("normalizeCollectOptions", () => {
  it("reads times relative to now and the rest as typed values", () => {
    expect(normalizeCollectOptions({ ...collect, until: "2026-01-01T23:00:00Z", method: "insights", architecture: "arm64" }, NOW)).toEqual({
      since: NOW - 6 * 3_600_000,
      until: Date.parse("2026-01-01T23:00:00Z"),
      architecture: "arm64",
      method: "insights",
      maxAttempts: 8,
    });
    expect(normalizeCollectOptions(collect, NOW).until).toBe(NOW);
  });

  it("refuses each bad option by name", () => {
    expect(() => normalizeCollectOptions({ ...collect, architecture: "sparc" }, NOW)).toThrow(
      new Error(optionMessages.badArchitecture("sparc", ARCHITECTURES)),
    );
    expect(() => normalizeCollectOptions({ ...collect, method: "grep" }, NOW)).toThrow(new Error(optionMessages.badMethod("grep")));
    expect(() => normalizeCollectOptions({ ...collect, maxAttempts: "0" }, NOW)).toThrow(new Error(optionMessages.badMaxAttempts("0")));
    expect(() => normalizeCollectOptions({ ...collect, until: "7h" }, NOW)).toThrow(
      new Error(collectMessages.untilBeforeSince(new Date(NOW - 7 * 3_600_000).toISOString(), new Date(NOW - 6 * 3_600_000).toISOString())),
    );
  });
});

describe("normalizeImportOptions", () => {
  it("reads the memory size in MB and the power-tuning target", () => {
    expect(normalizeImportOptions({ architecture: "x86_64", memory: "1024" }, ["a.csv", "b.csv"])).toEqual({
      architecture: "x86_64",
      memoryMB: 1024,
      powerTuning: null,
      lambdaPerf: null,
    });
    expect(normalizeImportOptions({ architecture: "arm64", powerTuning: true, runtime: "mine", function: "api" }, ["r.json"])).toEqual({
      architecture: "arm64",
      powerTuning: { file: "r.json", runtime: "mine", function: "api" },
      lambdaPerf: null,
    });
    expect(normalizeImportOptions({ architecture: "x86_64", lambdaPerf: true }, ["2025-12-21.json"]).lambdaPerf).toEqual({ file: "2025-12-21.json" });
    expect(() => normalizeImportOptions({ architecture: "x86_64", lambdaPerf: true }, ["a.json", "b.json"])).toThrow(
      new Error(lambdaPerfMessages.oneFile(["a.json", "b.json"])),
    );
  });

  it("refuses memory in bytes or out of Lambda's range, and power-tuning without its arguments", () => {
    expect(() => normalizeImportOptions({ architecture: "x86_64", memory: "134217728" }, ["a.csv"])).toThrow(new Error(optionMessages.badMemory("134217728")));
    expect(() => normalizeImportOptions({ architecture: "x86_64", memory: "64" }, ["a.csv"])).toThrow(new Error(optionMessages.badMemory("64")));
    expect(() => normalizeImportOptions({ architecture: "x86_64", powerTuning: true, runtime: "mine" }, ["r.json"])).toThrow(
      new Error(optionMessages.powerTuningArguments()),
    );
    expect(() => normalizeImportOptions({ architecture: "x86_64", powerTuning: true, runtime: "mine", function: "api" }, ["a.json", "b.json"])).toThrow(
      new Error(optionMessages.powerTuningArguments()),
    );
  });
});
