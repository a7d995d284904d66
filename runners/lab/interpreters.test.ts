// The lab runs every managed runtime on the release its Lambda runtime id names, through AWS's
// runtime interface clients; custom runtimes run their own bootstrap.
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../functions/manifest.js";
import { resolveInterpreters, runtimeProblem } from "./interpreters.js";
import { labMessages } from "./messages.js";

const nodeRuntime = (lambdaRuntime: string) => ({ lambdaRuntime, family: { start: "aws-lambda-ric" as const } });
const pythonRuntime = (lambdaRuntime: string) => ({ lambdaRuntime, family: { start: "awslambdaric" as const } });
const bootstrapRuntime = (lambdaRuntime: string) => ({ lambdaRuntime, family: { start: "bootstrap" as const } });

const have = (node: string | null, python: string | null) => ({
  releases: { node, python },
  versions: { node: node && `node v${node} (aws-lambda-ric 4.0.2)`, python: python && `python ${python} (awslambdaric 4.2.2)` },
});

describe("runtimeProblem", () => {
  it("accepts the release the runtime id names for the family's interpreter, and nothing else", () => {
    expect(runtimeProblem(nodeRuntime("nodejs22.x"), have("22.23.5", null))).toBeNull();
    expect(runtimeProblem(nodeRuntime("nodejs22.x"), have("20.20.2", null))).toBe(
      labMessages.runtimeVersion("nodejs22.x", "Node.js 20.20.2", labMessages.pinNode("22")),
    );
    expect(runtimeProblem(pythonRuntime("python3.11"), have(null, "3.11.7"))).toBeNull();
    expect(runtimeProblem(pythonRuntime("python3.12"), have(null, "3.11.7"))).toBe(
      labMessages.runtimeVersion("python3.12", "Python 3.11.7", labMessages.pickPython("3.12")),
    );
    expect(runtimeProblem(bootstrapRuntime("provided.al2023"), have(null, null))).toBeNull();
    expect(runtimeProblem(nodeRuntime("nodejs-latest"), have("22.0.0", null))).toBe(labMessages.releaseUnnamed("nodejs-latest"));
  });

  it("says what to install when the interpreter or its runtime interface client is absent", () => {
    expect(runtimeProblem(nodeRuntime("nodejs22.x"), have(null, null))).toBe(labMessages.runtimeMissing("nodejs22.x", "Node.js and aws-lambda-ric"));
    expect(runtimeProblem(pythonRuntime("python3.11"), { releases: { node: null, python: "3.11.7" }, versions: { node: null, python: null } })).toBe(
      labMessages.runtimeMissing("python3.11", "Python and awslambdaric"),
    );
  });
});

describe("this machine (installed by make setup)", () => {
  it("runs every runtime of the manifest on the release the manifest names", () => {
    const interpreters = resolveInterpreters();
    for (const r of loadManifest().runtimes) expect(runtimeProblem(r, interpreters), r.id).toBeNull();
    expect(interpreters.versions.node).toMatch(/^node v22\.\d+\.\d+ \(aws-lambda-ric \d+\.\d+\.\d+\)$/);
    expect(interpreters.versions.python).toMatch(/^python 3\.11\.\d+ \(awslambdaric \d+\.\d+\.\d+\)$/);
  });

  it("the custom runtimes stay on provided.al2023, the OS-only runtime the Go and Rust artefacts are built for", () => {
    const custom = loadManifest().runtimes.filter((r) => r.kind === "custom");
    expect(custom.length).toBeGreaterThan(0);
    for (const r of custom) expect(r.lambdaRuntime, r.id).toBe("provided.al2023");
  });
});
