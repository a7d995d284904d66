// Billed Duration: as the dataset reports it, or recomputed under one of the contract's rules.
// GB-seconds = billed seconds × configured memory in GB (1 GB = 1024 MB, as AWS prices it).
import type { ColumnTable } from "arquero";
import { billedDurationMs, type BillingRuleId } from "../../../runners/dataset/contract.js";
import { mapRows } from "./grouping.js";

export const BILLED = "billedMs";
export const GB_SECONDS = "gbSeconds";

/** Adds `billedMs` (under `rule`, or copied when "as-reported") and `gbSeconds`. */
export function withBilledDuration(table: ColumnTable, rule: BillingRuleId): ColumnTable {
  const billed =
    rule === "as-reported"
      ? mapRows(table, ["billedDurationMs"], (b) => b as number)
      : mapRows(table, ["runtimeKind", "durationMs", "initDurationMs"], (kind, d, init) =>
          billedDurationMs(rule, kind as "managed" | "custom", d as number, init as number | null),
        );
  const memory = mapRows(table, ["memoryMB"], (m) => m as number);
  return table.assign({
    [BILLED]: billed,
    [GB_SECONDS]: billed.map((b, i) => gbSeconds(b as number, memory[i] as number)),
  });
}

export function gbSeconds(billedMs: number, memoryMB: number): number {
  return (billedMs / 1000) * (memoryMB / 1024);
}
