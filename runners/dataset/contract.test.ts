import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateFixtureDataset } from "../../report/test/fixtures/generate.js";
import { billedDurationMs, billingRuleAt, metaSchema } from "./contract.js";

describe("billing rules", () => {
  it("rounds duration up to the next millisecond", () => {
    expect(billedDurationMs("aws-2025-08", "managed", 12.01, null)).toBe(13);
    expect(billedDurationMs("aws-2025-08", "managed", 12, null)).toBe(12);
  });
  it("bills INIT for custom runtimes under both rules", () => {
    expect(billedDurationMs("aws-pre-2025-08", "custom", 1.5, 20.2)).toBe(22);
    expect(billedDurationMs("aws-2025-08", "custom", 1.5, 20.2)).toBe(22);
  });
  it("bills INIT for managed runtimes only from 2025-08-01", () => {
    expect(billedDurationMs("aws-pre-2025-08", "managed", 1.5, 200.2)).toBe(2);
    expect(billedDurationMs("aws-2025-08", "managed", 1.5, 200.2)).toBe(202);
  });
  it("does not turn floating-point noise into an extra millisecond", () => {
    expect(billedDurationMs("aws-2025-08", "managed", 0.1 + 0.2 + 11.7, null)).toBe(12);
  });
  it("picks the rule in force at the invocation time", () => {
    expect(billingRuleAt("2025-07-31T23:59:59.999Z")).toBe("aws-pre-2025-08");
    expect(billingRuleAt("2025-08-01T00:00:00.000Z")).toBe("aws-2025-08");
  });
});

describe("meta.json trials", () => {
  // A FIXTURE dataset as written before trials existed (no meta.trials).
  const dir = mkdtempSync(join(tmpdir(), "lambench-contract-"));
  generateFixtureDataset(join(dir, "pre-trials"), { name: "fixture-pre-trials", defect: "pre-trials" });
  const meta = JSON.parse(readFileSync(join(dir, "pre-trials", "meta.json"), "utf8")) as Record<string, unknown>;
  rmSync(dir, { recursive: true, force: true });
  const orders = [
    ["go/wave", "node/wave"],
    ["node/wave", "go/wave"],
  ];

  it("is optional, so datasets from before trials still validate", () => {
    expect(meta.trials).toBeUndefined();
    expect(metaSchema.safeParse(meta).success).toBe(true);
  });
  it("records count, seed and one segment order per trial", () => {
    const parsed = metaSchema.parse({ ...meta, trials: { count: 2, seed: 7, orders } });
    expect(parsed.trials).toEqual({ count: 2, seed: 7, orders });
  });
  it.each([
    [{ count: 3, seed: 7, orders }, "trials.orders", "orders must hold one segment order per trial (count)"],
    [{ count: 0, seed: 7, orders: [] }, "trials.count", "Too small: expected number to be >0"],
    [{ count: 2, seed: -1, orders }, "trials.seed", "Too small: expected number to be >=0"],
    [{ count: 1, seed: 7, orders: [["wave"]] }, "trials.orders.0.0", 'expected "runtime/function"'],
  ])("refuses %o naming the field", (trials, path, message) => {
    const result = metaSchema.safeParse({ ...meta, trials });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect([issue.path.join("."), issue.message]).toEqual([path, message]);
  });
});
