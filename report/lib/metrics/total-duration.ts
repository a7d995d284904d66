// Total Duration = Duration + Init Duration where present (DESIGN.md "Metrics").
import type { ColumnTable } from "arquero";
import { mapRows } from "./grouping.js";

export const TOTAL_DURATION = "totalDurationMs";

export function withTotalDuration(table: ColumnTable): ColumnTable {
  return table.assign({
    [TOTAL_DURATION]: mapRows(table, ["durationMs", "initDurationMs"], (d, init) => (d as number) + ((init as number | null) ?? 0)),
  });
}
