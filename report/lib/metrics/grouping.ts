// The keys every metric is grouped by, fast column access shared by the metrics, and grouping
// rows by key columns in one pass (no per-row key strings).
import type { ColumnTable } from "arquero";
import { memo } from "./memo.js";

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

/** Values of a column indexed by data row, ignoring any filter or order (no copy for plain or typed arrays). */
export function dataColumn(table: ColumnTable, name: string): ArrayLike<unknown> {
  const column = table.column(name);
  if (!column) throw new Error(`table has no column ${name} (has: ${table.columnNames().join(", ")})`);
  if (Array.isArray(column) || ArrayBuffer.isView(column)) return column as unknown as ArrayLike<unknown>;
  return Array.from({ length: table.totalRows() }, (_, row) => column.at(row));
}

/** A new column of `n` numbers, value(i) for row i. */
export function numberColumn(n: number, value: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = value(i);
  return out;
}

/** values[rows[k]] for every k, as the same kind of array (typed stays typed). */
export function gather(values: ArrayLike<unknown>, rows: Uint32Array): ArrayLike<unknown> {
  const n = rows.length;
  if (values instanceof Float64Array) {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = values[rows[k]!]!;
    return out;
  }
  const out = new Array<unknown>(n);
  for (let k = 0; k < n; k++) out[k] = values[rows[k]!];
  return out;
}

/** The data rows passing the table's filter, in data order (the order arquero's groupby scans). */
export function dataRows(table: ColumnTable): Uint32Array {
  const mask = table.mask();
  const rows = new Uint32Array(table.numRows());
  if (!mask) {
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    return rows;
  }
  let k = 0;
  for (let i = mask.next(0); i >= 0; i = mask.next(i + 1)) rows[k++] = i;
  return rows;
}

export interface RowGroups {
  /** Groups in order of first appearance (as arquero's groupby numbers them). */
  size: number;
  /** The key values of each group. */
  keys: Record<string, unknown>[];
  /** Data rows of the table (filter applied), and the group of each. */
  rows: Uint32Array;
  groupOf: Uint32Array;
}

/**
 * Groups the table's rows by the `by` columns (cached per table): each key column is coded in
 * one pass (a run of equal values costs one comparison), and the codes combine into a group.
 */
export function groupRows(table: ColumnTable, by: readonly string[]): RowGroups {
  return memo(table, `groups:${by.join(",")}`, () => {
    const rows = dataRows(table);
    const n = rows.length;
    const columns = by.map((name) => dataColumn(table, name));
    // Combined code = Σ code_j × radix_j; exact while the product of distinct counts stays < 2^53.
    const combined = new Float64Array(n);
    let radix = 1;
    for (const values of columns) {
      const codes = new Map<unknown, number>();
      let last: unknown = undefined;
      let lastCode = -1;
      for (let k = 0; k < n; k++) {
        const v = values[rows[k]!];
        if (v !== last || lastCode < 0) {
          let code = codes.get(v);
          if (code === undefined) codes.set(v, (code = codes.size));
          last = v;
          lastCode = code;
        }
        combined[k] += lastCode * radix;
      }
      radix *= Math.max(1, codes.size);
      if (radix > Number.MAX_SAFE_INTEGER) throw new Error(`too many distinct keys to group by ${by.join(", ")}`);
    }
    const groupOf = new Uint32Array(n);
    const groupOfCode = new Map<number, number>();
    const firstRows: number[] = [];
    let lastCode = -1;
    let lastGroup = 0;
    for (let k = 0; k < n; k++) {
      const code = combined[k]!;
      if (code !== lastCode) {
        let g = groupOfCode.get(code);
        if (g === undefined) {
          groupOfCode.set(code, (g = firstRows.length));
          firstRows.push(rows[k]!);
        }
        lastCode = code;
        lastGroup = g;
      }
      groupOf[k] = lastGroup;
    }
    const keys = firstRows.map((row) => Object.fromEntries(by.map((name, j) => [name, columns[j]![row]])));
    return { size: firstRows.length, keys, rows, groupOf };
  });
}
