// Grouped bars of one value per function and runtime (e.g. max Total Duration) with its
// confidence interval as an error bar, one row of panels per setting.
import { base, errorBarLayer, functionFacet, intervalTooltip, runtimeAxis, runtimeColor, settingFacet, sortRows, type FigureContext, type Spec } from "./common.js";

export interface ValueRow {
  setting: string;
  function: string;
  runtime: string;
  value: number | null;
  valueLower?: number | null;
  valueUpper?: number | null;
}

export function maxValueBars(rows: ValueRow[], ctx: FigureContext, title: string, yTitle: string, subtitle: string): Spec {
  const withIntervals = rows.some((r) => r.valueLower != null);
  const bar: Spec = {
    mark: { type: "bar" },
    encoding: {
      x: { ...runtimeAxis(ctx, "x"), axis: { labelAngle: -30 } },
      y: { field: "value", type: "quantitative", title: yTitle },
      color: runtimeColor(ctx),
      tooltip: [
        { field: "runtime" },
        { field: "function" },
        { field: "value", type: "quantitative", title: yTitle, format: ",.2f" },
        ...(withIntervals ? intervalTooltip("value", yTitle, ",.2f") : []),
      ],
    },
  };
  return {
    ...base(title, subtitle),
    data: { values: sortRows(rows, ctx) },
    facet: { column: functionFacet(ctx), row: settingFacet(ctx) },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 160,
      height: 180,
      ...(withIntervals ? { layer: [bar, errorBarLayer("value", yTitle, { x: runtimeAxis(ctx, "x") })] } : bar),
    },
  };
}
