// End to end: datasets made by `npm run import` (both Logs Insights layouts) load into the report
// library and every section builds from them. The CSVs are generated fixtures, not measurements.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchmarkFunctions, loadManifest, repoRoot } from "../functions/manifest.js";
import { builtInManifest } from "../functions/test-support/built-in.js";
import { buildSection, loadDatasets, sectionIds } from "../report/lib/index.js";

const manifest = builtInManifest(loadManifest());
const dir = mkdtempSync(join(tmpdir(), "lambench-import-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny seeded generator so the fixture is the same every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;
const stamp = (ms: number) => new Date(Date.UTC(2024, 2, 1) + ms).toISOString().replace("T", " ").replace("Z", "");

/** Raw layout: @timestamp,@message,@logStream,@log with REPORT lines of every runtime × function. */
function rawExport(): string {
  const rnd = prng(7);
  const lines = ["@timestamp,@message,@logStream,@log"];
  let t = 0;
  let id = 0;
  for (const rt of manifest.runtimes) {
    for (const fn of benchmarkFunctions(manifest)) {
      for (let i = 0; i < 30; i++) {
        const cold = i % 10 === 0;
        const duration = (5 + rnd() * 20).toFixed(2);
        const report =
          `REPORT RequestId: 00000000-0000-4000-8000-${String(++id).padStart(12, "0")}\tDuration: ${duration} ms\t` +
          `Billed Duration: ${Math.ceil(Number(duration))} ms\tMemory Size: 128 MB\tMax Memory Used: ${40 + Math.floor(rnd() * 20)} MB\t` +
          (cold ? `Init Duration: ${(100 + rnd() * 200).toFixed(2)} ms\t` : "");
        lines.push(
          `${stamp((t += 37))},${csvCell(report)},2024/03/01/[$LATEST]${rt.id}${fn.id}${Math.floor(i / 10)},123456789012:/aws/lambda/lambench-128-${rt.id}-${fn.id}`,
        );
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** The seed query's layout: BilledDuration aliased to Duration, memory divided by 1024². */
function seedExport(): string {
  const rnd = prng(11);
  const lines = ["Timestamp,InitDuration,Duration,BilledDuration,MaxMemoryUsed,Runtime,Function"];
  let t = 0;
  for (const rt of manifest.runtimes) {
    for (const fn of benchmarkFunctions(manifest)) {
      for (let i = 0; i < 30; i++) {
        const duration = (5 + rnd() * 20).toFixed(2);
        const init = i % 10 === 0 ? (100 + rnd() * 200).toFixed(2) : "";
        const memory = ((40 + Math.floor(rnd() * 20)) * 1_000_000) / 1024 ** 2;
        lines.push(`${stamp((t += 37))},${init},${duration},${duration},${memory},${rt.id},${fn.id}`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

function importCsv(name: string, text: string, extra: string[] = []): string {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, text);
  execFileSync(process.execPath, ["--import", "tsx", "runners/cli/import.ts", file, "--out", dir, "--name", name, ...extra], {
    cwd: repoRoot,
    stdio: "pipe",
  });
  return join(dir, name);
}

describe("imported datasets render in the report", () => {
  it.each([
    ["fixture-raw-import", rawExport, []],
    ["fixture-seed-import", seedExport, ["--memory", "128"]],
  ] as const)(
    "%s: every section builds with figures",
    async (name, make, extra) => {
      const path = importCsv(name, make(), [...extra]);
      const data = await loadDatasets([path]);
      for (const id of sectionIds) {
        const section = buildSection(id, data);
        expect(section.id).toBe(id);
        expect(section.blocks.length, id).toBeGreaterThan(0);
      }
      const worst = buildSection("worst-case", data);
      expect(worst.blocks.some((b) => b.kind === "figure")).toBe(true);
      const text = worst.blocks
        .filter((b) => b.kind === "markdown")
        .map((b) => (b.kind === "markdown" ? b.text : ""))
        .join("\n");
      for (const rt of manifest.runtimes) expect(text + JSON.stringify(worst.blocks)).toContain(rt.label);
    },
    120_000,
  );
});
