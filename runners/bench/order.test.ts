import { describe, expect, it } from "vitest";
import { trialOrders } from "./order.js";

const segments = ["node/wave", "node/save", "go/wave", "go/save", "rust/wave", "rust/save"];

describe("trial orders", () => {
  it("gives every trial a permutation of all segments, different from trial to trial", () => {
    const orders = trialOrders(segments, 5, 42);
    expect(orders).toHaveLength(5);
    for (const o of orders) expect([...o].sort()).toEqual([...segments].sort());
    expect(new Set(orders.map((o) => o.join())).size).toBe(5);
  });

  it("is a function of the seed: same seed same orders, another seed other orders", () => {
    expect(trialOrders(segments, 3, 7)).toEqual(trialOrders(segments, 3, 7));
    expect(trialOrders(segments, 3, 7)).not.toEqual(trialOrders(segments, 3, 8));
  });

  it("keeps the first trials' orders when more trials are asked for (a resumed or extended run agrees)", () => {
    expect(trialOrders(segments, 5, 3).slice(0, 2)).toEqual(trialOrders(segments, 2, 3));
  });

  it("keeps trials distinct while distinct orders remain, and repeats only when they run out", () => {
    const two = ["a/x", "b/x"];
    const orders = trialOrders(two, 3, 1);
    expect(new Set(orders.slice(0, 2).map((o) => o.join())).size).toBe(2);
    expect(orders[2]).toHaveLength(2);
    expect(trialOrders(["a/x"], 2, 1)).toEqual([["a/x"], ["a/x"]]);
    expect(trialOrders([], 1, 1)).toEqual([[]]);
  });

  it("puts each segment first about equally often over many trials (a uniform permutation)", () => {
    const firsts = new Map<string, number>();
    for (const o of trialOrders(segments, 600, 99)) firsts.set(o[0]!, (firsts.get(o[0]!) ?? 0) + 1);
    // 600 trials, 6 segments: 100 expected each; ±45 is beyond 4.9 standard deviations (sd ≈ 9.1).
    for (const s of segments) expect(Math.abs((firsts.get(s) ?? 0) - 100)).toBeLessThan(45);
  });
});
