// Non-null values of a column per group, in row order: a mean needs no sort (unlike metrics'
// sortedGroups). The grouping (metrics' groupRows, cached per table) is the same under every
// billing rule, so `source` — a copy of `table` with the rule's billed column — only supplies values.
import type { ColumnTable } from "arquero";
import { dataColumn, groupRows } from "../metrics/grouping.js";

/** `source` must hold the same data rows as `table` (e.g. table.assign(...)). */
export function groupedValues(
  table: ColumnTable,
  by: readonly string[],
  value: string,
  source: ColumnTable = table,
): { keys: Record<string, unknown>[]; values: Float64Array[] } {
  const { keys, size, rows, groupOf } = groupRows(table, by);
  const column = dataColumn(source, value) as ArrayLike<number | null | undefined>;
  const counts = new Uint32Array(size);
  for (let k = 0; k < rows.length; k++) if (column[rows[k]!] != null) counts[groupOf[k]!]!++;
  const values = Array.from(counts, (c) => new Float64Array(c));
  const filled = new Uint32Array(size);
  for (let k = 0; k < rows.length; k++) {
    const v = column[rows[k]!];
    if (v != null) values[groupOf[k]!]![filled[groupOf[k]!]!++] = v;
  }
  return { keys, values };
}
