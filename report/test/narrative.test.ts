// The sentences follow the data: reversing the fixture's runtime ranking reverses the findings,
// runtimes with the same distribution get "no clear difference" instead of a ranking on noise,
// the same inputs give the same sections, and missing data is said plainly instead of failing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSection, sectionIds, type Datasets, type SectionResult } from "../lib/index.js";
import { messages } from "../lib/narrative/messages.js";
import { factor, factorRange, ms, pct } from "../lib/narrative/format.js";
import { fixtureSet } from "./helpers.js";

const text = (r: SectionResult) => r.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const fixtures = fixtureSet();
let normal: Datasets;
let reversed: Datasets;
let degraded: Datasets;
let tied: Datasets;
let architectures: Datasets;
// 400 invocations per group: enough for the worst case's intervals to separate the made-up runtimes.
const SEPARATED = { memorySizes: [128], invocationsPerFunction: 400 };
beforeAll(async () => {
  normal = await fixtures.load({ "fixture-normal": SEPARATED });
  reversed = await fixtures.load({ "fixture-reversed": { ...SEPARATED, reverseRanking: true } });
  degraded = await fixtures.load({ "fixture-degraded": { memorySizes: [128], dropFunctions: ["conc"] } });
  // Go and Rust drawn from the same made-up distribution (same rank); Python and Node.js slower.
  tied = await fixtures.load({ "fixture-tied": { memorySizes: [128], speedRanks: { go: 0, rust: 0 } } });
  architectures = await fixtures.load({ "fixture-arch": { memorySizes: [128, 256], architectures: ["x86_64", "arm64"] } });
});
afterAll(() => fixtures.cleanup());

describe("narrative", () => {
  it("names the leader the data gives, and the reversed leader when the ranking is reversed", () => {
    // The made-up model makes the last manifest runtime (Rust) fastest, or the first (Node.js) when reversed.
    const summary = text(buildSection("summary", normal));
    expect(summary).toMatch(/Worst case \(fixture-normal · 128 MB\): Rust leads, [\d.]+× as good as Node\.js\./);
    // Four cold starts per group: too few for the max Cold Start's intervals to part, and the text says so.
    expect(summary).toContain("Cold start (fixture-normal · 128 MB): no clear difference between Rust, Go, Python and Node.js.");
    const flipped = text(buildSection("summary", reversed));
    expect(flipped).toMatch(/Worst case \(fixture-reversed · 128 MB\): Node\.js leads, [\d.]+× as good as Rust\./);
    expect(flipped).toMatch(/Memory \(fixture-reversed · 128 MB\): Node\.js uses the least, Rust the most/);
    expect(text(buildSection("worst-case", reversed))).toContain("Node.js leads on the worst case");
  });

  it("ranks runtimes whose intervals are clearly apart", () => {
    const memory = text(buildSection("memory", normal));
    expect(memory).toMatch(/Rust leads on memory \(Max Memory Used\) with an index of [\d.]+×.*, clearly ahead of the runner-up, Go, at [\d.]+×/);
    expect(memory).not.toContain("no clear difference between Rust");
    expect(text(buildSection("summary", normal))).toMatch(/Memory \(fixture-normal · 128 MB\): Rust uses the least, Node\.js the most/);
  });

  it('says "no clear difference" for runtimes with the same distribution instead of ranking them', () => {
    const pair = /(Go and Rust|Rust and Go)/.source;
    expect(text(buildSection("summary", tied))).toMatch(
      new RegExp(`Memory \\(fixture-tied · 128 MB\\): ${pair} use the least with no clear difference between them, Node\\.js the most\\.`),
    );
    expect(text(buildSection("summary", tied))).toMatch(
      new RegExp(`Worst case \\(fixture-tied · 128 MB\\): ${pair} share the lead with no clear difference between them`),
    );
    expect(text(buildSection("memory", tied))).toMatch(new RegExp(`${pair} lead on memory \\(Max Memory Used\\), with no clear difference between them`));
    expect(text(buildSection("expected-range", tied))).toMatch(
      new RegExp(`\`save\`: ${pair} have the lowest medians \\([^)]*\\), with no clear difference between them`),
    );
    // The same fixture without the tie ranks Rust first (the check above can fail).
    expect(text(buildSection("memory", normal))).not.toMatch(/Go and Rust|Rust and Go/);
  });

  it("names the runtime with the largest concurrency gain only when its interval clears the others'", async () => {
    // The made-up model gives every runtime about the same gain; a planted slowdown of Go's search doubles Go's.
    expect(text(buildSection("summary", normal))).toMatch(
      /Concurrency: in fixture-normal · 128 MB, the gains from concurrent queries \([^)]*\) show no clear difference between/,
    );
    const planted = await fixtures.load({ "fixture-gain": { ...SEPARATED, slowdown: { runtime: "go", function: "search", factor: 2 } } });
    expect(text(buildSection("summary", planted))).toMatch(/Concurrency: Go gains the most from concurrent queries \([\d.]+ % in fixture-gain · 128 MB\)\./);
    expect(text(buildSection("mitigations", planted))).toMatch(/Go [\d.]+ % \([\d.]+–[\d.]+ %\)/);
  });

  it("gives the same sections for the same inputs, and other intervals for another seed", async () => {
    // The same dataset generated and loaded again elsewhere: a fresh Datasets object, nothing cached.
    const elsewhere = fixtureSet();
    try {
      const again = await elsewhere.load({ "fixture-normal": SEPARATED });
      for (const id of sectionIds) expect(JSON.stringify(buildSection(id, again)), id).toBe(JSON.stringify(buildSection(id, normal)));
    } finally {
      elsewhere.cleanup();
    }
    const table = (seed?: number) => {
      const t = buildSection("worst-case", normal, seed === undefined ? {} : { seed }).blocks.find((b) => b.kind === "table" && b.id === "worst-case-pi");
      if (t?.kind !== "table") throw new Error("worst-case-pi table missing");
      return t.rows;
    };
    expect(table(7)).not.toEqual(table());
    expect(table(7).map((r) => r.pi)).toEqual(table().map((r) => r.pi));
  });

  it("puts each statistic's interval in the downloadable tables", () => {
    const tables = sectionIds.flatMap((id) => buildSection(id, normal).blocks.flatMap((b) => (b.kind === "table" ? [b] : [])));
    const byId = new Map(tables.map((t) => [t.id, t]));
    for (const [id, stat] of [
      ["worst-case-pi", "pi"],
      ["worst-case-max", "value"],
      ["expected-range", "p50"],
      ["tail", "p99"],
      ["memory-max", "value"],
      ["cold-start-pi", "pi"],
      ["billed-values", "pi"],
    ] as const) {
      const t = byId.get(id)!;
      expect(t.columns, id).toEqual(expect.arrayContaining([stat, `${stat}Lower`, `${stat}Upper`]));
      for (const row of t.rows) {
        const [lo, hi] = [row[`${stat}Lower`], row[`${stat}Upper`]];
        if (lo !== null && hi !== null) expect(lo as number, `${id} ${JSON.stringify(row)}`).toBeLessThanOrEqual(hi as number);
      }
      expect(
        t.rows.some((r) => typeof r[`${stat}Lower`] === "number"),
        id,
      ).toBe(true);
    }
  });

  it("splits every section by architecture when both are present", () => {
    const settings = ["128 MB · x86_64", "256 MB · x86_64", "128 MB · arm64", "256 MB · arm64"].map((s) => `fixture-arch · ${s}`);
    for (const id of ["expected-range", "worst-case", "tail", "cold-start", "memory", "billed"] as const) {
      const section = buildSection(id, architectures);
      const said = text(section);
      for (const s of settings) expect(said, `${id}: ${s}`).toContain(`In **${s}**`);
      for (const b of section.blocks) {
        if (b.kind !== "figure") continue;
        const values = (b.spec.data as { values: { setting?: string }[] }).values;
        expect(new Set(values.map((v) => v.setting)), `${id}/${b.id}`).toEqual(new Set(settings));
      }
    }
    const mitigations = text(buildSection("mitigations", architectures));
    expect(mitigations).toMatch(/Rust \(x86_64\): going from 128 MB to 256 MB/);
    expect(mitigations).toMatch(/Rust \(arm64\): going from 128 MB to 256 MB/);
  });

  it("puts the computed factor in the sentence", () => {
    const table = buildSection("worst-case", normal).blocks.find((b) => b.kind === "table" && b.id === "worst-case-pi");
    if (table?.kind !== "table") throw new Error("worst-case-pi table missing");
    const pis = table.rows.map((r) => r.pi as number);
    const expected = factor(Math.max(...pis) / Math.min(...pis));
    expect(text(buildSection("summary", normal))).toContain(`Rust leads, ${expected} as good as Node.js`);
    // The index is said once, not again as a ratio to an index of 1.
    expect(text(buildSection("worst-case", normal))).toMatch(
      new RegExp(`Rust leads on the worst case \\(max Total Duration\\) with an index of ${factor(Math.max(...pis)).replace(".", "\\.")}`),
    );
    expect(text(buildSection("worst-case", normal))).not.toMatch(/: [\d.]+× as good as/);
  });

  it("says plainly when one memory size or the concurrent pair is missing, without throwing", () => {
    const mitigations = text(buildSection("mitigations", degraded));
    expect(mitigations).toContain(messages.oneMemorySize(128));
    expect(mitigations).toContain(messages.noVariantPair([{ base: "search", variant: "conc", present: ["search"] }]));
    expect(mitigations).toContain("the datasets given hold only `search`");
    for (const id of sectionIds) expect(() => buildSection(id, degraded)).not.toThrow();
  });

  it("states the cold start convention and the percentile definition", () => {
    expect(text(buildSection("cold-start", normal))).toContain(messages.coldStartConvention());
    expect(text(buildSection("tail", normal))).toContain("Percentiles use linear interpolation");
  });

  it("labels fixture data as such", () => {
    expect(text(buildSection("summary", normal))).toContain("**Fixture data:**");
  });
});

describe("number formatting", () => {
  it("formats ms, factors and percentages in one way", () => {
    expect(ms(0.1234)).toBe("0.123 ms");
    expect(ms(12.34)).toBe("12.3 ms");
    expect(ms(1234.5)).toBe("1,235 ms");
    expect(ms(12_345)).toBe("12.3 s");
    expect(factor(5.26)).toBe("5.3×");
    expect(factor(1.04)).toBe("1.04×");
    expect(factorRange(4.71, 14.2)).toBe("4.7–14×");
    expect(factorRange(4.71, Infinity)).toBe("4.7× or more");
    expect(factorRange(2, 2)).toBe("2×");
    expect(pct(-16.4)).toBe("−16 %");
    expect(pct(7.25)).toBe("7.3 %");
  });
});
