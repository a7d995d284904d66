// The bench CLI end to end in the local lab, on a test-only manifest of test functions (so it
// takes seconds): trials in seeded random orders with their rows tagged, and --resume after an
// interrupted run reusing the finished segments of the trial it stopped in.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { metaSchema } from "../dataset/contract.js";
import { zipTestFunction } from "../lab/test-support.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-resume-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function testManifest(extra: { id: string; payload: Record<string, unknown> }[] = [], file = "manifest.json"): string {
  const zip = zipTestFunction("node", dir);
  const path = join(dir, file);
  const fns = [{ id: "fast", payload: { n: "{seq}" } }, { id: "echo", payload: { m: "{seq}" } }, { id: "slow", payload: { sleepMs: 400 } }, ...extra];
  writeFileSync(
    path,
    JSON.stringify({
      schema: "lambench.manifest/1",
      runtimes: [
        {
          id: "testnode",
          label: "Test Node",
          lambdaRuntime: "nodejs22.x",
          kind: "managed",
          language: "javascript",
          folder: dir,
          family: { start: "aws-lambda-ric" },
        },
      ],
      functions: [
        // "echo" stands for a writing function, so the run primes the table with it first.
        ...fns.map((f) => ({ id: f.id, role: "benchmark", tableAccess: f.id === "echo" ? "put" : "none", description: "test-only", payload: f.payload })),
        { id: "warm", role: "warmup", tableAccess: "none", description: "test-only warm-up", payload: {} },
      ],
      entries: [...fns, { id: "warm" }].map((f) => ({ runtime: "testnode", function: f.id, handler: "index.handler", build: "true", artefact: zip })),
    }),
  );
  return path;
}
const manifest = testManifest();
// "varied" sleeps 10, 20, … ms by request number, so its median's interval stays wide whatever the timing.
const variedManifest = testManifest([{ id: "varied", payload: { sleepMs: "{seq}0" } }], "manifest-varied.json");

function bench(args: string[]): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // The machine-wide lock moved to a private path, so this test does not wait on other benches.
  const env = { ...process.env, LAMBENCH_BENCH_LOCK: join(dir, "bench.lock") };
  const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "runners/cli/bench.ts"), ...args], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  return { child, output: () => out, exit: new Promise((r) => child.once("exit", (code) => r(code))) };
}

const csv = (path: string) => readFileSync(path, "utf8").trim().split("\n");
/** Column values of a dataset CSV by header name. */
function column(path: string, name: string): string[] {
  const [header, ...rows] = csv(path);
  const i = header!.split(",").indexOf(name);
  return rows.map((r) => r.split(",")[i]!);
}

describe("bench --trials", () => {
  it("writes rows tagged with trials 1–3, each trial in its own seeded order from fresh environments, and records orders and seed", async () => {
    const out = join(dir, "trials-out");
    const args = [
      "--manifest",
      manifest,
      "--memory",
      "128",
      "--trials",
      "3",
      "--seed",
      "1234",
      "--requests",
      "12",
      "--concurrency",
      "3",
      "--warmup",
      "1",
      "--pause-ms",
      "0",
    ];
    const run = bench([...args, "--out", out, "--work-dir", join(dir, "trials-work"), "--name", "t"]);
    expect(await run.exit, run.output()).toBe(0);
    const ds = join(out, "t-128mb");
    const meta = metaSchema.parse(JSON.parse(readFileSync(join(ds, "meta.json"), "utf8")));
    expect(meta.trials).toMatchObject({ count: 3, seed: 1234 });
    const orders = meta.trials!.orders;
    for (const o of orders) expect([...o].sort()).toEqual(["testnode/echo", "testnode/fast", "testnode/slow"]);
    expect(new Set(orders.map((o) => o.join())).size).toBe(3);
    expect(meta.counts).toEqual({ invocations: 108, requests: 108 });
    const trials = column(join(ds, "invocations.csv"), "trial");
    for (const t of ["1", "2", "3"]) expect(trials.filter((x) => x === t)).toHaveLength(36);
    expect(new Set(column(join(ds, "requests.csv"), "trial"))).toEqual(new Set(["1", "2", "3"]));
    // The rows of each trial come in that trial's order, each from fresh environments (a cold start first).
    const functions = column(join(ds, "invocations.csv"), "function");
    const inits = column(join(ds, "invocations.csv"), "initDurationMs");
    for (const [k, order] of orders.entries()) {
      const rows = trials.flatMap((t, i) => (t === String(k + 1) ? [i] : []));
      expect([...new Set(rows.map((i) => `testnode/${functions[i]}`))]).toEqual(order);
      for (const fn of order) expect(rows.filter((i) => `testnode/${functions[i]}` === fn && inits[i] !== "")).not.toHaveLength(0);
    }
    // The table was primed by the writing function before trial 1, and none of those calls is in the dataset (108 rows above).
    expect(run.output()).toContain("128 MB: table primed with what testnode/echo writes (12 unmeasured requests");
    expect(run.output().indexOf("table primed")).toBeLessThan(run.output().indexOf("trial 1/3"));
    expect(meta.protocol?.tablePrimedBy).toBe("testnode/echo");
    // Progress says trial and segment.
    expect(run.output()).toContain(`trial 2/3 segment 1/3 128 MB ${orders[1]![0]}: `);
    expect(run.output()).toContain("3 trial(s) × 3 segment(s) at 128 MB, segment order drawn per trial from seed 1234");
    expect(run.output()).toMatch(/trial 3\/3 done in \d+\.\d s/);
  });
});

describe("bench --target-precision", () => {
  const args = (name: string, precision: string, functions = "slow", maxTrials = "3") => [
    "--manifest",
    variedManifest,
    // slow, a 400 ms sleep: its median hardly moves, even with the cold starts of a short run.
    "--functions",
    functions,
    "--memory",
    "128",
    "--trials",
    "2",
    "--target-precision",
    precision,
    "--max-trials",
    maxTrials,
    "--seed",
    "5",
    "--requests",
    "8",
    "--concurrency",
    "2",
    "--warmup",
    "0",
    "--pause-ms",
    "0",
    "--out",
    join(dir, "precision-out"),
    "--work-dir",
    join(dir, `precision-work-${name}`),
    "--name",
    name,
  ];
  const metaOf = (name: string) => metaSchema.parse(JSON.parse(readFileSync(join(dir, "precision-out", `${name}-128mb`, "meta.json"), "utf8")));

  it("stops after --trials when every median is already within the target, and records the rule", async () => {
    const run = bench(args("loose", "99%"));
    expect(await run.exit, run.output()).toBe(0);
    expect(run.output()).toContain("trials: at least 2, then more until every median Total Duration's interval is within ±99.0 % of it, at most 3");
    expect(run.output()).toMatch(/after trial 2: the widest median interval is ±\d+\.\d % \(128 MB testnode\/slow\), target ±99\.0 %: met, stopping/);
    expect(run.output()).not.toContain("trial 3/3");
    const meta = metaOf("loose");
    expect(meta.trials).toMatchObject({ count: 2, stopping: { rule: "target-precision", targetPrecision: 0.99, minTrials: 2, maxTrials: 3, met: true } });
    expect(meta.trials!.orders).toHaveLength(2);
    expect(meta.counts.invocations).toBe(2 * 8);
  });

  // varied's median interval is wide (±35–40 %) after two trials; after three it may or may not be.
  it("adds a trial while the target is not reached, and records the verdict after the last", async () => {
    const run = bench(args("tight", "1%", "varied,slow"));
    expect(await run.exit, run.output()).toBe(0);
    expect(/after trial 2: .*\(128 MB testnode\/varied\).*: another trial/.test(run.output()), run.output()).toBe(true);
    const verdict = /after trial 3: the widest median interval is ±(\d+\.\d) % .*: (met, stopping|not met, and --max-trials is reached)/.exec(run.output());
    expect(verdict, run.output()).not.toBeNull();
    const meta = metaOf("tight");
    expect(meta.trials).toMatchObject({ count: 3, stopping: { met: verdict![2] === "met, stopping", maxTrials: 3 } });
    expect((meta.trials!.stopping!.achieved! * 100).toFixed(1)).toBe(verdict![1]);
    expect(meta.counts.invocations).toBe(3 * 2 * 8);
  });

  it("stops at --max-trials short of the target, and says it was not met", async () => {
    const run = bench(args("short", "1%", "varied,slow", "2"));
    expect(await run.exit, run.output()).toBe(0);
    expect(/after trial 2: .*\(128 MB testnode\/varied\).*: not met, and --max-trials is reached/.test(run.output()), run.output()).toBe(true);
    const meta = metaOf("short");
    expect(meta.trials).toMatchObject({ count: 2, stopping: { met: false, minTrials: 2, maxTrials: 2 } });
    expect(meta.trials!.stopping!.achieved).toBeGreaterThan(0.01);
  });
});

describe("bench --resume", () => {
  it("continues an interrupted run within its trial without re-measuring finished segments", async () => {
    const out = join(dir, "out");
    const work = join(dir, "work");
    const args = [
      "--manifest",
      manifest,
      "--functions",
      "fast,slow",
      "--memory",
      "256",
      "--trials",
      "2",
      "--seed",
      "9",
      "--requests",
      "40",
      "--concurrency",
      "4",
      "--warmup",
      "0",
      "--pause-ms",
      "0",
      "--out",
      out,
      "--work-dir",
      work,
      "--name",
      "t",
    ];
    const first = bench(args);
    const segments = join(work, "runs", "t", "segments");
    const deadline = Date.now() + 30_000;
    const saved = () => (existsSync(segments) ? readdirSync(segments).filter((f) => f.endsWith(".json")) : []);
    while (saved().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    first.child.kill("SIGINT");
    expect(await first.exit, first.output()).toBe(130);
    expect(existsSync(join(out, "t-256mb")), first.output()).toBe(false);
    const done = saved();
    expect(done.length, first.output()).toBeGreaterThan(0);
    const kept = done.flatMap((f) =>
      (JSON.parse(readFileSync(join(segments, f), "utf8")) as { invocations: Array<{ requestId: string }> }).invocations.map((r) => r.requestId),
    );

    const second = bench([...args, "--resume"]);
    expect(await second.exit, second.output()).toBe(0);
    const firstSegment = done.find((f) => f.startsWith("trial1-"))!.replace(/^trial1-256mb-testnode-(\w+)\.json$/, "$1");
    expect(second.output()).toMatch(new RegExp(`trial 1/2 segment 1/2 256 MB testnode/${firstSegment}: already measured \\(resume\\)`));
    const meta = JSON.parse(readFileSync(join(out, "t-256mb", "meta.json"), "utf8")) as {
      complete: boolean;
      counts: { invocations: number; requests: number };
    };
    expect(meta).toMatchObject({ complete: true, counts: { invocations: 160, requests: 160 } });
    const written = readFileSync(join(out, "t-256mb", "invocations.csv"), "utf8");
    for (const id of kept) expect(written).toContain(id);
    expect(existsSync(join(work, "runs", "t"))).toBe(false);

    // The same command again (a new campaign) does not replace the dataset without --force; it is refused before measuring.
    const third = bench(args);
    expect(await third.exit, third.output()).toBe(1);
    expect(third.output()).toContain(`bench: ${join(out, "t-256mb")} already holds a dataset (160 invocations, created `);
    expect(third.output()).toContain("refusing to replace it. Pass --force to replace it, or choose another --name.");
    expect(third.output()).not.toContain("testnode/fast:");
    expect(readFileSync(join(out, "t-256mb", "invocations.csv"), "utf8")).toBe(written);
  });
});
