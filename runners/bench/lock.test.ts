// The machine-wide bench lock: one holder, named by pid and command; a dead or replaced holder is taken over.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireLock, machineLockPath } from "./lock.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that has exited (a finished child). */
const deadPid = (): number => Number(execFileSync("sh", ["-c", "echo $$"], { encoding: "utf8" }).trim());

describe("bench lock", () => {
  it("is one fixed path for the machine, whatever the work folder; LAMBENCH_BENCH_LOCK moves it", () => {
    expect(machineLockPath({})).toBe("/tmp/lambench-bench.lock");
    expect(machineLockPath({ LAMBENCH_BENCH_LOCK: "/x/y.lock" })).toBe("/x/y.lock");
  });

  it("records the holder's pid, command and work folder, and refuses a second holder naming them", () => {
    const path = join(dir, "a.lock");
    const lock = acquireLock(path, "/work/one");
    const holder = JSON.parse(readFileSync(path, "utf8")) as { pid: number; command: string; workDir: string; startedAt: string };
    const command = readFileSync(`/proc/${process.pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    expect(holder).toMatchObject({ pid: process.pid, command, workDir: "/work/one" });
    expect(() => acquireLock(path, "/work/two")).toThrow(
      `another bench run is active on this machine: pid ${process.pid} (${command}), work folder /work/one, since ${holder.startedAt}; it holds ${path}. Two benches at once would measure each other; wait for it to finish, or stop it, then retry.`,
    );
    lock.release();
    expect(() => readFileSync(path)).toThrow(/ENOENT/);
  });

  it("takes over from a holder that is gone, or whose pid now runs another command", () => {
    const path = join(dir, "b.lock");
    writeFileSync(path, JSON.stringify({ pid: deadPid(), command: "node bench.ts", workDir: "/w" }));
    acquireLock(path).release();
    writeFileSync(path, JSON.stringify({ pid: process.pid, command: "something else entirely", workDir: "/w" }));
    const lock = acquireLock(path);
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: process.pid });
    lock.release();
    writeFileSync(path, "not json");
    acquireLock(path).release();
  });
});
