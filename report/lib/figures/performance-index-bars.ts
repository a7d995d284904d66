// Performance Index bars: one bar per runtime (higher is better), one panel per setting, so
// memory sizes sit side by side when several are present.
import { base, runtimeAxis, runtimeColor, settingFacet, sortRows, type FigureContext, type Spec } from "./common.js";

export interface PerformanceIndexRow {
  setting: string;
  runtime: string;
  pi: number | null;
}

export function performanceIndexBars(rows: PerformanceIndexRow[], ctx: FigureContext, title: string, subtitle: string): Spec {
  return {
    ...base(title, subtitle),
    data: { values: sortRows(rows, ctx) },
    facet: { column: settingFacet(ctx) },
    spec: {
      width: 220,
      height: 200,
      encoding: {
        x: { ...runtimeAxis(ctx, "x"), axis: { labelAngle: 0 } },
        y: { field: "pi", type: "quantitative", title: "Performance Index (×, higher is better)" },
      },
      layer: [
        { mark: { type: "bar" }, encoding: { color: runtimeColor(ctx), tooltip: [{ field: "runtime" }, { field: "pi", title: "PI", format: ".2f" }] } },
        { mark: { type: "text", dy: -6 }, encoding: { text: { field: "pi", type: "quantitative", format: ".1f" } } },
      ],
    },
  };
}
