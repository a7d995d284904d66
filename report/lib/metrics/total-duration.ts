// Total Duration = Duration + Init Duration where present (DESIGN.md "Metrics").
import type { ColumnTable } from "arquero";
import { columnValues, numberColumn } from "./grouping.js";

export const TOTAL_DURATION = "totalDurationMs";

export function totalDuration(durationMs: number, initDurationMs: number | null): number {
  return durationMs + (initDurationMs ?? 0);
}

export function withTotalDuration(table: ColumnTable): ColumnTable {
  const [d, init] = [columnValues(table, "durationMs"), columnValues(table, "initDurationMs")];
  return table.assign({ [TOTAL_DURATION]: numberColumn(table.totalRows(), (i) => totalDuration(d[i] as number, init[i] ?? null)) });
}
