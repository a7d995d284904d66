// Provisioned concurrency, approximated from the data at hand: Total Duration with Init Duration
// removed for the managed runtimes only (the seed's what-if), custom runtimes unchanged.
import type { ColumnTable } from "arquero";
import { mapRows } from "./grouping.js";

export const WITHOUT_MANAGED_INIT = "totalWithoutManagedInitMs";

export function withManagedInitRemoved(table: ColumnTable): ColumnTable {
  return table.assign({
    [WITHOUT_MANAGED_INIT]: mapRows(table, ["runtimeKind", "durationMs", "initDurationMs"], (kind, d, init) =>
      kind === "managed" ? (d as number) : (d as number) + ((init as number | null) ?? 0),
    ),
  });
}
