// Cost arithmetic against hand-worked cases under each billing rule. The invocations below are
// tiny made-up fixtures chosen for easy arithmetic, not measurements.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as aq from "arquero";
import { afterAll, describe, expect, it } from "vitest";
import {
  billedMsUnder,
  costByGroup,
  costPerMillion,
  CostError,
  gbSeconds,
  loadPriceTable,
  moreMemoryCheaper,
  parsePriceTable,
  type CostRow,
} from "../lib/cost/index.js";

const prices = loadPriceTable();
// The bundled table's us-east-1 first-tier figures, restated so a silent edit of prices.json shows up here.
const X86_GBS = 0.0000166667;
const ARM_GBS = 0.0000133334;
const REQUEST = 0.2;

const row = (
  runtime: string,
  runtimeKind: "managed" | "custom",
  memoryMB: number,
  architecture: string,
  durationMs: number,
  initDurationMs: number | null,
  billedDurationMs: number,
) => ({
  dataset: "fixture-cost",
  runtime,
  runtimeKind,
  function: "wave",
  memoryMB,
  architecture,
  durationMs,
  initDurationMs,
  billedDurationMs,
});

// One cold (10.2 ms + 150.3 ms INIT) and one warm (4.01 ms) invocation at 128 MB on x86_64,
// for a managed (node) and a custom (go) runtime; the REPORT lines said 11 and 5 ms.
const coldWarm = [
  row("node", "managed", 128, "x86_64", 10.2, 150.3, 11),
  row("node", "managed", 128, "x86_64", 4.01, null, 5),
  row("go", "custom", 128, "x86_64", 10.2, 150.3, 161),
  row("go", "custom", 128, "x86_64", 4.01, null, 5),
];

describe("price table", () => {
  it("is dated, sourced and holds both architectures", () => {
    expect(prices.region).toBe("us-east-1");
    expect(prices.retrieved).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(prices.sources.length).toBeGreaterThan(0);
    // AWS's own pricing page and its announcement of the INIT billing change are cited.
    expect(prices.sources.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        "https://aws.amazon.com/lambda/pricing/",
        "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/",
      ]),
    );
    expect(prices.architectures.x86_64).toEqual({ usdPerGbSecond: X86_GBS, usdPerMillionRequests: REQUEST });
    expect(prices.architectures.arm64).toEqual({ usdPerGbSecond: ARM_GBS, usdPerMillionRequests: REQUEST });
  });

  const dir = mkdtempSync(join(tmpdir(), "lambench-cost-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts a user's own table and refuses bad ones naming the file and field", () => {
    const own = { ...prices, region: "eu-west-1", architectures: { arm64: { usdPerGbSecond: 0.00001, usdPerMillionRequests: 0.25 } } };
    const path = join(dir, "own.json");
    writeFileSync(path, JSON.stringify(own));
    expect(loadPriceTable(path).region).toBe("eu-west-1");
    expect(() => costPerMillion({ memoryMB: 128, architecture: "x86_64", billedMs: [1] }, loadPriceTable(path))).toThrow('no price for architecture "x86_64"');

    writeFileSync(path, JSON.stringify({ ...prices, architectures: { x86_64: { usdPerGbSecond: -1, usdPerMillionRequests: 0.2 } } }));
    expect(() => loadPriceTable(path, "my-prices.json")).toThrow("my-prices.json: field architectures.x86_64.usdPerGbSecond:");
    writeFileSync(path, "{ not json");
    expect(() => loadPriceTable(path, "my-prices.json")).toThrow(/^my-prices.json: invalid JSON/);
    expect(() => loadPriceTable(join(dir, "nope.json"), "nope.json")).toThrow("nope.json: price table not found");
    expect(() => parsePriceTable({ ...prices, retrieved: "last week" }, "x.json")).toThrow("x.json: field retrieved: expected a date YYYY-MM-DD");
  });
});

describe("billed duration and GB-seconds", () => {
  it("recomputes billed ms per rule", () => {
    const [nodeCold, nodeWarm, goCold] = coldWarm as [(typeof coldWarm)[0], (typeof coldWarm)[0], (typeof coldWarm)[0]];
    // aws-2025-08 bills INIT for every runtime: ceil(10.2 + 150.3) = ceil(160.5) = 161.
    expect(billedMsUnder("aws-2025-08", nodeCold)).toBe(161);
    // aws-pre-2025-08 bills INIT for custom runtimes only: node → ceil(10.2) = 11, go → 161.
    expect(billedMsUnder("aws-pre-2025-08", nodeCold)).toBe(11);
    expect(billedMsUnder("aws-pre-2025-08", goCold)).toBe(161);
    // Warm: ceil(4.01) = 5 under both; as-reported keeps the REPORT value.
    expect(billedMsUnder("aws-2025-08", nodeWarm)).toBe(5);
    expect(billedMsUnder("as-reported", { ...nodeWarm, billedDurationMs: 6 })).toBe(6);
    // 1,500 ms at 1,024 MB = 1.5 s × 1 GB.
    expect(gbSeconds(1500, 1024)).toBe(1.5);
  });
});

describe("costByGroup", () => {
  const table = aq.from(coldWarm);
  const byRuntime = (rows: CostRow[]) => Object.fromEntries(rows.map((r) => [r.runtime as string, r]));

  it("aws-2025-08: INIT billed for both runtimes", () => {
    // Billed 161 and 5 ms → mean 83 ms = 0.083 s × 0.125 GB = 0.010375 GB-s per invocation.
    // Per million: 0.010375 × 0.0000166667 × 10⁶ = $0.17291701, plus $0.20 of requests = $0.37291701.
    const rows = byRuntime(costByGroup(table, { rule: "aws-2025-08", prices, uncertainty: false }));
    for (const r of ["node", "go"]) {
      expect(rows[r]!.meanBilledMs).toBe(83);
      expect(rows[r]!.meanGbSeconds).toBeCloseTo(0.010375, 12);
      expect(rows[r]!.computeUsdPerMillion).toBeCloseTo(0.17291701, 8);
      expect(rows[r]!.usdPerMillion).toBeCloseTo(0.37291701, 8);
      expect(rows[r]!.usdPerMillionLower).toBeNull();
    }
  });

  it("aws-pre-2025-08: INIT billed for the custom runtime only", () => {
    // node: billed 11 and 5 → mean 8 ms = 0.008 s × 0.125 GB = 0.001 GB-s → $0.0166667 + $0.20 = $0.2166667.
    // go: unchanged from the 2025 rule, $0.37291701.
    const rows = byRuntime(costByGroup(table, { rule: "aws-pre-2025-08", prices, uncertainty: false }));
    expect(rows.node!.meanBilledMs).toBe(8);
    expect(rows.node!.usdPerMillion).toBeCloseTo(0.2166667, 8);
    expect(rows.go!.usdPerMillion).toBeCloseTo(0.37291701, 8);
  });

  it("as-reported: takes the REPORT line's billed duration", () => {
    // node reported 11 and 5 (the pre-2025 behaviour) → $0.2166667; go reported 161 and 5 → $0.37291701.
    const rows = byRuntime(costByGroup(table, { rule: "as-reported", prices, uncertainty: false }));
    expect(rows.node!.usdPerMillion).toBeCloseTo(0.2166667, 8);
    expect(rows.go!.usdPerMillion).toBeCloseTo(0.37291701, 8);
  });

  it("prices arm64 at its own rate", () => {
    // 100 ms at 1,024 MB = 0.1 GB-s → 0.1 × 0.0000133334 × 10⁶ = $1.33334, + $0.20 = $1.53334.
    const arm = aq.from([row("rust", "custom", 1024, "arm64", 99.2, null, 100), row("rust", "custom", 1024, "arm64", 99.9, null, 100)]);
    const [r] = costByGroup(arm, { rule: "aws-2025-08", prices, uncertainty: false });
    expect(r!.usdPerMillion).toBeCloseTo(1.53334, 8);
  });

  it("gives an interval around the cost when asked, zero-width for identical invocations", () => {
    const same = aq.from(Array.from({ length: 50 }, () => row("rust", "custom", 1024, "arm64", 99.2, null, 100)));
    const [r] = costByGroup(same, { rule: "aws-2025-08", prices });
    expect([r!.usdPerMillionLower, r!.usdPerMillionUpper]).toEqual([r!.usdPerMillion, r!.usdPerMillion]);
    const varied = aq.from(Array.from({ length: 50 }, (_, i) => row("rust", "custom", 1024, "arm64", 50 + i, null, 50 + i)));
    const [v] = costByGroup(varied, { rule: "aws-2025-08", prices });
    expect(v!.usdPerMillionLower!).toBeLessThan(v!.usdPerMillion);
    expect(v!.usdPerMillionUpper!).toBeGreaterThan(v!.usdPerMillion);
  });

  it("refuses a table or grouping that cannot be priced", () => {
    expect(() => costByGroup(table, { rule: "aws-2025-08", prices, by: ["runtime"] })).toThrow(CostError);
    expect(() => costByGroup(aq.from([{ memoryMB: 128, architecture: "x86_64" }]), { rule: "aws-2025-08", prices, by: ["memoryMB", "architecture"] })).toThrow(
      "cost needs column runtimeKind",
    );
  });
});

describe("moreMemoryCheaper", () => {
  it("finds a larger memory size that costs less, and only that", () => {
    // 128 MB at 400 ms: 0.4 × 0.125 = 0.05 GB-s → $0.833335 + $0.20 = $1.033335 per million.
    // 256 MB at 150 ms: 0.15 × 0.25 = 0.0375 GB-s → $0.62500125 + $0.20 = $0.82500125: cheaper by 20.2 %.
    // 512 MB at 100 ms: 0.1 × 0.5 = 0.05 GB-s → same as 128 MB: not cheaper, and dearer than 256 MB.
    const rows = [
      ...Array.from({ length: 20 }, () => row("python", "managed", 128, "x86_64", 399.5, null, 400)),
      ...Array.from({ length: 20 }, () => row("python", "managed", 256, "x86_64", 149.5, null, 150)),
      ...Array.from({ length: 20 }, () => row("python", "managed", 512, "x86_64", 99.5, null, 100)),
    ];
    const cost = costByGroup(aq.from(rows), { rule: "aws-2025-08", prices });
    const found = moreMemoryCheaper(cost);
    expect(found).toHaveLength(1);
    const f = found[0]!;
    expect([f.smallerMB, f.largerMB]).toEqual([128, 256]);
    expect(f.smallerUsdPerMillion).toBeCloseTo(1.033335, 8);
    expect(f.largerUsdPerMillion).toBeCloseTo(0.82500125, 8);
    expect(f.savingPct).toBeCloseTo(((1.033335 - 0.82500125) / 1.033335) * 100, 6);
    expect(f.clear).toBe(true); // constant groups: zero-width intervals that do not overlap
    expect(f.keys).toEqual({ dataset: "fixture-cost", architecture: "x86_64", runtime: "python", function: "wave" });
  });

  it("stays silent when cost grows with memory, and does not compare different runtimes", () => {
    const cost = costByGroup(
      aq.from([
        row("node", "managed", 128, "x86_64", 9, null, 10),
        row("node", "managed", 256, "x86_64", 9, null, 10),
        row("go", "custom", 512, "x86_64", 1, null, 1),
      ]),
      { rule: "aws-2025-08", prices, uncertainty: false },
    );
    expect(moreMemoryCheaper(cost)).toEqual([]);
  });
});

describe("costByGroup grouping", () => {
  it("matches pricing each group's plain array, also on a filtered table", () => {
    // Generated rows over 2 runtimes × 2 memory sizes × 2 architectures, made-up durations.
    const rows = Array.from({ length: 400 }, (_, i) =>
      row(
        i % 2 ? "go" : "node",
        i % 2 ? "custom" : "managed",
        i % 4 < 2 ? 128 : 512,
        i % 8 < 4 ? "x86_64" : "arm64",
        1 + (i % 37) * 0.77,
        i % 50 === 0 ? 80.5 : null,
        0,
      ),
    );
    const table = aq.from(rows).filter((d: { durationMs: number }) => d.durationMs > 2);
    const kept = rows.filter((r) => r.durationMs > 2);
    const cost = costByGroup(table, { rule: "aws-pre-2025-08", prices, uncertainty: false });
    expect(cost).toHaveLength(8);
    for (const c of cost) {
      const own = kept.filter((r) => r.runtime === c.runtime && r.memoryMB === c.memoryMB && r.architecture === c.architecture);
      const expected = costPerMillion(
        { memoryMB: c.memoryMB, architecture: c.architecture, billedMs: own.map((r) => billedMsUnder("aws-pre-2025-08", r)) },
        prices,
      );
      expect(c.invocations).toBe(own.length);
      expect(c.usdPerMillion).toBeCloseTo(expected.usdPerMillion, 12);
    }
  });
});
