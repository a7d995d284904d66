// Report options that reach the notebooks (--billing-rule, --prices) and the comparison's own
// (--compare, --min-effect): normalised once, bad values refused with a message naming the option.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPriceTable } from "../lib/cost/prices.js";
import { comparisonParametersSource, parametersSource } from "../notebook/notebook-source.js";
import { generateFixtureDataset } from "../test/fixtures/generate.js";
import { executionHash } from "./cache.js";
import { compareDefaults, normalizeCompareOptions } from "./compare-options.js";
import { normalizeReportOptions } from "./options.js";
import { sectionOptionsFor } from "./section-options.js";

const silent = (): void => undefined;
const dir = mkdtempSync(join(tmpdir(), "lambench-compare-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const a = join(dir, "fixture-a");
const b = join(dir, "fixture-b");
generateFixtureDataset(a, { name: "fixture-a", invocationsPerFunction: 5 });
generateFixtureDataset(b, { name: "fixture-b", invocationsPerFunction: 5, defect: "incomplete" });
const c = join(dir, "fixture-c");
generateFixtureDataset(c, { name: "fixture-c", invocationsPerFunction: 5 });

describe("--billing-rule and --prices", () => {
  it("reach the notebooks' options; the price table by value, for the cost notebook only", () => {
    const prices = join(dir, "prices.json");
    writeFileSync(prices, JSON.stringify({ ...loadPriceTable(), retrieved: "2031-02-03" }));
    const o = normalizeReportOptions({ data: a, billingRule: "aws-pre-2025-08", prices: "prices.json" }, silent, dir);
    expect(o.sectionOptions?.billingRule).toBe("aws-pre-2025-08");
    expect((o.sectionOptions?.prices as { retrieved: string }).retrieved).toBe("2031-02-03");
    expect(sectionOptionsFor("cost", o.sectionOptions!).prices).toBeDefined();
    expect(sectionOptionsFor("billed", o.sectionOptions!)).toEqual({ billingRule: "aws-pre-2025-08" });
    expect(sectionOptionsFor("memory-cost", o.sectionOptions!).prices).toBeDefined();
    expect(normalizeReportOptions({ data: a }, silent, dir).sectionOptions).toEqual({});
  });

  it("change the notebook's parameters and so its cache key", () => {
    const key = (options: object) =>
      executionHash({ notebookSource: "nb", parameters: parametersSource([a], "lib.cjs", options), datasetFingerprints: ["f"], librarySource: "lib" });
    expect(parametersSource([a], "lib.cjs", { billingRule: "aws-2025-08" })).toContain('const options = {"billingRule":"aws-2025-08"};');
    expect(key({ billingRule: "aws-2025-08" })).not.toBe(key({}));
    expect(key({ billingRule: "aws-2025-08" })).not.toBe(key({ billingRule: "aws-pre-2025-08" }));
    expect(comparisonParametersSource([a], [c], "lib.cjs", { minEffect: 0.1 })).toContain('const options = {"minEffect":0.1};');
  });

  it("refuse an unknown rule and a bad price table, naming the option and the file", () => {
    expect(() => normalizeReportOptions({ data: a, billingRule: "aws-2026" }, silent, dir)).toThrow(
      '--billing-rule "aws-2026": expected one of aws-2025-08, aws-pre-2025-08, as-reported',
    );
    expect(() => normalizeReportOptions({ data: a, prices: "nope.json" }, silent, dir)).toThrow("--prices: nope.json: price table not found");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...loadPriceTable(), currency: "" }));
    expect(() => normalizeReportOptions({ data: a, prices: "bad.json" }, silent, dir)).toThrow("--prices: bad.json: field currency:");
  });
});

describe("--compare", () => {
  it("takes a baseline and a candidate folder, with its own defaults", () => {
    const o = normalizeCompareOptions({ compare: ["fixture-a", "fixture-c"], minEffect: "0.1", billingRule: "aws-2025-08" }, silent, dir);
    expect([o.baseline, o.candidate]).toEqual([a, c]);
    expect(o.options).toEqual({ billingRule: "aws-2025-08", minEffect: 0.1 });
    expect(o.siteDir).toBe(compareDefaults.site);
    expect(o.pdfPath).toBe(compareDefaults.pdf);
    expect(normalizeCompareOptions({ compare: [a, c], pdf: false, out: "site" }, silent, dir)).toMatchObject({ pdfPath: null, siteDir: join(dir, "site") });
  });

  it("refuses what it cannot compare, saying why", () => {
    expect(() => normalizeCompareOptions({ compare: [a] }, silent, dir)).toThrow("--compare takes two dataset folders (baseline, then candidate), got 1");
    expect(() => normalizeCompareOptions({ minEffect: "0.1" }, silent, dir)).toThrow("got 0");
    expect(() => normalizeCompareOptions({ compare: [a, a] }, silent, dir)).toThrow("baseline and candidate are the same folder");
    expect(() => normalizeCompareOptions({ compare: [a, b] }, silent, dir)).toThrow("fixture-b is not a complete dataset");
    expect(() => normalizeCompareOptions({ compare: [a, join(dir, "missing")] }, silent, dir)).toThrow("missing is not a complete dataset");
    expect(() => normalizeCompareOptions({ compare: [a, c], data: a }, silent, dir)).toThrow("--data cannot be used with --compare");
    expect(() => normalizeCompareOptions({ compare: [a, c], section: "cost" }, silent, dir)).toThrow("--section cannot be used with --compare");
    expect(() => normalizeCompareOptions({ compare: [a, c], prices: "p.json" }, silent, dir)).toThrow("--prices cannot be used with --compare");
    expect(() => normalizeCompareOptions({ compare: [a, c], minEffect: "-1" }, silent, dir)).toThrow('--min-effect "-1": expected a number ≥ 0');
    expect(() => normalizeCompareOptions({ compare: [a, c], billingRule: "x" }, silent, dir)).toThrow('--billing-rule "x"');
  });
});
