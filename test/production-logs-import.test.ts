// Scenario: a user's own production logs (two functions on nodejs20.x and python3.12, REPORT lines
// as text and as JSON) go through `npm run import` into a report, with no manifest edit. The logs
// are generated fixtures (made-up numbers), not measurements.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultManifestPath, repoRoot } from "../functions/manifest.js";
import { buildSection, describeDatasets, loadDatasets, sectionIds } from "../report/lib/index.js";
import { messages } from "../report/lib/narrative/messages.js";
import { checkoutJsonLines, ordersApiTextLog } from "./fixtures/production-logs.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-production-logs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const manifestHash = () => createHash("sha256").update(readFileSync(defaultManifestPath)).digest("hex");
const text = (blocks: { kind: string; text?: string }[]) =>
  blocks
    .filter((b) => b.kind === "markdown")
    .map((b) => b.text)
    .join("\n");

function importLogs(name: string, files: Record<string, string>): string {
  const paths = Object.entries(files).map(([file, content]) => {
    writeFileSync(join(dir, file), content);
    return join(dir, file);
  });
  execFileSync(process.execPath, ["--import", "tsx", "runners/cli/import.ts", ...paths, "--out", dir, "--name", name], { cwd: repoRoot, stdio: "pipe" });
  return join(dir, name);
}

describe("production logs → npm run import → report", () => {
  it("reports on two users' functions by their Lambda runtime ids, every section present or saying why not", async () => {
    const before = manifestHash();
    const path = importLogs("fixture-production", { "orders-api.log": ordersApiTextLog(), "checkout.jsonl": checkoutJsonLines() });
    expect(manifestHash()).toBe(before);

    const meta = JSON.parse(readFileSync(join(path, "meta.json"), "utf8")) as { target: string; source: { kind: string } };
    expect(meta.target).toBe("import");
    const data = await loadDatasets([path]);
    const pairs = data.invocations.groupby("runtime", "function").count().objects() as { runtime: string; function: string; count: number }[];
    expect(pairs.map((p) => `${p.runtime}/${p.function}/${p.count}`).sort()).toEqual(["nodejs20.x/orders-api/60", "python3.12/checkout/60"]);
    expect(describeDatasets(data)[0]!.runtimes).toEqual(["nodejs20.x", "python3.12"]);
    expect(describeDatasets(data)[0]!.runtimeVersions).toEqual([
      { runtime: "nodejs20.x", version: "nodejs:20.v33" },
      { runtime: "python3.12", version: "python:3.12.v40" },
    ]);

    const sections = Object.fromEntries(sectionIds.map((id) => [id, buildSection(id, data)]));
    for (const id of sectionIds) expect(sections[id]!.blocks.length, id).toBeGreaterThan(0);
    const alone = [
      { function: "orders-api", runtime: "nodejs20.x" },
      { function: "checkout", runtime: "python3.12" },
    ];
    expect(text(sections.summary!.blocks)).toContain(messages.summaryNothingCompares(["nodejs20.x", "python3.12"], alone));
    expect(text(sections["worst-case"]!.blocks)).toContain(
      messages.nothingCompares("fixture-production · 256 MB", "the worst case (max Total Duration)", alone),
    );
    expect(text(sections["expected-range"]!.blocks)).toMatch(/`orders-api`: only nodejs20\.x has data \(median [\d.]+ ms\)/);
    expect(text(sections.mitigations!.blocks)).toContain(messages.noVariantPair([{ base: "search", variant: "conc", present: [] }]));
    expect(text(sections.mitigations!.blocks)).toContain(messages.oneMemorySize(256));
    for (const id of sectionIds) {
      const t = text(sections[id]!.blocks);
      expect(t, id).not.toMatch(/no clear difference between [^,;.]*\(/);
      expect(t, id).not.toMatch(/`conc` appears/);
    }
  }, 120_000);

  it("reads naturally with one runtime, one function, one memory size: values instead of 1× indexes", async () => {
    const data = await loadDatasets([importLogs("fixture-one", { "orders-api.log": ordersApiTextLog() })]);
    const summary = buildSection("summary", data);
    expect(text(summary.blocks)).toContain(messages.summaryNothingCompares(["nodejs20.x"], []));
    expect(text(summary.blocks)).not.toContain(messages.piDefinition());
    const worst = buildSection("worst-case", data);
    expect(worst.blocks.filter((b) => b.kind === "figure").map((b) => (b as { id: string }).id)).toEqual(["worst-case-max"]);
    expect(text(worst.blocks)).toMatch(
      /only nodejs20\.x has data, so no runtime is compared with another on the worst case \(max Total Duration\): [\d.]+ ms on `orders-api`\./,
    );
    expect(text(buildSection("memory", data).blocks)).toMatch(/on memory \(Max Memory Used\): \d+ MB on `orders-api`/);
  }, 60_000);

  it("records a runtime no log line names as unknown, and says so", async () => {
    const untold = ordersApiTextLog({ invocations: 10 })
      .split("\n")
      .filter((l) => !l.includes("INIT_START"))
      .join("\n");
    const path = importLogs("fixture-untold", { "billing.log": untold });
    const meta = JSON.parse(readFileSync(join(path, "meta.json"), "utf8")) as { warnings: string[] };
    expect(meta.warnings.join("\n")).toContain('named the runtime of billing: recorded as runtime "unknown"');
    const data = await loadDatasets([path]);
    expect(text(buildSection("worst-case", data).blocks)).toContain("only unknown has data");
  }, 60_000);
});
