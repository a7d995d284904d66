// The report library bundle is reused while everything it was built from is unchanged (by
// content), and built again when its stamp, one of its inputs, or the bundle itself differs.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUpToDate, sha256, type Stamp } from "../../functions/node/packaging/stamp.js";
import { bundleLibrary, type LibraryBundle } from "./library-bundle.js";
import { inputFiles, stampPathFor } from "./library-bundle-inputs.js";
import { renderMessages } from "./messages.js";
import { repoRoot } from "./paths.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const outFile = join(dir, "report-lib.cjs");
const stampFile = stampPathFor(outFile);
const readStamp = (): Stamp => JSON.parse(readFileSync(stampFile, "utf8")) as Stamp;
const writeStamp = (stamp: Stamp): void => writeFileSync(stampFile, JSON.stringify(stamp));
const fileStamp = (file: string): string => {
  const s = statSync(file);
  return `${s.ino}:${s.mtimeMs}`;
};
const ENTRY = "report/notebook/entry.ts";

let first: LibraryBundle;
beforeAll(async () => {
  first = await bundleLibrary(outFile);
}, 120_000);

describe("the report library bundle", () => {
  it("is built the first time, stamped with esbuild's inputs, their package.json, tsconfig and the recipe", () => {
    expect(first.reused).toBe(false);
    expect(readFileSync(outFile, "utf8")).toBe(first.code);
    const stamp = readStamp();
    expect(stamp.artefact).toBe(sha256(first.code));
    expect(stamp.inputs[ENTRY]).toBe(sha256(readFileSync(join(repoRoot, ENTRY))));
    for (const input of [
      "report/render/library-bundle.ts",
      "tsconfig.json",
      "node_modules/vega-canvas/build/vega-canvas.browser.js",
      "node_modules/vega-canvas/package.json",
    ]) {
      expect(stamp.inputs[input], input).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("is reused, file and stamp untouched, while nothing changed", async () => {
    const before = [fileStamp(outFile), fileStamp(stampFile)];
    const again = await bundleLibrary(outFile);
    expect(again).toEqual({ path: outFile, code: first.code, reused: true });
    expect([fileStamp(outFile), fileStamp(stampFile)]).toEqual(before);
    expect(renderMessages.progress.bundle(0.02, again.reused)).toBe("[lib]    report library bundle reused (sources unchanged, 0.0 s)");
  });

  it("is not reused when an input's content changes or it disappears, or the settings differ", () => {
    const stamp = readStamp();
    const upToDate = (): boolean => isUpToDate(stampFile, outFile, stamp.settings, repoRoot);
    expect(upToDate()).toBe(true);
    // An input outside the repository, stamped by its relative path like any other.
    const input = join(dir, "input.ts");
    writeFileSync(input, "export const a = 1;\n");
    writeStamp({ ...stamp, inputs: { ...stamp.inputs, [relative(repoRoot, input)]: sha256("export const a = 1;\n") } });
    expect(upToDate()).toBe(true);
    writeFileSync(input, "export const a = 2;\n");
    expect(upToDate()).toBe(false);
    rmSync(input);
    expect(upToDate()).toBe(false);
    // An input esbuild named that is no file is stamped with no hash: never reused.
    writeStamp({ ...stamp, inputs: { ...stamp.inputs, "virtual:no-such-file": "" } });
    expect(upToDate()).toBe(false);
    for (const damaged of ["null", "[]", '"text"', "{ not json"]) {
      writeFileSync(stampFile, damaged);
      expect(upToDate(), damaged).toBe(false);
    }
    writeStamp(stamp);
    expect(isUpToDate(stampFile, outFile, stamp.settings.replace(/"esbuild":"[^"]*"/, '"esbuild":"0.0.0"'), repoRoot)).toBe(false);
    expect(upToDate()).toBe(true);
  });

  it("is built again when an input's stamped hash differs", async () => {
    const stamp = readStamp();
    writeStamp({ ...stamp, inputs: { ...stamp.inputs, [ENTRY]: sha256("an older entry") } });
    const rebuilt = await bundleLibrary(outFile);
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.code).toBe(first.code);
    expect(readStamp()).toEqual(stamp);
  });

  it("is built again when the stamp is damaged", async () => {
    writeFileSync(stampFile, "{ not json");
    expect((await bundleLibrary(outFile)).reused).toBe(false);
    expect(readStamp().artefact).toBe(sha256(first.code));
    expect((await bundleLibrary(outFile)).reused).toBe(true);
  });

  it("is built again, and rewritten, when the bundle was edited by hand", async () => {
    writeFileSync(outFile, `${first.code}\n// edited\n`);
    const rebuilt = await bundleLibrary(outFile);
    expect(rebuilt.reused).toBe(false);
    expect(rebuilt.code).toBe(first.code);
    expect(readFileSync(outFile, "utf8")).toBe(first.code);
  });

  it("stamps the package.json of every package an input comes from (scoped and nested too), and extra files that exist", () => {
    const root = join(dir, "root");
    for (const pkg of ["node_modules/@scope/pkg", "node_modules/a/node_modules/b", "node_modules/c"]) {
      mkdirSync(join(root, pkg), { recursive: true });
      writeFileSync(join(root, pkg, "package.json"), "{}");
    }
    writeFileSync(join(root, "tsconfig.json"), "{}");
    const files = inputFiles(
      root,
      ["src/x.ts", "node_modules/@scope/pkg/dist/index.js", "node_modules/a/node_modules/b/lib/b.js", "node_modules/c/c.js"],
      ["tsconfig.json", "absent.json"],
    );
    expect(files).toEqual([
      "node_modules/@scope/pkg/dist/index.js",
      "node_modules/@scope/pkg/package.json",
      "node_modules/a/node_modules/b/lib/b.js",
      "node_modules/a/node_modules/b/package.json",
      "node_modules/c/c.js",
      "node_modules/c/package.json",
      "src/x.ts",
      "tsconfig.json",
    ]);
  });
});
