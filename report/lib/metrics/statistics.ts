// Grouped statistics over a numeric column: percentiles, median, mean, max, min, count.
// Values are gathered per group into a Float64Array and sorted natively: on a million rows this
// is several times faster than arquero's rollup with op.quantile, and gives the same numbers
// (percentile.ts documents the definition; the tests check the two agree).
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { columnValues } from "./grouping.js";
import { memo } from "./memo.js";
import { percentileOfSorted } from "./percentile.js";

export type Statistic =
  | { name: string; kind: "percentile"; p: number }
  | { name: string; kind: "median" | "mean" | "max" | "min" | "count" | "sum" };

export const stat = {
  percentile: (p: number, name = `p${+(p * 100).toFixed(2)}`): Statistic => ({ name, kind: "percentile", p }),
  median: (name = "median"): Statistic => ({ name, kind: "median" }),
  mean: (name = "mean"): Statistic => ({ name, kind: "mean" }),
  max: (name = "max"): Statistic => ({ name, kind: "max" }),
  min: (name = "min"): Statistic => ({ name, kind: "min" }),
  count: (name = "count"): Statistic => ({ name, kind: "count" }),
  sum: (name = "sum"): Statistic => ({ name, kind: "sum" }),
};

interface SortedGroups {
  keys: Record<string, unknown>[];
  sorted: Float64Array[];
}

/** Per-group sorted non-null values of `value`, grouped by `by` (cached per table). */
export function sortedGroups(table: ColumnTable, by: readonly string[], value: string): SortedGroups {
  return memo(table, `sorted:${by.join(",")}:${value}`, () => {
    const grouped = memo(table, `groupby:${by.join(",")}`, () => table.groupby(...by));
    const spec = grouped.groups();
    const size = spec.size;
    const groupOf = spec.keys;
    const values = columnValues(grouped, value);
    const rows = grouped.indices(false);
    const counts = new Uint32Array(size);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (values[r] != null) counts[groupOf[r]!]!++;
    }
    const sorted = Array.from(counts, (c) => new Float64Array(c));
    const filled = new Uint32Array(size);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      const v = values[r];
      if (v != null) {
        const g = groupOf[r]!;
        sorted[g]![filled[g]!++] = v;
      }
    }
    for (const s of sorted) s.sort();
    const keys = Array.from(spec.rows, (row) => Object.fromEntries(spec.names.map((name, j) => [name, spec.get[j]!(row, grouped.data())])));
    return { keys, sorted };
  });
}

function compute(s: Statistic, sorted: Float64Array): number | null {
  const n = sorted.length;
  switch (s.kind) {
    case "percentile":
      return percentileOfSorted(sorted, s.p);
    case "median":
      return percentileOfSorted(sorted, 0.5);
    case "max":
      return n ? sorted[n - 1]! : null;
    case "min":
      return n ? sorted[0]! : null;
    case "count":
      return n;
    case "sum":
    case "mean": {
      let total = 0;
      for (let i = 0; i < n; i++) total += sorted[i]!;
      return s.kind === "sum" ? total : n ? total / n : null;
    }
  }
}

/** One row per group of `by`, with one column per statistic of `value` (nulls are skipped). */
export function summarise(table: ColumnTable, by: readonly string[], value: string, stats: readonly Statistic[]): ColumnTable {
  const { keys, sorted } = sortedGroups(table, by, value);
  const rows = keys.map((key, g) => {
    const row: Record<string, unknown> = { ...key };
    for (const s of stats) row[s.name] = compute(s, sorted[g]!);
    return row;
  });
  return tableFromRows(rows, [...by, ...stats.map((s) => s.name)]);
}

/** An arquero table from row objects with a fixed column list (also when there are no rows). */
export function tableFromRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): ColumnTable {
  return aq.table(Object.fromEntries(columns.map((c) => [c, rows.map((r) => r[c] ?? null)])));
}
