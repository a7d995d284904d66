// One bench at a time per machine, whatever the work folder or checkout: benches competing for
// the same cores would both publish numbers measured while competing. The lock is a file at a
// fixed machine-wide path holding the holder's pid, command and work folder. A lock whose holder
// is gone (a crashed run, or a reused pid now running something else) is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { LockHolder } from "./lock-holder.js";
import { benchMessages as msg } from "./messages.js";

/**
 * The machine-wide lock file. LAMBENCH_BENCH_LOCK moves it (tests use a private path so that
 * their benches do not wait on a real one); otherwise a fixed path under /tmp, not TMPDIR, which
 * differs between users and shells.
 */
export function machineLockPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAMBENCH_BENCH_LOCK ?? "/tmp/lambench-bench.lock";
}

export type { LockHolder } from "./lock-holder.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The command line of a live process, or null where /proc does not say. */
function commandOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return null;
  }
}

/** A holder is live when its pid runs and, where /proc tells, still runs the command it recorded. */
function holds(holder: LockHolder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !alive(holder.pid)) return false;
  const now = commandOf(holder.pid);
  return now === null || holder.command === "" || now === holder.command;
}

function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch {
    return null;
  }
  // Locks written before the holder's command was recorded hold a bare pid.
  if (/^\d+$/.test(text)) return { pid: Number(text), command: "" };
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return { ...parsed, pid: Number(parsed.pid), command: String(parsed.command ?? "") };
  } catch {
    return { pid: NaN, command: "" };
  }
}

export interface Lock {
  release(): void;
}

export function acquireLock(path: string, workDir = ""): Lock {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = { pid: process.pid, command: commandOf(process.pid) ?? process.argv.join(" "), workDir, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me) + "\n", { flag: "wx" });
      return {
        release: () => {
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(path);
      if (holder && holds(holder)) throw new Error(msg.locked(path, holder), { cause: e });
      rmSync(path, { force: true });
    }
  }
  throw new Error(msg.lockContended(path));
}
