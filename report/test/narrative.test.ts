// The sentences follow the data: reversing the fixture's runtime ranking reverses the findings,
// and missing data is said plainly instead of failing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSection, sectionIds, type Datasets, type SectionResult } from "../lib/index.js";
import { messages } from "../lib/narrative/messages.js";
import { factor, ms, pct } from "../lib/narrative/format.js";
import { fixtureSet } from "./helpers.js";

const text = (r: SectionResult) => r.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])).join("\n");
const fixtures = fixtureSet();
let normal: Datasets;
let reversed: Datasets;
let degraded: Datasets;
beforeAll(async () => {
  normal = await fixtures.load({ "fixture-normal": { memorySizes: [128] } });
  reversed = await fixtures.load({ "fixture-reversed": { memorySizes: [128], reverseRanking: true } });
  degraded = await fixtures.load({ "fixture-degraded": { memorySizes: [128], dropFunctions: ["conc"] } });
});
afterAll(() => fixtures.cleanup());

describe("narrative", () => {
  it("names the leader the data gives, and the reversed leader when the ranking is reversed", () => {
    // The made-up model makes the last manifest runtime (Rust) fastest, or the first (Node.js) when reversed.
    const summary = text(buildSection("summary", normal));
    expect(summary).toMatch(/Worst case \(fixture-normal · 128 MB\): Rust leads, [\d.]+× as good as Node\.js\./);
    expect(summary).toMatch(/Cold start \(fixture-normal · 128 MB\): Rust leads/);
    const flipped = text(buildSection("summary", reversed));
    expect(flipped).toMatch(/Worst case \(fixture-reversed · 128 MB\): Node\.js leads, [\d.]+× as good as Rust\./);
    expect(flipped).toMatch(/Memory \(fixture-reversed · 128 MB\): Node\.js uses the least, Rust the most/);
    expect(text(buildSection("worst-case", reversed))).toContain("Node.js leads on the worst case");
  });

  it("puts the computed factor in the sentence", () => {
    const table = buildSection("worst-case", normal).blocks.find((b) => b.kind === "table" && b.id === "worst-case-pi");
    if (table?.kind !== "table") throw new Error("worst-case-pi table missing");
    const pis = table.rows.map((r) => r.pi as number);
    const expected = factor(Math.max(...pis) / Math.min(...pis));
    expect(text(buildSection("summary", normal))).toContain(`Rust leads, ${expected} as good as Node.js`);
  });

  it("says plainly when one memory size or the concurrent pair is missing, without throwing", () => {
    const mitigations = text(buildSection("mitigations", degraded));
    expect(mitigations).toContain(messages.oneMemorySize(128));
    expect(mitigations).toContain(messages.noVariantPair());
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
    expect(pct(-16.4)).toBe("−16 %");
    expect(pct(7.25)).toBe("7.3 %");
  });
});
