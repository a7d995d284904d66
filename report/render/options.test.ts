import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findCompleteDatasets } from "../notebook/datasets.js";
import { normalizeReportOptions } from "./options.js";
import { sectionOptionsFor } from "./section-options.js";

const silent = (): void => undefined;

describe("report options", () => {
  it("takes --data as comma-separated folders relative to the working directory", () => {
    const options = normalizeReportOptions({ data: "a, b/c", pdf: false, jobs: "3" }, silent, "/work");
    expect(options.datasets).toEqual(["/work/a", "/work/b/c"]);
    expect(options.pdfPath).toBeNull();
    expect(options.concurrency).toBe(3);
  });

  it("names the unknown section and lists the known ones", () => {
    expect(() => normalizeReportOptions({ data: "a", section: "latency" }, silent)).toThrow(/unknown section "latency"; sections: summary, expected-range/);
  });

  it("passes --seed and --resamples to the sections and refuses values that are not whole numbers", () => {
    const options = normalizeReportOptions({ data: "a", seed: "-7", resamples: "500" }, silent);
    expect(options.sectionOptions).toEqual({ seed: -7, resamples: 500 });
    expect(() => normalizeReportOptions({ data: "a", resamples: "0" }, silent)).toThrow('--resamples "0": expected a whole number of at least 1');
    expect(() => normalizeReportOptions({ data: "a", seed: "1.5" }, silent)).toThrow('--seed "1.5": expected a whole number');
  });

  it("passes --strategy and --balanced-weight to the Summary and Memory and cost notebooks only, and refuses bad values", () => {
    const options = normalizeReportOptions({ data: "a", strategy: "balanced", balancedWeight: "0.3" }, silent);
    expect(options.sectionOptions).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("memory-cost", options.sectionOptions!)).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("summary", options.sectionOptions!)).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("tail", options.sectionOptions!)).toEqual({});
    expect(() => normalizeReportOptions({ data: "a", strategy: "Balanced" }, silent)).toThrow('--strategy "Balanced": expected one of cost, speed, balanced (power-tuning\'s strategies)');
    expect(() => normalizeReportOptions({ data: "a", balancedWeight: "1.5" }, silent)).toThrow('--balanced-weight "1.5": expected a number from 0 (speed) to 1 (cost)');
    expect(() => normalizeReportOptions({ data: "a", balancedWeight: "" }, silent)).toThrow("--balanced-weight");
  });

  it("refuses a bad --jobs", () => {
    expect(() => normalizeReportOptions({ data: "a", jobs: "0" }, silent)).toThrow(/--jobs must be a positive integer/);
  });

  it("finds only complete datasets, sorted", () => {
    const root = mkdtempSync(join(tmpdir(), "lambench-find-"));
    for (const [name, complete] of [["b", true], ["a", true], ["half", false]] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, "meta.json"), JSON.stringify({ complete }));
    }
    mkdirSync(join(root, "no-meta"));
    expect(findCompleteDatasets(root)).toEqual([join(root, "a"), join(root, "b")]);
    expect(findCompleteDatasets(join(root, "missing"))).toEqual([]);
  });
});
