// Non-null values of a column per group, in row order (a mean needs no sort, unlike metrics'
// sortedGroups, which the percentiles share).
import type { ColumnTable } from "arquero";
import { columnValues } from "../metrics/grouping.js";

export function groupedValues(table: ColumnTable, by: readonly string[], value: string): { keys: Record<string, unknown>[]; values: Float64Array[] } {
  const grouped = table.groupby(...by);
  const spec = grouped.groups();
  const groupOf = spec.keys;
  const column = columnValues(grouped, value);
  const rows = grouped.indices(false);
  const counts = new Uint32Array(spec.size);
  for (let k = 0; k < rows.length; k++) if (column[rows[k]!] != null) counts[groupOf[rows[k]!]!]!++;
  const values = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Uint32Array(spec.size);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    const v = column[r];
    if (v != null) values[groupOf[r]!]![filled[groupOf[r]!]!++] = v;
  }
  const keys = Array.from(spec.rows, (row) => Object.fromEntries(spec.names.map((name, j) => [name, spec.get[j]!(row, grouped.data())])));
  return { keys, values };
}
