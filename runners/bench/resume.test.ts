// --resume after an interrupted run reuses the finished segments and completes the dataset.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { zipTestFunction } from "../lab/test-support.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-resume-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function testManifest(): string {
  const zip = zipTestFunction("node", dir);
  const path = join(dir, "manifest.json");
  writeFileSync(
    path,
    JSON.stringify({
      schema: "lambench.manifest/1",
      runtimes: [{ id: "testnode", label: "Test Node", lambdaRuntime: "nodejs22.x", kind: "managed", language: "javascript", folder: dir }],
      functions: [
        { id: "fast", role: "benchmark", tableAccess: "none", description: "test-only", payload: { n: "{seq}" } },
        { id: "slow", role: "benchmark", tableAccess: "none", description: "test-only", payload: { sleepMs: 400 } },
      ],
      entries: [
        { runtime: "testnode", function: "fast", handler: "index.handler", build: "true", artefact: zip },
        { runtime: "testnode", function: "slow", handler: "index.handler", build: "true", artefact: zip },
      ],
    }),
  );
  return path;
}

function bench(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // The machine-wide lock moved to a private path, so this test does not wait on other benches.
  const env = { ...process.env, LAMBENCH_BENCH_LOCK: join(dir, "bench.lock") };
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "runners/cli/bench.ts"), ...args], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  return { child, output: () => out, exit: new Promise((r) => child.once("exit", (code) => r(code))) };
}

describe("bench --resume", () => {
  it("continues an interrupted run without re-measuring finished segments", async () => {
    const out = join(dir, "out");
    const work = join(dir, "work");
    const args = ["--manifest", testManifest(), "--memory", "256", "--requests", "40", "--concurrency", "4", "--warmup", "0", "--pause-ms", "0", "--out", out, "--work-dir", work, "--name", "t"];
    const first = bench(args);
    const segment = join(work, "runs", "t", "segments", "256mb-testnode-fast.json");
    const deadline = Date.now() + 30_000;
    while (!existsSync(segment) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    first.child.kill("SIGINT");
    expect(await first.exit, first.output()).toBe(130);
    expect(existsSync(join(out, "t-256mb")), first.output()).toBe(false);
    const fastRequestIds = (JSON.parse(readFileSync(segment, "utf8")) as { invocations: Array<{ requestId: string }> }).invocations.map((r) => r.requestId);

    const second = bench([...args, "--resume"]);
    expect(await second.exit, second.output()).toBe(0);
    expect(second.output()).toContain("256 MB testnode/fast: already measured (resume)");
    const meta = JSON.parse(readFileSync(join(out, "t-256mb", "meta.json"), "utf8")) as { complete: boolean; counts: { invocations: number; requests: number } };
    expect(meta).toMatchObject({ complete: true, counts: { invocations: 80, requests: 80 } });
    const csv = readFileSync(join(out, "t-256mb", "invocations.csv"), "utf8");
    for (const id of fastRequestIds) expect(csv).toContain(id);
    expect(existsSync(join(work, "runs", "t"))).toBe(false);

    // The same command again (a new campaign) does not replace the dataset without --force; it is refused before measuring.
    const third = bench(args);
    expect(await third.exit, third.output()).toBe(1);
    expect(third.output()).toContain(`bench: ${join(out, "t-256mb")} already holds a dataset (80 invocations, created `);
    expect(third.output()).toContain("refusing to replace it. Pass --force to replace it, or choose another --name.");
    expect(third.output()).not.toContain("testnode/fast:");
    expect(readFileSync(join(out, "t-256mb", "invocations.csv"), "utf8")).toBe(csv);
  });
});
