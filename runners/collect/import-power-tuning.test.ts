// Reading aws-lambda-power-tuning results. The documents below follow the output format in its
// README ("State Machine Output"; numbers made up for the test, not measurements).
import { describe, expect, it } from "vitest";
import { importPowerTuning } from "./import-power-tuning.js";

const o = { file: "pt.json", runtime: "node", function: "wave", architecture: "x86_64" as const };
const results = {
  power: "512",
  cost: 4e-7,
  duration: 24.5,
  stateMachine: { executionCost: 0.00045, lambdaCost: 0.0005252, visualization: "https://lambda-power-tuning.show/#" },
  stats: [
    { averagePrice: 6.25e-7, averageDuration: 95.2, value: 128 },
    { averagePrice: 4e-7, averageDuration: 24.5, value: "512" },
    { averagePrice: 4.2e-7, averageDuration: 47.1, value: 256 },
  ],
};

describe("power-tuning import", () => {
  it("reads the state machine output's results.stats, power values as numbers or strings, by size", () => {
    const r = importPowerTuning(JSON.stringify({ results }), o);
    expect(r.recommendedMB).toBe(512);
    expect(r.rows).toEqual([
      { runtime: "node", function: "wave", memoryMB: 128, architecture: "x86_64", averageDurationMs: 95.2, averagePriceUsd: 6.25e-7 },
      { runtime: "node", function: "wave", memoryMB: 256, architecture: "x86_64", averageDurationMs: 47.1, averagePriceUsd: 4.2e-7 },
      { runtime: "node", function: "wave", memoryMB: 512, architecture: "x86_64", averageDurationMs: 24.5, averagePriceUsd: 4e-7 },
    ]);
  });

  it("reads the results object alone, and a describe-execution answer whose output is the JSON as a string", () => {
    expect(importPowerTuning(JSON.stringify(results), o).rows).toHaveLength(3);
    expect(importPowerTuning(JSON.stringify({ status: "SUCCEEDED", output: JSON.stringify({ results }) }), o).rows).toHaveLength(3);
  });

  it("names the file and the field of a bad value, and says how to get stats when they are missing", () => {
    expect(() => importPowerTuning("{", o)).toThrow(/^pt\.json: not valid JSON \(.*\); expected aws-lambda-power-tuning's output$/);
    expect(() => importPowerTuning(JSON.stringify({ results: { power: "128", cost: 1, duration: 2 } }), o)).toThrow(
      'pt.json: no "stats" in the power-tuning output (results.stats): run the state machine with "includeOutputResults": true so its output lists every power value\'s averages',
    );
    const bad = { results: { ...results, stats: [results.stats[0], { averagePrice: 1, averageDuration: "slow", value: 256 }] } };
    expect(() => importPowerTuning(JSON.stringify(bad), o)).toThrow(
      "pt.json: results.stats[1].averageDuration: Invalid input: expected number, received string",
    );
    const small = { results: { ...results, stats: [{ averagePrice: 1, averageDuration: 1, value: 64 }] } };
    expect(() => importPowerTuning(JSON.stringify(small), o)).toThrow("pt.json: results.stats[0].value: expected a memory size ≥ 128 MB");
    const twice = { results: { ...results, stats: [results.stats[0], results.stats[0]] } };
    expect(() => importPowerTuning(JSON.stringify(twice), o)).toThrow("pt.json: power 128 MB appears twice in results.stats");
  });
});
