// Ctrl-C in the middle of a bench run leaves no instance process, cgroup, DynamoDB server,
// lock or dataset behind. Runs the real CLI against a test-only manifest of test functions.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../functions/manifest.js";
import { zipTestFunction } from "./test-support.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-interrupt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function testManifest(): string {
  const zip = zipTestFunction("node", dir);
  const manifest = {
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
    functions: [{ id: "slow", role: "benchmark", tableAccess: "none", description: "test-only: sleeps", payload: { sleepMs: 300, seq: "{seq}" } }],
    entries: [{ runtime: "testnode", function: "slow", handler: "index.handler", build: "true", artefact: zip }],
  };
  const path = join(dir, "manifest.json");
  writeFileSync(path, JSON.stringify(manifest));
  return path;
}

function descendants(pid: number): number[] {
  const out = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split("\n")) {
    const [p, pp] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(pp, [...(children.get(pp) ?? []), p]);
  }
  const all: number[] = [];
  const walk = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      all.push(c);
      walk(c);
    }
  };
  walk(pid);
  return all;
}

/** Still running: exists and is not a zombie (a zombie has exited; only its exit status waits for
 * its parent — here PID 1 — to collect it, e.g. tsx's esbuild helper orphaned by the Ctrl-C). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

/** The run's cpu groups: one per instance, and the support group of its CPU plan (2-core machines). */
const cgroupsOf = (pid: number, instancesOnly = true) =>
  existsSync("/sys/fs/cgroup/cpu/lambench")
    ? readdirSync("/sys/fs/cgroup/cpu/lambench").filter((n) => n.startsWith(`${pid}-`) && !(instancesOnly && n === `${pid}-support`))
    : [];

// The machine-wide lock, moved to a private path so these benches do not wait on a real one.
const lockPath = join(dir, "machine-bench.lock");
const env = { ...process.env, LAMBENCH_BENCH_LOCK: lockPath };

describe("bench interrupted by Ctrl-C", () => {
  it("refuses a second bench from another work folder and checkout; Ctrl-C stops every instance, removes cgroups, stops DynamoDB, writes no dataset, releases the lock", async () => {
    const out = join(dir, "out");
    const work = join(dir, "work");
    const args = [
      "--import",
      "tsx",
      join(repoRoot, "runners/cli/bench.ts"),
      "--manifest",
      testManifest(),
      "--memory",
      "256",
      "--requests",
      "400",
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
    ];
    const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const pid = child.pid!;
    // Wait until the lab is running instances (their cgroups exist) mid-load.
    const deadline = Date.now() + 30_000;
    while (cgroupsOf(pid).length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(cgroupsOf(pid).length, output).toBeGreaterThanOrEqual(4);
    const started = descendants(pid);
    expect(started.length).toBeGreaterThanOrEqual(5); // 4 instances + the DynamoDB server
    expect(existsSync(lockPath)).toBe(true);
    expect(existsSync(join(work, "bench.lock"))).toBe(false);

    // A second bench with its own work folder, started from another folder (as from another checkout).
    const elsewhere = join(dir, "elsewhere");
    execFileSync("mkdir", ["-p", elsewhere]);
    let err = "";
    try {
      execFileSync(
        process.execPath,
        [
          "--import",
          join(repoRoot, "node_modules/tsx/dist/loader.mjs"),
          join(repoRoot, "runners/cli/bench.ts"),
          "--manifest",
          testManifest(),
          "--memory",
          "256",
          "--work-dir",
          join(elsewhere, "work"),
          "--out",
          join(elsewhere, "out"),
        ],
        { cwd: elsewhere, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    } catch (e) {
      err = (e as { stderr: string }).stderr;
    }
    const holder = `pid ${pid} (${process.execPath} ${args.join(" ")}), work folder ${work}, since `;
    expect(err).toContain(`bench: another bench run is active on this machine: ${holder}`);
    expect(err).toContain(`; it holds ${lockPath}. Two benches at once would measure each other; wait for it to finish, or stop it, then retry.`);
    expect(existsSync(join(elsewhere, "out"))).toBe(false);

    child.kill("SIGINT");
    expect(await exited, output).toBe(130);
    await new Promise((r) => setTimeout(r, 200));
    const leftover = started.filter(alive);
    expect(leftover, leftover.length ? execFileSync("ps", ["-o", "pid,ppid,stat,args", "-p", leftover.join(",")], { encoding: "utf8" }) : "").toEqual([]);
    expect(cgroupsOf(pid, false)).toEqual([]);
    expect(existsSync(lockPath)).toBe(false);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expect(output).toContain("interrupted by SIGINT");
  });

  it("refuses a run while a live process holds a lock in the old bare-pid format", () => {
    writeFileSync(lockPath, String(process.pid));
    let err = "";
    try {
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          join(repoRoot, "runners/cli/bench.ts"),
          "--manifest",
          testManifest(),
          "--work-dir",
          join(dir, "work-locked"),
          "--out",
          join(dir, "o2"),
        ],
        {
          cwd: repoRoot,
          env,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    } catch (e) {
      err = (e as { stderr: string }).stderr;
    }
    expect(err).toContain(`another bench run is active on this machine: pid ${process.pid}; it holds ${lockPath}.`);
    expect(readFileSync(lockPath, "utf8")).toBe(String(process.pid));
    rmSync(lockPath);
  });
});
