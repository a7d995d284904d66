// Cost per million invocations against memory size: one panel per function (and per dataset when
// several), one line per runtime, the cost's interval as a vertical rule.
import { base, runtimeColor, type FigureContext, type Spec } from "./common.js";

export interface CostPoint {
  /** Dataset (plus architecture when several), or one series when memory sizes span datasets: the panels' rows. */
  series: string;
  dataset: string;
  function: string;
  runtime: string;
  memoryMB: number;
  usdPerMillion: number | null;
  lower: number | null;
  upper: number | null;
}

export function costByMemory(rows: CostPoint[], ctx: FigureContext, series: string[], title: string, subtitle: string): Spec {
  const y = { field: "usdPerMillion", type: "quantitative", title: "$ per million invocations" };
  return {
    ...base(title, subtitle),
    data: { values: rows },
    facet: {
      column: { field: "function", type: "nominal", title: "Function", sort: ctx.functions },
      ...(series.length > 1 ? { row: { field: "series", type: "nominal", title: "Dataset", sort: series } } : {}),
    },
    spec: {
      width: 150,
      height: 170,
      encoding: {
        x: { field: "memoryMB", type: "ordinal", title: "Memory size (MB)", axis: { labelAngle: 0 } },
        color: runtimeColor(ctx),
      },
      layer: [
        {
          mark: { type: "line", point: true },
          encoding: {
            y,
            tooltip: [
              { field: "runtime", type: "nominal", title: "Runtime" },
              { field: "dataset", type: "nominal", title: "Dataset" },
              { field: "memoryMB", type: "ordinal", title: "Memory (MB)" },
              { field: "usdPerMillion", type: "quantitative", title: "$ per million", format: ".4~r" },
              { field: "lower", type: "quantitative", title: "interval low", format: ".4~r" },
              { field: "upper", type: "quantitative", title: "interval high", format: ".4~r" },
            ],
          },
        },
        { mark: { type: "rule" }, encoding: { y: { field: "lower", type: "quantitative", title: y.title }, y2: { field: "upper" } } },
      ],
    },
    resolve: { scale: { y: "independent" } },
  };
}
