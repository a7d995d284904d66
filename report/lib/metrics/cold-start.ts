// Cold Start Duration = Total Duration for a cold invocation (one that reported an Init
// Duration), 0 for a warm one: statistics over it count warm invocations as 0, as the seed does.
import type { ColumnTable } from "arquero";
import { mapRows } from "./grouping.js";
import { TOTAL_DURATION } from "./total-duration.js";

export const COLD_START = "coldStartMs";

/** Needs the Total Duration column (withTotalDuration). */
export function withColdStart(table: ColumnTable): ColumnTable {
  return table.assign({
    [COLD_START]: mapRows(table, [TOTAL_DURATION, "initDurationMs"], (total, init) => (init === null ? 0 : (total as number))),
  });
}
