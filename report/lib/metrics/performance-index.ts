// Performance Index (DESIGN.md "Metrics"), for a lower-is-better value v, per function across
// runtimes: PI(r) = max over runtimes r' of v(r') / v(r). The worst runtime scores 1; a runtime
// scoring 4 is four times as good. v(r) = 0 has no finite index: PI is null there and left out
// of the runtime's overall index (the mean of its per-function indexes).
import type { ColumnTable } from "arquero";
import { tableFromRows } from "./statistics.js";

export interface PerformanceIndexOptions {
  /** Column holding v. */
  value: string;
  /** Keys that define one comparison (e.g. setting keys + function). */
  within: readonly string[];
  /** The key being compared (runtime). */
  across?: string;
}

/** Adds `pi` to every row of a table holding one v per (within…, across). */
export function performanceIndex(table: ColumnTable, { value, within, across = "runtime" }: PerformanceIndexOptions): ColumnTable {
  const rows = table.objects() as Record<string, unknown>[];
  const worst = new Map<string, number>();
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(within.map((k) => r[k]));
  for (const r of rows) {
    const v = r[value] as number | null;
    if (v === null || v === undefined) continue;
    const k = keyOf(r);
    worst.set(k, Math.max(worst.get(k) ?? -Infinity, v));
  }
  const out = rows.map((r) => {
    const v = r[value] as number | null;
    const max = worst.get(keyOf(r));
    const pi = v === null || v === undefined || v <= 0 || max === undefined ? null : max / v;
    return { ...r, pi };
  });
  return tableFromRows(out, [...within, across, value, "pi"]);
}

/** Mean of per-function PIs per (by…, runtime); `functions` counts the indexes averaged. */
export function overallPerformanceIndex(piTable: ColumnTable, by: readonly string[], across = "runtime"): ColumnTable {
  const groups = new Map<string, { key: Record<string, unknown>; sum: number; n: number }>();
  for (const r of piTable.objects() as Record<string, unknown>[]) {
    const keyValues = [...by, across].map((k) => r[k]);
    const k = JSON.stringify(keyValues);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key: Object.fromEntries([...by, across].map((c, i) => [c, keyValues[i]])), sum: 0, n: 0 }));
    const pi = r.pi as number | null;
    if (pi !== null) {
      g.sum += pi;
      g.n++;
    }
  }
  const rows = [...groups.values()].map((g) => ({ ...g.key, pi: g.n ? g.sum / g.n : null, functions: g.n }));
  return tableFromRows(rows, [...by, across, "pi", "functions"]);
}
