// Provisioned concurrency, approximated from the data at hand: Total Duration with Init Duration
// removed for the managed runtimes only (the seed's what-if), custom runtimes unchanged.
import type { ColumnTable } from "arquero";
import { columnValues, numberColumn } from "./grouping.js";

export const WITHOUT_MANAGED_INIT = "totalWithoutManagedInitMs";

export function withoutManagedInit(runtimeKind: string, durationMs: number, initDurationMs: number | null): number {
  return runtimeKind === "managed" ? durationMs : durationMs + (initDurationMs ?? 0);
}

export function withManagedInitRemoved(table: ColumnTable): ColumnTable {
  const kind = columnValues(table, "runtimeKind") as unknown as ArrayLike<string>;
  const [d, init] = [columnValues(table, "durationMs"), columnValues(table, "initDurationMs")];
  return table.assign({
    [WITHOUT_MANAGED_INIT]: numberColumn(table.totalRows(), (i) => withoutManagedInit(kind[i]!, d[i] as number, init[i] ?? null)),
  });
}
