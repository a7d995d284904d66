// The keys every metric is grouped by, and fast column access shared by the metrics.
import type { ColumnTable } from "arquero";

/** A "setting" is one configuration that was measured: dataset × memory size × architecture. */
export const SETTING_KEYS = ["dataset", "memoryMB", "architecture"] as const;
export const GROUP_KEYS = [...SETTING_KEYS, "runtime", "function"] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export type NumericColumn = ArrayLike<number | null>;

/** Values of a column indexed by row number (no copy when the column is a plain or typed array). */
export function columnValues(table: ColumnTable, name: string): NumericColumn {
  const column = table.column(name);
  if (!column) throw new Error(`table has no column ${name} (has: ${table.columnNames().join(", ")})`);
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as NumericColumn;
  return table.array(name) as NumericColumn;
}

/** Element-wise new column over the table's rows (all rows of the underlying data). */
export function mapRows(table: ColumnTable, columns: string[], fn: (...values: (number | string | null)[]) => number | null): (number | null)[] {
  const sources = columns.map((c) => columnValues(table, c) as ArrayLike<number | string | null>);
  const n = table.totalRows();
  const out = new Array<number | null>(n);
  const args = new Array<number | string | null>(sources.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < sources.length; j++) args[j] = sources[j]![i] ?? null;
    out[i] = fn(...args);
  }
  return out;
}
