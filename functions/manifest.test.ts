import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ManifestError, benchmarkFunctions, loadManifest, parseManifest, repoRoot } from "./manifest.js";
import { BUILT_IN_FUNCTIONS, BUILT_IN_RUNTIMES, builtInManifest } from "./test-support/built-in.js";

const valid = () => JSON.parse(JSON.stringify(loadManifest())) as Record<string, unknown> & { entries: Record<string, unknown>[] };

describe("manifest", () => {
  const all = loadManifest();
  const m = builtInManifest(all);

  it("has one entry per built-in runtime and function (a user's functions may be sparse)", () => {
    expect(m.runtimes.map((r) => r.id)).toEqual([...BUILT_IN_RUNTIMES]);
    expect(m.functions.map((f) => f.id)).toEqual([...BUILT_IN_FUNCTIONS]);
    expect(m.entries).toHaveLength(m.runtimes.length * m.functions.length);
    for (const r of m.runtimes) for (const f of m.functions) {
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
