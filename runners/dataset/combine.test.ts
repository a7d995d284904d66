// Combining imported datasets (generated FIXTURE logs, not measurements) from separate runs: one
// setting, trials kept apart, provenance said; overlapping or mismatched datasets refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { analysisOf } from "../../report/lib/analysis.js";
import { loadDatasets } from "../../report/lib/load/datasets.js";
import { ordersApiTextLog } from "../../test/fixtures/production-logs.js";
import { combineDatasets, readDataset } from "./combine.js";
import { combineMessages } from "./messages.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-combine-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(script: string, args: string[]): void {
  execFileSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: repoRoot, stdio: "pipe" });
}

function importRun(name: string, seed: number, extra: string[] = []): string {
  const file = join(dir, `orders-api-${seed}.log`);
  writeFileSync(file, ordersApiTextLog({ seed, invocations: 20 }));
  run("runners/cli/import.ts", [file, "--out", dir, "--name", name, ...extra]);
  return join(dir, name);
}

describe("combine", () => {
  const a = importRun("fixture-run-a", 5);
  const b = importRun("fixture-run-b", 6);

  it("makes runs at the same memory size one setting, each run its own trial", async () => {
    run("runners/cli/combine.ts", [a, b, "--out", dir, "--name", "fixture-both"]);
    const meta = JSON.parse(readFileSync(join(dir, "fixture-both", "meta.json"), "utf8")) as {
      source: { detail: string };
      campaign: string;
      counts: { invocations: number };
    };
    expect(meta.counts.invocations).toBe(40);
    expect(meta.source.detail).toMatch(/^combined from fixture-run-a \(campaign import-\S+\) as trial 1, fixture-run-b \(campaign import-\S+\) as trial 2$/);
    expect(meta.campaign).toMatch(/^combine-/);
    const data = await loadDatasets([join(dir, "fixture-both")]);
    expect(analysisOf(data).settings.map((s) => s.label)).toEqual(["fixture-both · 256 MB"]);
    expect([...new Set(data.invocations.array("trial") as number[])].sort()).toEqual([1, 2]);
  }, 60_000);

  it("refuses overlapping runs and runs of different architectures", () => {
    expect(() => combineDatasets([readDataset(a), readDataset(a)], { name: "x", campaign: "c", git: null })).toThrow(combineMessages.sharedRequests(20));
    const arm = importRun("fixture-run-arm", 7, ["--architecture", "arm64"]);
    expect(() => combineDatasets([readDataset(a), readDataset(arm)], { name: "x", campaign: "c", git: null })).toThrow(
      /cannot combine datasets whose architecture differs \(fixture-run-a \(fixture-run-a\): x86_64; fixture-run-arm \(fixture-run-arm\): arm64\)/,
    );
  }, 60_000);
});
