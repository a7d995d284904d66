// Grouped statistics must match arquero's own groupby + rollup: the same groups, in the same
// order, with the same numbers, also on filtered tables and with nulls. Tables are small
// generated FIXTURES from a seeded generator.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { groupRows } from "./grouping.js";
import { RADIX_SORT_MIN_LENGTH } from "./sort.js";
import { sortedGroups, stat, summarise } from "./statistics.js";

/** −0 only when asked: arquero's own min/max of {0, −0} depends on the row order. */
function fixtureTable(rows: number, negativeZero = false, seed = 7) {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const columns = { dataset: [] as string[], memoryMB: [] as number[], runtime: [] as string[], fn: [] as string[], v: [] as (number | null)[] };
  for (let i = 0; i < rows; i++) {
    // Runs of equal keys (as in real datasets) broken up now and then.
    const fresh = i === 0 || random() < 0.2;
    columns.dataset.push(fresh ? pick(["b", "a"]) : columns.dataset[i - 1]!);
    columns.memoryMB.push(fresh ? pick([1024, 128]) : columns.memoryMB[i - 1]!);
    columns.runtime.push(fresh ? pick(["rust", "node", "go"]) : columns.runtime[i - 1]!);
    columns.fn.push(pick(["wave", "save"]));
    columns.v.push(random() < 0.1 ? null : pick([0, negativeZero ? -0 : 0, Math.round(random() * 1000) / 10, random() * 50]));
  }
  return aq.table(columns);
}

const BY = ["dataset", "memoryMB", "runtime", "fn"];

describe("groupRows", () => {
  it("numbers groups in arquero's order and puts every row in its group", () => {
    for (const t of [fixtureTable(500, true), fixtureTable(500, true).filter((d: { v: number | null }) => d.v !== null && d.v > 20)]) {
      const groups = groupRows(t, BY);
      const theirs = t.groupby(BY).count().objects() as Record<string, unknown>[];
      expect(groups.keys).toEqual(theirs.map(({ count: _, ...k }) => k));
      const sizes = new Array<number>(groups.size).fill(0);
      for (const g of groups.groupOf) sizes[g]!++;
      expect(sizes).toEqual(theirs.map((r) => r.count));
      expect(groups.rows.length).toBe(t.numRows());
    }
  });
});

describe("summarise", () => {
  it("gives arquero's percentiles, max, min and count per group", () => {
    const t = fixtureTable(2000).filter((d: { runtime: string }) => d.runtime !== "go");
    const mine = summarise(t, BY, "v", [
      stat.percentile(0.1),
      stat.median(),
      stat.percentile(0.995),
      stat.max(),
      stat.min(),
      stat.count(),
      stat.mean(),
    ]).objects() as Record<string, number | null>[];
    const theirs = t
      .groupby(BY)
      .rollup({
        p10: aq.op.quantile("v", 0.1),
        median: aq.op.median("v"),
        "p99.5": aq.op.quantile("v", 0.995),
        max: aq.op.max("v"),
        min: aq.op.min("v"),
        count: aq.op.valid("v"),
        mean: aq.op.mean("v"),
      })
      .objects() as Record<string, number>[];
    expect(mine.map(({ mean: _, ...r }) => r)).toEqual(theirs.map(({ mean: _, ...r }) => ({ ...r, max: r.max ?? null, min: r.min ?? null })));
    mine.forEach((r, i) => expect(r.mean as number).toBeCloseTo(theirs[i]!.mean!, 9));
  });

  it("gives the same max, min and count with or without sorting (+0 above −0, as sorted)", () => {
    const values = [-0, 0, null, -0, 3, -0];
    const t = () => aq.table({ g: ["a", "a", "a", "b", "b", "c"], v: values });
    const stats = [stat.max(), stat.min(), stat.count()];
    const unsorted = summarise(t(), ["g"], "v", stats).objects();
    const sortedTable = t();
    sortedGroups(sortedTable, ["g"], "v");
    const sorted = summarise(sortedTable, ["g"], "v", stats).objects();
    expect(unsorted).toEqual(sorted);
    // a: {−0, 0} → max 0, min −0; b: {−0, 3}; c: {−0}
    expect(unsorted).toEqual([
      { g: "a", max: 0, min: -0, count: 2 },
      { g: "b", max: 3, min: -0, count: 2 },
      { g: "c", max: -0, min: -0, count: 1 },
    ]);
  });
});

describe("sortedGroups", () => {
  it("sorts each group's values in the built-in sort's order, also groups long enough to be radix-sorted", () => {
    const t = fixtureTable(3 * RADIX_SORT_MIN_LENGTH, true);
    const { keys, sorted } = sortedGroups(t, ["fn"], "v");
    expect(Math.max(...sorted.map((s) => s.length))).toBeGreaterThanOrEqual(RADIX_SORT_MIN_LENGTH);
    const fn = t.array("fn") as string[];
    const v = t.array("v") as (number | null)[];
    keys.forEach((key, g) => {
      const expected = Float64Array.from(v.filter((x, i) => x !== null && fn[i] === key.fn) as number[]).sort();
      expect(Array.from(sorted[g]!, (x) => (Object.is(x, -0) ? "-0" : x))).toEqual(Array.from(expected, (x) => (Object.is(x, -0) ? "-0" : x)));
    });
  });
});
