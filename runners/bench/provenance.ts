// Where and with what a run happened, for meta.json.
import { execFileSync } from "node:child_process";
import { cpus, release, type as osType } from "node:os";
import type { Manifest } from "../../functions/manifest.js";
import { repoRoot } from "../../functions/manifest.js";
import type { Architecture } from "../dataset/contract.js";
import type { CgroupSupport } from "../lab/cgroups.js";
import type { ResolvedInterpreters } from "../lab/interpreters.js";

function run(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function gitState(): { commit: string; dirty: boolean } | null {
  const commit = run("git", ["rev-parse", "HEAD"]);
  if (!commit) return null;
  return { commit, dirty: (run("git", ["status", "--porcelain"]) ?? "") !== "" };
}

export function architecture(): Architecture {
  return process.arch === "arm64" ? "arm64" : "x86_64";
}

export function machine(support: CgroupSupport) {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    cores: Math.max(1, cpu.length),
    os: `${osType()} ${release()}`,
    cpuLimitEnforced: support.cpu,
    memoryLimitEnforced: support.memory,
    ...(support.note ? { limitNote: support.note } : {}),
  };
}

/** What actually ran per runtime id: interpreter versions from the lab, compilers for custom runtimes. */
export function runtimeVersions(manifest: Manifest, runtimes: string[], interpreters: ResolvedInterpreters): Record<string, string> {
  const out: Record<string, string> = {};
  // The manifest's family of each runtime says which interpreter or toolchain to name.
  for (const r of manifest.runtimes.filter((x) => runtimes.includes(x.id))) {
    const { start, toolchain } = r.family;
    if (start === "aws-lambda-ric") out[r.id] = interpreters.versions.node ?? "node (not installed)";
    else if (start === "awslambdaric") out[r.id] = interpreters.versions.python ?? "python (not installed)";
    else {
      const [command, ...args] = toolchain ?? [];
      out[r.id] = (command && run(command, args)) ?? `${r.language} (toolchain version unknown)`;
    }
  }
  return out;
}
