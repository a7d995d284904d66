// Total Duration against memory size: p50, p99 and max (one row of panels each), one panel per
// function, one line per runtime, each point's confidence interval as a vertical rule.
import { base, errorBarLayer, functionFacet, intervalTooltip, runtimeColor, type FigureContext, type Spec } from "./common.js";

export interface LatencyPoint {
  /** The panel row: "p50", "p99" or "max". */
  statistic: string;
  function: string;
  runtime: string;
  memoryMB: number;
  value: number | null;
  valueLower: number | null;
  valueUpper: number | null;
}

export function latencyByMemory(rows: LatencyPoint[], ctx: FigureContext, statistics: string[], title: string, subtitle: string): Spec {
  const yTitle = "Total Duration (ms)";
  const x = { field: "memoryMB", type: "ordinal", title: "Memory size (MB)", axis: { labelAngle: 0 } };
  return {
    ...base(title, subtitle),
    data: { values: rows },
    facet: { column: functionFacet(ctx), row: { field: "statistic", type: "nominal", title: "Statistic", sort: statistics } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 150,
      height: 140,
      encoding: { x, color: runtimeColor(ctx) },
      layer: [
        {
          mark: { type: "line", point: true },
          encoding: {
            y: { field: "value", type: "quantitative", title: yTitle },
            tooltip: [
              { field: "runtime", type: "nominal", title: "Runtime" },
              { field: "statistic", type: "nominal", title: "Statistic" },
              { field: "memoryMB", type: "ordinal", title: "Memory (MB)" },
              { field: "value", type: "quantitative", title: "ms", format: ",.2f" },
              ...intervalTooltip("value", "ms", ",.2f"),
            ],
          },
        },
        errorBarLayer("value", yTitle),
      ],
    },
  };
}
