// The one normaliser of report options (render/options.ts): the report's own (--data, --section,
// --jobs), the notebooks' (--billing-rule, --prices, --seed, --resamples, --strategy,
// --balanced-weight) and the comparison's (--compare, --min-effect). Bad values are refused with
// the messages of render/messages.ts, asserted here by value.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_REFERENCE } from "../test/fixtures/reference.js";
import { loadPriceTable } from "../lib/cost/prices.js";
import { comparisonParametersSource, parametersSource } from "../notebook/notebook-source.js";
import { findCompleteDatasets } from "../notebook/datasets.js";
import { generateFixtureDataset } from "../test/fixtures/generate.js";
import { executionHash } from "./cache.js";
import { ReportBuildError, renderMessages } from "./messages.js";
import {
  normalizeReportOptions,
  ONE_KERNEL_ABOVE_INVOCATIONS,
  sectionOptionsFor,
  type BuildOptions,
  type CompareBuildOptions,
  type RawReportOptions,
} from "./options.js";
import { paths } from "./paths.js";

const silent = (): void => undefined;
const dir = mkdtempSync(join(tmpdir(), "lambench-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const a = join(dir, "fixture-a");
const b = join(dir, "fixture-b");
const c = join(dir, "fixture-c");
generateFixtureDataset(a, { name: "fixture-a", invocationsPerFunction: 5 });
generateFixtureDataset(b, { name: "fixture-b", invocationsPerFunction: 5, defect: "incomplete" });
generateFixtureDataset(c, { name: "fixture-c", invocationsPerFunction: 5 });

function report(raw: RawReportOptions, cwd = dir): BuildOptions {
  const request = normalizeReportOptions(raw, silent, cwd);
  if (request.kind !== "report") throw new Error(`expected a report build, got ${request.kind}`);
  return request.options;
}

function comparison(raw: RawReportOptions, cwd = dir): CompareBuildOptions {
  const request = normalizeReportOptions(raw, silent, cwd);
  if (request.kind !== "compare") throw new Error(`expected a comparison build, got ${request.kind}`);
  return request.options;
}

/** The error a normaliser call throws: a ReportBuildError, compared by its whole message. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ReportBuildError);
    return (error as Error).message;
  }
  throw new Error("the options were accepted");
}

describe("report options", () => {
  it("takes --data as comma-separated folders relative to the working directory", () => {
    const options = report({ data: "a, b/c", pdf: false, jobs: "3" }, "/work");
    expect(options.datasets).toEqual(["/work/a", "/work/b/c"]);
    expect(options.datasetsExplicit).toBe(true);
    expect(options.pdfPath).toBeNull();
    expect(options.concurrency).toBe(3);
    expect(options.siteDir).toBe(paths.site);
  });

  it("names the unknown section and lists the known ones", () => {
    expect(refusal(() => report({ data: "a", section: "latency" }))).toBe(
      'unknown section "latency"; sections: summary, expected-range, worst-case, tail, cold-start, memory, billed, cost, memory-cost, mitigations, appendix, lab-calibration',
    );
  });

  it("refuses a bad --jobs", () => {
    expect(refusal(() => report({ data: "a", jobs: "0" }))).toBe('--jobs must be a positive integer, got "0"');
    expect(refusal(() => report({ data: "a", jobs: "two" }))).toBe('--jobs must be a positive integer, got "two"');
  });

  it("runs one kernel by default when the datasets hold more invocations than a kernel each should load, and says so", () => {
    // Only meta.json's count is read here: a FIXTURE whose meta.json claims a huge dataset.
    const huge = join(dir, "huge", "fixture-huge");
    generateFixtureDataset(huge, { name: "fixture-huge", invocationsPerFunction: 2 });
    const metaFile = join(huge, "meta.json");
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { counts: { invocations: number } };
    meta.counts.invocations = ONE_KERNEL_ABOVE_INVOCATIONS + 1;
    writeFileSync(metaFile, JSON.stringify(meta));
    const log: string[] = [];
    const request = normalizeReportOptions({ data: huge }, (line) => log.push(line), dir);
    expect(request.options).toMatchObject({ concurrency: 1 });
    expect(log).toEqual([renderMessages.progress.oneKernel(ONE_KERNEL_ABOVE_INVOCATIONS + 1, ONE_KERNEL_ABOVE_INVOCATIONS)]);
    expect(log[0]).toBe("[jobs]   1 kernel: the datasets hold 500,001 invocations (over 500,000), and each kernel loads every row; --jobs <n> runs more");
    expect(report({ data: huge, jobs: "2" }).concurrency).toBe(2);
    expect(report({ data: "a" }).concurrency).toBe(availableParallelism());
  });

  it("passes --seed and --resamples to the sections and refuses values that are not whole numbers", () => {
    expect(report({ data: "a", seed: "-7", resamples: "500" }).sectionOptions).toEqual({ seed: -7, resamples: 500 });
    expect(refusal(() => report({ data: "a", resamples: "0" }))).toBe('--resamples "0": expected a whole number of at least 1');
    expect(refusal(() => report({ data: "a", seed: "1.5" }))).toBe('--seed "1.5": expected a whole number');
  });

  it("passes --strategy and --balanced-weight to the Summary and Memory and cost notebooks only, and refuses bad values", () => {
    const options = report({ data: "a", strategy: "balanced", balancedWeight: "0.3" });
    expect(options.sectionOptions).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("memory-cost", options.sectionOptions!)).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("summary", options.sectionOptions!)).toEqual({ strategy: "balanced", balancedWeight: 0.3 });
    expect(sectionOptionsFor("tail", options.sectionOptions!)).toEqual({});
    expect(refusal(() => report({ data: "a", strategy: "Balanced" }))).toBe(
      '--strategy "Balanced": expected one of cost, speed, balanced (power-tuning\'s strategies)',
    );
    expect(refusal(() => report({ data: "a", balancedWeight: "1.5" }))).toBe('--balanced-weight "1.5": expected a number from 0 (speed) to 1 (cost)');
    expect(refusal(() => report({ data: "a", balancedWeight: "" }))).toBe('--balanced-weight "": expected a number from 0 (speed) to 1 (cost)');
  });

  it("finds only complete datasets, sorted", () => {
    const root = mkdtempSync(join(tmpdir(), "lambench-find-"));
    for (const [name, complete] of [
      ["b", true],
      ["a", true],
      ["half", false],
    ] as const) {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, "meta.json"), JSON.stringify({ complete }));
    }
    mkdirSync(join(root, "no-meta"));
    expect(findCompleteDatasets(root)).toEqual([join(root, "a"), join(root, "b")]);
    expect(findCompleteDatasets(join(root, "missing"))).toEqual([]);
  });
});

describe("--billing-rule and --prices", () => {
  it("reach the notebooks' options; the price table by value, for the sections that price only", () => {
    const prices = join(dir, "prices.json");
    writeFileSync(prices, JSON.stringify({ ...loadPriceTable(), retrieved: "2031-02-03" }));
    const o = report({ data: a, billingRule: "aws-pre-2025-08", prices: "prices.json" });
    expect(o.sectionOptions?.billingRule).toBe("aws-pre-2025-08");
    expect((o.sectionOptions?.prices as { retrieved: string }).retrieved).toBe("2031-02-03");
    expect(sectionOptionsFor("cost", o.sectionOptions!).prices).toBeDefined();
    expect(sectionOptionsFor("billed", o.sectionOptions!)).toEqual({ billingRule: "aws-pre-2025-08" });
    expect(sectionOptionsFor("memory-cost", o.sectionOptions!).prices).toBeDefined();
    expect(report({ data: a }).sectionOptions).toEqual({});
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
    expect(refusal(() => report({ data: a, billingRule: "aws-2026" }))).toBe(
      '--billing-rule "aws-2026": expected one of aws-2025-08, aws-pre-2025-08, as-reported',
    );
    expect(refusal(() => report({ data: a, prices: "nope.json" }))).toBe("--prices: nope.json: price table not found");
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ ...loadPriceTable(), currency: "" }));
    expect(refusal(() => report({ data: a, prices: "bad.json" }))).toBe(
      "--prices: bad.json: field currency: Too small: expected string to have >=1 characters",
    );
  });
});

describe("--compare", () => {
  it("asks for a comparison build when --compare or --min-effect is given", () => {
    expect(normalizeReportOptions({ data: a }, silent, dir).kind).toBe("report");
    expect(normalizeReportOptions({ compare: [a, c] }, silent, dir).kind).toBe("compare");
  });

  it("takes a baseline and a candidate folder, with its own defaults", () => {
    const o = comparison({ compare: ["fixture-a", "fixture-c"], minEffect: "0.1", billingRule: "aws-2025-08" });
    expect([o.baseline, o.candidate]).toEqual([a, c]);
    expect(o.options).toEqual({ billingRule: "aws-2025-08", minEffect: 0.1 });
    expect(o.siteDir).toBe(paths.compareSite);
    expect(o.pdfPath).toBe(paths.comparePdf);
    expect(comparison({ compare: [a, c], pdf: false, out: "site" })).toMatchObject({ pdfPath: null, siteDir: join(dir, "site") });
  });

  it("refuses what it cannot compare, saying why", () => {
    expect(refusal(() => comparison({ compare: [a] }))).toBe("--compare takes two dataset folders (baseline, then candidate), got 1");
    expect(refusal(() => comparison({ minEffect: "0.1" }))).toBe("--compare takes two dataset folders (baseline, then candidate), got 0");
    expect(refusal(() => comparison({ compare: [a, a] }))).toBe(`--compare: baseline and candidate are the same folder (${a})`);
    expect(refusal(() => comparison({ compare: [a, b] }))).toBe(`--compare: ${b} is not a complete dataset (no meta.json with complete: true)`);
    const missing = join(dir, "missing");
    expect(refusal(() => comparison({ compare: [a, missing] }))).toBe(`--compare: ${missing} is not a complete dataset (no meta.json with complete: true)`);
    const conflict = (option: string) => `${option} cannot be used with --compare (the comparison is one notebook of its own)`;
    expect(refusal(() => comparison({ compare: [a, c], data: a }))).toBe(conflict("--data"));
    expect(refusal(() => comparison({ compare: [a, c], section: "cost" }))).toBe(conflict("--section"));
    expect(refusal(() => comparison({ compare: [a, c], prices: "p.json" }))).toBe(conflict("--prices"));
    expect(refusal(() => comparison({ compare: [a, c], minEffect: "-1" }))).toBe(
      '--min-effect "-1": expected a number ≥ 0 (a fraction of the baseline, e.g. 0.05 for 5 %)',
    );
    expect(refusal(() => comparison({ compare: [a, c], billingRule: "x" }))).toBe(
      '--billing-rule "x": expected one of aws-2025-08, aws-pre-2025-08, as-reported',
    );
    const reference = join(dir, "fixture-reference");
    generateFixtureDataset(reference, { name: "fixture-reference", invocationsPerFunction: 5 });
    const metaFile = join(reference, "meta.json");
    writeFileSync(metaFile, JSON.stringify({ ...(JSON.parse(readFileSync(metaFile, "utf8")) as object), reference: FIXTURE_REFERENCE }));
    expect(refusal(() => comparison({ compare: [a, reference] }))).toBe(
      `--compare: ${reference} is a reference dataset (AWS numbers imported with --lambda-perf), not a run; compare two runs, and see the reference in the report's Lab vs AWS section`,
    );
  });
});
