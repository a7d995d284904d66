// Tail: Total Duration from p95 to p100, one line per runtime with its confidence band, one panel
// per function.
import { base, functionFacet, runtimeColor, settingFacet, sortRows, type FigureContext, type Spec } from "./common.js";

export interface TailRow {
  setting: string;
  function: string;
  runtime: string;
  percentile: number;
  value: number | null;
  valueLower?: number | null;
  valueUpper?: number | null;
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
      encoding: {
        x: { field: "percentile", type: "quantitative", title: "Percentile", scale: { domain: [95, 100] } },
        // Opaque legend symbols: they would otherwise take the faint band's opacity.
        color: { ...runtimeColor(ctx), legend: { symbolOpacity: 1 } },
      },
      layer: [
        {
          transform: [{ filter: "isValid(datum.valueLower) && isValid(datum.valueUpper)" }],
          mark: { type: "area", opacity: 0.15 },
          encoding: { y: { field: "valueLower", type: "quantitative", title: "Total Duration (ms)" }, y2: { field: "valueUpper" } },
        },
        {
          mark: { type: "line", point: { size: 12 } },
          encoding: {
            y: { field: "value", type: "quantitative", title: "Total Duration (ms)" },
            tooltip: [
              { field: "runtime" },
              { field: "percentile", title: "Percentile" },
              { field: "value", title: "ms", format: ",.2f" },
              { field: "valueLower", title: "ms, interval low", format: ",.2f" },
              { field: "valueUpper", title: "ms, interval high", format: ",.2f" },
            ],
          },
        },
      ],
    },
  };
}
