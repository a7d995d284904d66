// Mitigation (b): max Total Duration as measured next to the same with INIT removed for the
// managed runtimes (what provisioned concurrency would remove).
import type { FigureContext, Spec } from "./common.js";
import { pairedBars, type PairedRow } from "./paired-bars.js";

export const PROVISIONED_MEASURES = ["As measured", "INIT removed (managed runtimes)"];

export function provisionedComparison(rows: PairedRow[], ctx: FigureContext, subtitle: string): Spec {
  return pairedBars(rows, ctx, {
    title: "Max Total Duration with and without INIT for managed runtimes",
    subtitle,
    yTitle: "Max Total Duration (ms)",
    measures: PROVISIONED_MEASURES,
    bySetting: true,
  });
}
