import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ManifestError, benchmarkFunctions, defaultManifestPath, findEntry, loadManifest, parseManifest, repoRoot } from "./manifest.js";
import { BUILT_IN_FUNCTIONS, BUILT_IN_RUNTIMES, builtInManifest } from "./test-support/built-in.js";

const valid = () => JSON.parse(JSON.stringify(loadManifest())) as Record<string, unknown> & { entries: Record<string, unknown>[] };

describe("manifest", () => {
  const all = loadManifest();
  const m = builtInManifest(all);

  it("has one entry per built-in runtime and function (a user's functions may be sparse)", () => {
    expect(m.runtimes.map((r) => r.id)).toEqual([...BUILT_IN_RUNTIMES]);
    expect(m.functions.map((f) => f.id)).toEqual([...BUILT_IN_FUNCTIONS]);
    expect(m.entries).toHaveLength(m.runtimes.length * m.functions.length);
    for (const r of m.runtimes)
      for (const f of m.functions) {
        expect(m.entries.filter((e) => e.runtime === r.id && e.function === f.id)).toHaveLength(1);
      }
  });

  it("gives every user entry a source that exists", () => {
    for (const e of all.entries.filter((x) => x.source !== undefined)) expect(existsSync(join(repoRoot, e.source!)), e.source).toBe(true);
  });

  it("names existing build scripts and folders", () => {
    for (const r of m.runtimes) expect(existsSync(join(repoRoot, r.folder)), r.folder).toBe(true);
  });

  it("measures every function but the warm-up helper", () => {
    expect(benchmarkFunctions(m).map((f) => f.id)).not.toContain("warmup");
  });

  it("rejects an entry naming an unknown runtime, with its position", () => {
    const raw = valid();
    raw.entries[3]!.runtime = "cobol";
    expect(() => parseManifest(raw, "m.json")).toThrow(new ManifestError('m.json: entries.3.runtime: unknown runtime "cobol"'));
  });

  it("rejects a duplicate entry", () => {
    const raw = valid();
    raw.entries.push({ ...raw.entries[0]! });
    expect(() => parseManifest(raw, "m.json")).toThrow(/duplicate entry node\/warmup/);
  });

  it("rejects a missing field, naming its path", () => {
    const raw = valid();
    delete raw.entries[1]!.handler;
    expect(() => parseManifest(raw, "m.json")).toThrow(/m\.json: entries\.1\.handler/);
  });
});

describe("entries derived from runtimes × functions", () => {
  type RawManifest = { runtimes: Record<string, unknown>[]; functions: Record<string, unknown>[]; entries: Record<string, unknown>[] };
  const raw = () => JSON.parse(readFileSync(defaultManifestPath, "utf8")) as RawManifest;
  const m = loadManifest();

  it("fills each family's template: warmup ships search's code in every runtime, in runtime-major manifest order", () => {
    expect(findEntry(m, "python", "warmup")).toEqual({
      runtime: "python",
      function: "warmup",
      handler: "search.handler",
      build: "bash functions/python/build.sh warmup search",
      artefact: "functions/python/dist/warmup.zip",
    });
    expect(findEntry(m, "node", "conc")).toEqual({
      runtime: "node",
      function: "conc",
      handler: "index.handler",
      build: "node --import tsx functions/node/build.ts conc",
      artefact: "functions/node/dist/conc.zip",
    });
    expect(findEntry(m, "rust", "warmup")).toMatchObject({ handler: "bootstrap", build: "bash functions/rust/build.sh warmup search" });
    expect(findEntry(m, "go", "wave")).toMatchObject({
      handler: "bootstrap",
      build: "bash functions/go/build.sh wave wave",
      artefact: "functions/go/dist/wave.zip",
    });
    const pairs = builtInManifest(m).entries.map((e) => `${e.runtime}/${e.function}`);
    expect(pairs.slice(0, 6)).toEqual(["node/warmup", "node/wave", "node/save", "node/search", "node/conc", "python/warmup"]);
  });

  it("takes an explicit entry over the derived one of its pair, and only the runtimes a function lists", () => {
    const r = raw();
    r.entries.push({ runtime: "go", function: "wave", handler: "bootstrap", build: "true", artefact: "elsewhere/wave.zip" });
    r.functions.find((f) => f.id === "save")!.runtimes = ["node", "rust"];
    const parsed = parseManifest(r, "m.json");
    expect(findEntry(parsed, "go", "wave")!.artefact).toBe("elsewhere/wave.zip");
    expect(parsed.entries.filter((e) => e.function === "save").map((e) => e.runtime)).toEqual(["node", "rust"]);
    // In the derived place of its pair: node's 5, python's 4 (no save), go/warmup, then go/wave.
    expect(parsed.entries[10]).toMatchObject({ runtime: "go", function: "wave", artefact: "elsewhere/wave.zip" });
  });

  it("refuses a function built in an unknown runtime, or in a runtime without a template", () => {
    const unknown = raw();
    unknown.functions[1]!.runtimes = ["node", "cobol"];
    expect(() => parseManifest(unknown, "m.json")).toThrow(new ManifestError('m.json: functions.wave.runtimes: unknown runtime "cobol"'));
    const bare = raw();
    delete (bare.runtimes[2]!.family as Record<string, unknown>).entry;
    expect(() => parseManifest(bare, "m.json")).toThrow(
      new ManifestError("m.json: runtimes.go.family.entry: no entry template to build functions.warmup from (add one, or list the entry)"),
    );
  });
});
