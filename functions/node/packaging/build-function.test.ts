import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { loadManifest } from "../../manifest.js";
import { buildNodeFunction } from "./build-function.js";

const manifest = loadManifest();
const scratch = mkdtempSync(join(tmpdir(), "lambench-node-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("buildNodeFunction", () => {
  it("builds once, then reports up to date, and rebuilds a damaged artefact identically", async () => {
    const distDir = join(scratch, "incremental");
    const first = await buildNodeFunction("wave", { manifest, distDir });
    expect(first.status).toBe("built");
    const bytes = readFileSync(first.artefact);
    expect(bytes.byteLength).toBe(first.bytes);

    expect((await buildNodeFunction("wave", { manifest, distDir })).status).toBe("up to date");

    writeFileSync(first.artefact, "damaged");
    const again = await buildNodeFunction("wave", { manifest, distDir });
    expect(again.status).toBe("built");
    expect(readFileSync(again.artefact).equals(bytes)).toBe(true);
  });

  it("rebuilds when a recorded input changed", async () => {
    const distDir = join(scratch, "changed-input");
    const { artefact } = await buildNodeFunction("wave", { manifest, distDir });
    const stampPath = join(distDir, "wave.inputs.json");
    const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as { inputs: Record<string, string> };
    const [firstInput] = Object.keys(stamp.inputs);
    stamp.inputs[firstInput!] = "0".repeat(64);
    writeFileSync(stampPath, JSON.stringify(stamp));
    expect((await buildNodeFunction("wave", { manifest, distDir })).status).toBe("built");
    expect(readFileSync(artefact).byteLength).toBeGreaterThan(0);
  });

  it("ships the source named by sourceOf: warmup bundles the search handler as index.mjs", async () => {
    const distDir = join(scratch, "warmup");
    const warmup = await buildNodeFunction("warmup", { manifest, distDir });
    const search = await buildNodeFunction("search", { manifest, distDir });
    const code = (zip: string) => unzipSync(new Uint8Array(readFileSync(zip)))["index.mjs"];
    expect(code(warmup.artefact)).toEqual(code(search.artefact));
  });

  it("names the function when it is not in the manifest", async () => {
    await expect(buildNodeFunction("nope", { manifest, distDir: join(scratch, "nope") })).rejects.toThrow(/unknown function "nope"/);
  });
});
