// Performance Index bars: one bar per runtime (higher is better) with its confidence interval as
// an error bar, one panel per setting, so memory sizes sit side by side when several are present.
import { base, errorBarLayer, intervalTooltip, runtimeAxis, runtimeColor, settingFacet, sortRows, type FigureContext, type Spec } from "./common.js";

export interface PerformanceIndexRow {
  setting: string;
  runtime: string;
  pi: number | null;
  piLower?: number | null;
  piUpper?: number | null;
}

const Y_TITLE = "Performance Index (×, higher is better)";

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
        y: { field: "pi", type: "quantitative", title: Y_TITLE },
      },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            color: runtimeColor(ctx),
            tooltip: [{ field: "runtime" }, { field: "pi", type: "quantitative", title: "PI", format: ".2f" }, ...intervalTooltip("pi", "PI", ".2f")],
          },
        },
        errorBarLayer("pi", Y_TITLE),
        {
          // The label sits above the error bar, or above the bar when there is no interval.
          transform: [{ calculate: "isValid(datum.piUpper) && datum.piUpper > datum.pi ? datum.piUpper : datum.pi", as: "labelAt" }],
          mark: { type: "text", dy: -6 },
          encoding: { y: { field: "labelAt", type: "quantitative", title: Y_TITLE }, text: { field: "pi", type: "quantitative", format: ".1f" } },
        },
      ],
    },
  };
}
