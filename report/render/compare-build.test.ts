// The comparison report end to end: the comparison notebook executed by the real tslab kernel on
// two FIXTURE runs (a regression planted in the candidate), the site written, the cache reused; a
// run with bad rows refused before the notebook runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFixtureDataset } from "../test/fixtures/generate.js";
import { buildComparisonReport } from "./compare-build.js";
import { ReportBuildError } from "./messages.js";
import { normalizeReportOptions } from "./options.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-compare-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("comparison report build", () => {
  it("executes the comparison notebook, writes its page naming the planted regression, and reuses the cache", async () => {
    generateFixtureDataset(join(dir, "fixture-before"), { name: "fixture-before", seed: 1, invocationsPerFunction: 200 });
    generateFixtureDataset(join(dir, "fixture-after"), {
      name: "fixture-after",
      seed: 2,
      invocationsPerFunction: 200,
      slowdown: { runtime: "rust", function: "save", factor: 2 },
    });
    const lines: string[] = [];
    const request = normalizeReportOptions(
      { compare: ["fixture-before", "fixture-after"], out: "site", cache: "cache", pdf: false },
      (line) => lines.push(line),
      dir,
    );
    if (request.kind !== "compare") throw new Error(`expected a comparison build, got ${request.kind}`);
    const options = request.options;
    const first = await buildComparisonReport(options);
    expect(first.status).toBe("fresh");
    const page = readFileSync(join(dir, "site", "compare.html"), "utf8");
    expect(page).toContain("<strong>Regressions</strong>");
    expect(page).toMatch(/Rust · <code>save<\/code> · 128 MB: p50 Total Duration [\d.]+ ms → [\d.]+ ms \(\+\d+ %/);
    expect(page).toContain('data-spec="spec-compare-largest-changes"');
    expect(readFileSync(join(dir, "site", "data", "compare", "changes.csv"), "utf8").split("\n")[0]).toBe(
      "runtime,function,memoryMB,architecture,metric,unit,baseline,candidate,change,changeLower,changeUpper,relativePct,verdict",
    );
    expect(readFileSync(join(dir, "site", "index.html"), "utf8")).toContain("fixture-after");
    expect(existsSync(join(dir, "site", "lambench-comparison.pdf"))).toBe(false);

    const second = await buildComparisonReport(options);
    expect(second.status).toBe("cached");
    expect(lines.some((l) => l.startsWith("[cached]") && l.includes("90-compare.ipynb"))).toBe(true);
  }, 180_000);

  it("refuses a run whose rows are bad before the notebook runs, naming file, line and field, and leaves the site untouched", async () => {
    const bad = join(dir, "fixture-bad");
    generateFixtureDataset(bad, { name: "fixture-bad", invocationsPerFunction: 6, defect: "malformed-number" });
    const before = readFileSync(join(dir, "site", "compare.html"), "utf8");
    const lines: string[] = [];
    const request = normalizeReportOptions(
      { compare: ["fixture-before", "fixture-bad"], out: "site", cache: "cache", pdf: false },
      (line) => lines.push(line),
      dir,
    );
    if (request.kind !== "compare") throw new Error(`expected a comparison build, got ${request.kind}`);
    await expect(buildComparisonReport(request.options)).rejects.toThrow(
      new ReportBuildError(
        `report not built; a dataset was refused before any notebook ran: ${join(bad, "invocations.csv")} line 3, field durationMs: "abc" is not a number`,
      ),
    );
    expect(lines.filter((l) => /^\[(run|fresh|failed)\]/.test(l))).toEqual([]);
    expect(readFileSync(join(dir, "site", "compare.html"), "utf8")).toBe(before);
  }, 60_000);
});
