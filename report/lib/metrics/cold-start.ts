// Cold Start Duration = Total Duration for a cold invocation (one that reported an Init
// Duration), 0 for a warm one: statistics over it count warm invocations as 0, as the seed does.
import type { ColumnTable } from "arquero";
import { columnValues, numberColumn } from "./grouping.js";
import { TOTAL_DURATION } from "./total-duration.js";

export const COLD_START = "coldStartMs";

export function coldStartDuration(totalDurationMs: number, initDurationMs: number | null): number {
  return initDurationMs === null ? 0 : totalDurationMs;
}

/** Needs the Total Duration column (withTotalDuration). */
export function withColdStart(table: ColumnTable): ColumnTable {
  const [total, init] = [columnValues(table, TOTAL_DURATION), columnValues(table, "initDurationMs")];
  return table.assign({ [COLD_START]: numberColumn(table.totalRows(), (i) => coldStartDuration(total[i] as number, init[i] ?? null)) });
}
