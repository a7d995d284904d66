// Max Cold Start Duration next to max Init Duration: the gap is (roughly) the first invocation's
// own time after INIT.
import type { FigureContext, Spec } from "./common.js";
import { pairedBars, type PairedRow } from "./paired-bars.js";

export const COLD_START_MEASURES = ["Max Cold Start Duration", "Max Init Duration"];

export function coldStartVsInit(rows: PairedRow[], ctx: FigureContext, subtitle: string): Spec {
  return pairedBars(rows, ctx, {
    title: "Max Cold Start Duration vs max Init Duration",
    subtitle,
    yTitle: "Duration (ms)",
    measures: COLD_START_MEASURES,
    bySetting: true,
  });
}
