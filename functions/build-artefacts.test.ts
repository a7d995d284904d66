import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildArtefacts } from "./build-artefacts.js";
import { parseManifest, type Manifest } from "./manifest.js";

// Fixture manifest: two runtimes whose "build" writes a small file with the shell.
function fixtureManifest(builds: Record<string, string>): Manifest {
  const entries = Object.entries(builds).map(([key, build]) => {
    const [runtime, fn] = key.split("/") as [string, string];
    return { runtime, function: fn, handler: "h", build, artefact: `out/${runtime}-${fn}.zip` };
  });
  return parseManifest(
    {
      schema: "lambench.manifest/1",
      runtimes: ["alpha", "beta"].map((id) => ({
        id,
        label: id,
        lambdaRuntime: "provided.al2023",
        kind: "custom",
        language: "sh",
        folder: id,
        family: { start: "bootstrap" },
      })),
      functions: ["one", "two"].map((id) => ({ id, role: "benchmark", tableAccess: "none", description: id, payload: {} })),
      entries,
    },
    "fixture manifest",
  );
}

const writes = (name: string, text = name) => `mkdir -p out && [ "$(cat out/${name}.zip 2>/dev/null)" = "${text}" ] || printf ${text} > out/${name}.zip`;

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "lambench-build-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("buildArtefacts", () => {
  const manifest = fixtureManifest({
    "alpha/one": writes("alpha-one"),
    "alpha/two": writes("alpha-two"),
    "beta/one": writes("beta-one"),
    "beta/two": writes("beta-two"),
  });

  it("runs every entry's command from the root, in manifest order, then reports unchanged artefacts as up to date", async () => {
    const lines: string[] = [];
    const first = await buildArtefacts({ manifest, root, log: (l) => lines.push(l) });
    expect(first.map((r) => `${r.runtime}/${r.function} ${r.status} ${r.bytes}`)).toEqual([
      "alpha/one built 9",
      "alpha/two built 9",
      "beta/one built 8",
      "beta/two built 8",
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^alpha\/one +built +9 B +\d+\.\d s {2}out\/alpha-one\.zip$/);

    const second = await buildArtefacts({ manifest, root, jobs: 2 });
    expect(second.map((r) => r.status)).toEqual(["up to date", "up to date", "up to date", "up to date"]);
  });

  it("builds only the selected runtimes and functions", async () => {
    const results = await buildArtefacts({ manifest, root, runtimes: ["beta"], functions: ["two"] });
    expect(results.map((r) => `${r.runtime}/${r.function}`)).toEqual(["beta/two"]);
    expect(existsSync(join(root, "out/alpha-one.zip"))).toBe(false);
  });

  it("rejects an unknown runtime or function, listing what the manifest has", async () => {
    await expect(buildArtefacts({ manifest, root, runtimes: ["gamma"] })).rejects.toThrow('unknown runtime "gamma" (manifest has: alpha, beta)');
    await expect(buildArtefacts({ manifest, root, functions: ["three"] })).rejects.toThrow('unknown function "three" (manifest has: one, two)');
  });

  it("names the failing entry, its exit status and its output, and starts nothing after it", async () => {
    const failing = fixtureManifest({
      "alpha/one": writes("alpha-one"),
      "alpha/two": "echo compiler says no >&2; exit 3",
      "beta/one": writes("beta-one"),
    });
    await expect(buildArtefacts({ manifest: failing, root })).rejects.toThrow(
      /build failed for alpha\/two \(exit 3\): echo compiler says no >&2; exit 3\ncompiler says no/,
    );
    expect(existsSync(join(root, "out/beta-one.zip"))).toBe(false);
  });

  it("fails when a command succeeds without writing its artefact", async () => {
    const silent = fixtureManifest({ "beta/one": "true" });
    await expect(buildArtefacts({ manifest: silent, root })).rejects.toThrow("build of beta/one succeeded but wrote no artefact at out/beta-one.zip");
  });
});
