import { describe, expect, it } from "vitest";
import { loadManifest, parseManifest } from "../../functions/manifest.js";
import { benchMessages } from "./messages.js";
import { normalizeAwsExtras, normalizeBenchOptions, partialRunName, trialLimit } from "./options.js";
import { payloadFor } from "./drive.js";
import { campaignConcurrency } from "./campaign-concurrency.js";

const manifest = loadManifest();

/** The built-in manifest plus a user's function on Python only (a sparse entry). */
function withUserFunction(fn: Record<string, unknown>) {
  const raw = structuredClone(loadManifest()) as unknown as { functions: unknown[]; entries: unknown[] };
  raw.functions.push({ id: "myfn", tableAccess: "none", ...fn });
  raw.entries.push({ runtime: "python", function: "myfn", handler: "myfn.handler", build: "true", artefact: "functions/user/dist/python/myfn.zip" });
  return parseManifest(raw);
}

describe("bench options on a sparse manifest", () => {
  const sparse = withUserFunction({});

  it("runs only the pairs that exist, starting only the runtimes they need", () => {
    const o = normalizeBenchOptions({ functions: "myfn" }, sparse);
    expect([o.runtimes, o.functions]).toEqual([["python"], ["myfn"]]);
    expect(normalizeBenchOptions({}, sparse).functions).toContain("myfn");
  });

  it("checks every selection before anything is built", () => {
    expect(() => normalizeBenchOptions({ runtimes: "node", functions: "myfn" }, sparse)).toThrow(
      "the manifest has no entry for any of --runtimes node × --functions myfn: nothing to measure (add one with npm run function -- add)",
    );
    expect(() => normalizeBenchOptions({ runtimes: "node,python", functions: "myfn" }, sparse)).toThrow(
      '--runtimes: "node" has no manifest entry for any function selected (myfn); drop it or add the entry (npm run function -- add)',
    );
    expect(() => normalizeBenchOptions({ runtimes: "python", functions: "myfn,wave" }, withUserFunction({ warmup: "none" }))).not.toThrow();
    expect(() => normalizeBenchOptions({ runtimes: "go", functions: "myfn,wave" }, sparse)).toThrow(
      '--functions: "myfn" has no manifest entry for any runtime selected (go)',
    );
  });

  it("warms a function up with itself by default, with nothing on request, and refuses a warm-up that has no entry", () => {
    expect(() => normalizeBenchOptions({ functions: "myfn" }, withUserFunction({ warmup: "warmup" }))).not.toThrow();
    expect(() => normalizeBenchOptions({ functions: "myfn" }, withUserFunction({ warmup: "wave" }))).not.toThrow();
    const raw = structuredClone(loadManifest()) as unknown as {
      functions: { id: string; runtimes?: unknown }[];
      entries: { runtime: string; function: string }[];
    };
    raw.entries = raw.entries.filter((e) => !(e.runtime === "go" && e.function === "warmup"));
    raw.functions.find((f) => f.id === "warmup")!.runtimes = ["node", "python", "rust"];
    expect(() => normalizeBenchOptions({ runtimes: "go", functions: "wave" }, parseManifest(raw))).toThrow(
      'go/wave warms up with "warmup", which has no manifest entry for go; add that entry, set the function\'s "warmup" to "self" or "none", or pass --warmup 0',
    );
    expect(() => normalizeBenchOptions({ runtimes: "go", functions: "wave", warmup: "0" }, parseManifest(raw))).not.toThrow();
  });
});

describe("bench options", () => {
  it("defaults to every runtime and benchmark function in manifest order, 8 trials of 200 requests at concurrency 10, 1 s pause", () => {
    const o = normalizeBenchOptions({}, manifest);
    expect(o).toMatchObject({
      target: "local",
      memorySizes: [128, 256],
      requests: 200,
      concurrency: 10,
      warmup: 3,
      pauseMs: 1000,
      trials: 8,
      seed: null,
      name: "local",
      out: "data",
      resume: false,
    });
    expect(o.runtimes).toEqual(manifest.runtimes.map((r) => r.id));
    expect(o.functions).toEqual(manifest.functions.filter((f) => f.role === "benchmark").map((f) => f.id));
  });

  it("--target-precision takes a percentage, adds trials up to --max-trials (default 3 × --trials), and refuses what it cannot use", () => {
    expect(normalizeBenchOptions({}, manifest)).toMatchObject({ targetPrecision: null, trials: 8 });
    expect(trialLimit(normalizeBenchOptions({}, manifest))).toBe(8);
    const adaptive = normalizeBenchOptions({ targetPrecision: "5%", trials: "3" }, manifest);
    expect(adaptive).toMatchObject({ targetPrecision: 0.05, trials: 3, maxTrials: 9 });
    expect(trialLimit(adaptive)).toBe(9);
    expect(normalizeBenchOptions({ targetPrecision: "2.5", maxTrials: "20" }, manifest)).toMatchObject({ targetPrecision: 0.025, trials: 8, maxTrials: 20 });
    expect(() => normalizeBenchOptions({ targetPrecision: "0%" }, manifest)).toThrow(benchMessages.badPrecision("0%"));
    expect(() => normalizeBenchOptions({ targetPrecision: "five" }, manifest)).toThrow(benchMessages.badPrecision("five"));
    expect(() => normalizeBenchOptions({ maxTrials: "20" }, manifest)).toThrow(benchMessages.maxTrialsWithoutPrecision("20"));
    expect(() => normalizeBenchOptions({ targetPrecision: "5%", trials: "1" }, manifest)).toThrow(benchMessages.precisionNeedsTrials(1));
    expect(() => normalizeBenchOptions({ targetPrecision: "5%", trials: "4", maxTrials: "3" }, manifest)).toThrow(
      benchMessages.badInteger("max-trials", "3", 4),
    );
  });

  it("keeps manifest order whatever order the user lists", () => {
    const ids = manifest.runtimes.map((r) => r.id);
    const o = normalizeBenchOptions({ runtimes: [...ids].reverse().join(","), memory: "256,128" }, manifest);
    expect(o.runtimes).toEqual(ids);
    expect(o.memorySizes).toEqual([256, 128]);
  });

  it("--memory-sweep runs power-tuning's default power values (its template.yml PowerValues default)", () => {
    expect(normalizeBenchOptions({ memorySweep: true }, manifest).memorySizes).toEqual([128, 256, 512, 1024, 1536, 3008]);
    expect(normalizeBenchOptions({ memory: "128,256,512,1024,1769,3008" }, manifest).memorySizes).toEqual([128, 256, 512, 1024, 1769, 3008]);
  });

  it("sizes one concurrency for the whole campaign by the lab's CPU plan, only in the lab and only without --concurrency", () => {
    const plan = (memoryMB: number) => (memoryMB >= 1024 ? 2 : 6);
    const lab = normalizeBenchOptions({ memory: "128,1024" }, manifest);
    expect(lab.concurrencyFromPlan).toBe(true);
    // The fewest the plan holds at any size of the campaign, for every size.
    expect(campaignConcurrency(lab, [128, 1024], plan)).toEqual({ concurrency: 2, source: "cpu-plan" });
    expect(campaignConcurrency(lab, [128], plan)).toEqual({ concurrency: 6, source: "cpu-plan" });
    // Where the plan holds more than the default, the default (still the plan's choice).
    expect(campaignConcurrency(lab, [128], () => 13)).toEqual({ concurrency: 10, source: "cpu-plan" });
    expect(campaignConcurrency(lab, [128], null)).toEqual({ concurrency: 10, source: "option" });
    // A size the plan cannot hold at all keeps the default, which the lab's plan check then refuses.
    expect(campaignConcurrency(lab, [128, 3008], (m) => (m > 1769 ? 0 : 6))).toEqual({ concurrency: 10, source: "option" });
    const given = normalizeBenchOptions({ concurrency: "4" }, manifest);
    expect(campaignConcurrency(given, [128, 1024], plan)).toEqual({ concurrency: 4, source: "option" });
    expect(normalizeBenchOptions({ target: "aws" }, manifest).concurrencyFromPlan).toBe(false);
  });

  it.each([
    [
      { memorySweep: true, memory: "128" },
      '--memory-sweep runs power-tuning\'s default sizes (128,256,512,1024,1536,3008 MB) and cannot be combined with --memory "128": give one or the other',
    ],
    [{ requests: "0" }, '--requests: expected an integer >= 1, got "0"'],
    [{ concurrency: "ten" }, '--concurrency: expected an integer >= 1, got "ten"'],
    [{ memory: "128,,256" }, '--memory: expected a comma-separated list, got "128,,256"'],
    [{ memory: "64" }, '--memory: expected an integer >= 128, got "64"'],
    [{ runtimes: "cobol" }, '--runtimes: unknown "cobol"'],
    [{ functions: "warmup" }, '--functions: "warmup" is the warm-up function, not part of the measured set'],
    [{ target: "gcp" }, '--target: expected "local" or "aws", got "gcp"'],
    [
      { name: "../x" },
      '--name: "../x" is not a usable dataset name (letters, digits, dot, dash and underscore; no path separators, no "..", not starting with a dot)',
    ],
    [{ name: "a/b" }, '--name: "a/b" is not a usable dataset name'],
    [{ trials: "0" }, '--trials: expected an integer >= 1, got "0"'],
    [{ seed: "-3" }, '--seed: expected an integer from 0 to 4294967295, got "-3"'],
    [{ seed: "4294967296" }, '--seed: expected an integer from 0 to 4294967295, got "4294967296"'],
  ])("rejects %o clearly", (raw, message) => {
    expect(() => normalizeBenchOptions(raw, manifest)).toThrow(message);
  });

  it("names a run shorter than the default protocol by its protocol, never like the full-protocol datasets", () => {
    const short = normalizeBenchOptions({ requests: "30" }, manifest);
    expect(short.name).toBe(partialRunName(short));
    expect(short.name).toMatch(/^local-partial-[0-9a-f]{8}$/);
    expect(normalizeBenchOptions({ requests: "30" }, manifest).name).toBe(short.name); // the same command finds it again (--resume)
    expect(normalizeBenchOptions({ requests: "31" }, manifest).name).not.toBe(short.name);
    expect(normalizeBenchOptions({ runtimes: "go" }, manifest).name).toMatch(/^local-partial-/);
    expect(normalizeBenchOptions({ trials: "1" }, manifest).name).toMatch(/^local-partial-/);
    expect(normalizeBenchOptions({ trials: "1" }, manifest).name).not.toBe(normalizeBenchOptions({ trials: "2" }, manifest).name);
    expect(normalizeBenchOptions({ functions: "wave", target: "aws" }, manifest).name).toMatch(/^aws-partial-/);
    expect(normalizeBenchOptions({ memory: "128" }, manifest).name).toBe("local"); // one memory size is still the full protocol
    expect(normalizeBenchOptions({ requests: "30", name: "mine" }, manifest).name).toBe("mine");
    expect(normalizeBenchOptions({ force: true }, manifest).force).toBe(true);
  });

  it("replaces {seq} in payload strings with the request number", () => {
    const body = payloadFor({ owner: "o", name: "item-{seq}", n: [1] });
    expect(body(7)).toBe('{"owner":"o","name":"item-7","n":[1]}');
    expect(payloadFor({ a: 1 })(3)).toBe('{"a":1}');
  });
});

describe("AWS target options", () => {
  it("default to x86_64 and refuse another architecture by name", () => {
    expect(normalizeAwsExtras({ stack: "s" })).toEqual({ region: undefined, stack: "s", stackPrefix: undefined, deploy: undefined, architecture: "x86_64" });
    expect(normalizeAwsExtras({ architecture: "arm64" }).architecture).toBe("arm64");
    expect(() => normalizeAwsExtras({ architecture: "aarch64" })).toThrow(new Error(benchMessages.badArchitecture("aarch64")));
  });
});
