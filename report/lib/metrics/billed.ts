// Billed Duration: as the dataset reports it, or recomputed under one of the contract's rules.
// GB-seconds = billed seconds × configured memory in GB (1 GB = 1024 MB, as AWS prices it).
import type { ColumnTable } from "arquero";
import { billedDurationMs, type BillingRuleId } from "../../../runners/dataset/contract.js";
import { columnValues, numberColumn } from "./grouping.js";

export const BILLED = "billedMs";
export const GB_SECONDS = "gbSeconds";

/** Adds `billedMs` (under `rule`, or copied when "as-reported") and `gbSeconds`. */
export function withBilledDuration(table: ColumnTable, rule: BillingRuleId): ColumnTable {
  const n = table.totalRows();
  let billed: Float64Array | (number | null)[];
  if (rule === "as-reported") {
    // Shared, not copied: columns are never written after a table is built.
    const reported = columnValues(table, "billedDurationMs");
    billed = reported instanceof Float64Array ? reported : Array.from(reported, (b) => b ?? null);
  } else {
    const kind = columnValues(table, "runtimeKind") as unknown as ArrayLike<"managed" | "custom" | "unknown">;
    const [d, init] = [columnValues(table, "durationMs"), columnValues(table, "initDurationMs")];
    billed = numberColumn(n, (i) => billedDurationMs(rule, kind[i]!, d[i] as number, (init[i] ?? null) as number | null));
  }
  const memory = columnValues(table, "memoryMB");
  return table.assign({
    [BILLED]: billed,
    [GB_SECONDS]: numberColumn(n, (i) => gbSeconds(billed[i] as number, memory[i] as number)),
  });
}

export function gbSeconds(billedMs: number, memoryMB: number): number {
  return (billedMs / 1000) * (memoryMB / 1024);
}
