// The interpreters that run managed-runtime instances, resolved once to absolute paths (so the
// instance PATH can stay Lambda-like) together with the versions that go into meta.json.
import { execFileSync } from "node:child_process";
import type { Interpreters } from "./environment.js";

export interface ResolvedInterpreters extends Interpreters {
  versions: { node: string; python: string | null };
}

export function resolveInterpreters(python = process.env.LAMBENCH_PYTHON ?? "python3"): ResolvedInterpreters {
  let pythonPath = python;
  let pythonVersion: string | null = null;
  try {
    const out = execFileSync(python, ["-c", "import sys, platform; print(sys.executable); print(platform.python_version())"], {
      encoding: "utf8",
    }).trim().split("\n");
    pythonPath = out[0] ?? python;
    pythonVersion = `python ${out[1] ?? "?"}`;
  } catch {
    /* no python: python functions will fail to start, and say so in their log stream */
  }
  return { node: process.execPath, python: pythonPath, versions: { node: `node ${process.version}`, python: pythonVersion } };
}
