// Mitigation (a): one value per function and runtime with the memory sizes side by side, the
// smallest darkest.
import type { FigureContext, Spec } from "./common.js";
import { pairedBars, type PairedRow } from "./paired-bars.js";

export function memorySizeComparison(rows: PairedRow[], ctx: FigureContext, title: string, yTitle: string, sizes: string[], subtitle: string): Spec {
  return pairedBars(rows, ctx, { title, subtitle, yTitle, measures: sizes, bySetting: false });
}
