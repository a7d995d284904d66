// The scaffold's manifest edit, on the real manifest text in memory: what it adds, the layout it
// keeps, and what it refuses (with the option and the remedy).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultManifestPath, repoRoot } from "../manifest.js";
import { scaffoldMessages as msg } from "./messages.js";
import { addFunction } from "./scaffold.js";

// Inside the project (the scaffold refuses code outside it), removed afterwards.
const dir = mkdtempSync(join(repoRoot, ".scaffold-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = readFileSync(defaultManifestPath, "utf8");
const file = (name: string, content = "") => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe("npm run function -- add", () => {
  it("adds the function and one entry as one-line objects, and the same function for a second runtime", () => {
    const py = addFunction(text, { runtime: "python", handler: `${file("resize_image.py")}:main`, payload: { size: 64 } });
    expect(py.function).toBe("resize-image");
    expect(py.manifest.functions.at(-1)).toMatchObject({ id: "resize-image", role: "benchmark", tableAccess: "none", payload: { size: 64 } });
    expect(py.manifest.entries.at(-1)).toMatchObject({ runtime: "python", function: "resize-image", handler: "resize_image.main" });
    expect(py.text.split("\n").filter((l) => l.includes('"resize-image"'))).toHaveLength(2);
    const node = addFunction(py.text, { runtime: "node", handler: file("resize-image.mjs"), name: "resize-image" });
    expect(node.manifest.entries.filter((e) => e.function === "resize-image").map((e) => [e.runtime, e.handler])).toEqual([
      ["python", "resize_image.main"],
      ["node", "index.handler"],
    ]);
    expect(node.manifest.functions.filter((f) => f.id === "resize-image")).toHaveLength(1);
  });

  it("takes a Go module folder and writes a bootstrap handler", () => {
    mkdirSync(join(dir, "gofn"));
    file("gofn/go.mod", "module x\n");
    const go = addFunction(text, { runtime: "go", handler: join(dir, "gofn"), warmup: "none" });
    expect(go.manifest.entries.at(-1)).toMatchObject({ runtime: "go", function: "gofn", handler: "bootstrap" });
    expect(go.manifest.functions.at(-1)!.warmup).toBe("none");
  });

  it("refuses what would not build or would clash, naming the option", () => {
    const py = file("other.py");
    expect(() => addFunction(text, { runtime: "cobol", handler: py })).toThrow(msg.unknownRuntime("cobol", ["node", "python", "go", "rust"]));
    expect(() => addFunction(text, { runtime: "node", handler: py })).toThrow(msg.badHandlerFile("node", py, "a .ts, .mjs or .js handler file"));
    expect(() => addFunction(text, { runtime: "python", handler: join(dir, "absent.py") })).toThrow(msg.handlerMissing(join(dir, "absent.py")));
    expect(() => addFunction(text, { runtime: "python", handler: py, name: "wave" })).toThrow(msg.entryExists("python", "wave"));
    // wave built in every runtime but rust (its "runtimes" narrowed), so only the name clashes.
    const withoutRustWave = text
      .split("\n")
      .map((l) => (l.includes('"id": "wave"') ? l.replace('"runtimes": "all"', '"runtimes": ["node", "python", "go"]') : l))
      .join("\n");
    expect(() => addFunction(withoutRustWave, { runtime: "rust", handler: dir, name: "wave" })).toThrow(
      msg.badHandlerFile("rust", dir, "a Rust crate folder (with Cargo.toml, one binary)"),
    );
    mkdirSync(join(dir, "crate"));
    file("crate/Cargo.toml");
    expect(() => addFunction(withoutRustWave, { runtime: "rust", handler: join(dir, "crate"), name: "wave" })).toThrow(msg.builtInName("wave"));
    const once = addFunction(text, { runtime: "python", handler: py });
    expect(() => addFunction(once.text, { runtime: "python", handler: py })).toThrow(msg.entryExists("python", "other"));
    expect(() => addFunction(text, { runtime: "python", handler: py, warmup: "Nope!" })).toThrow(msg.badWarmup("Nope!"));
    expect(() => addFunction(text, { runtime: "python", handler: py, warmup: "absent" })).toThrow(/refers to unknown function "absent"/);
  });
});
