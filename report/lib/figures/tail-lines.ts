// Tail: Total Duration from p95 to p100, one line per runtime, one panel per function.
import { base, functionFacet, runtimeColor, settingFacet, sortRows, type FigureContext, type Spec } from "./common.js";

export interface TailRow {
  setting: string;
  function: string;
  runtime: string;
  percentile: number;
  value: number | null;
}

export function tailLines(rows: TailRow[], ctx: FigureContext, subtitle: string): Spec {
  return {
    ...base("Tail of Total Duration (p95 to p100)", subtitle),
    data: { values: sortRows(rows, ctx, (a, b) => a.percentile - b.percentile) },
    facet: { column: functionFacet(ctx), row: settingFacet(ctx) },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 200,
      height: 180,
      mark: { type: "line", point: { size: 12 } },
      encoding: {
        x: { field: "percentile", type: "quantitative", title: "Percentile", scale: { domain: [95, 100] } },
        y: { field: "value", type: "quantitative", title: "Total Duration (ms)" },
        color: runtimeColor(ctx),
        tooltip: [{ field: "runtime" }, { field: "percentile", title: "Percentile" }, { field: "value", title: "ms", format: ",.2f" }],
      },
    },
  };
}
