// The cost/speed frontier: $ per million against median Total Duration, one point per memory size
// (labelled with it), one panel per function; each runtime's frontier (sizes no other size beats
// on both) joined by a line, the other sizes drawn hollow.
import { base, runtimeColor, type FigureContext, type Spec } from "./common.js";

export interface FrontierPoint {
  /** The panel: the function (with the architecture when several). */
  panel: string;
  runtime: string;
  memoryMB: number;
  p50: number | null;
  usdPerMillion: number | null;
  onFrontier: boolean;
}

export function costSpeedFrontier(rows: FrontierPoint[], ctx: FigureContext, panels: string[], title: string, subtitle: string): Spec {
  const x = { field: "p50", type: "quantitative", title: "Median Total Duration (ms)", scale: { zero: false } };
  const y = { field: "usdPerMillion", type: "quantitative", title: "$ per million invocations", scale: { zero: false } };
  return {
    ...base(title, subtitle),
    data: { values: rows },
    facet: { field: "panel", type: "nominal", title: "Function", sort: panels },
    columns: 2,
    resolve: { scale: { x: "independent", y: "independent" } },
    spec: {
      width: 240,
      height: 180,
      encoding: { x, y, color: runtimeColor(ctx) },
      layer: [
        { transform: [{ filter: "datum.onFrontier" }], mark: { type: "line" }, encoding: { order: { field: "memoryMB", type: "quantitative" } } },
        {
          mark: { type: "point", size: 40 },
          encoding: {
            // No `legend: null` here: Vega-Lite merges the fill legend with the colour's, and hiding it hid the runtimes' legend.
            fill: { condition: { test: "datum.onFrontier", field: "runtime", type: "nominal", scale: runtimeColor(ctx).scale }, value: "white" },
            tooltip: [
              { field: "runtime", type: "nominal", title: "Runtime" },
              { field: "memoryMB", type: "ordinal", title: "Memory (MB)" },
              { field: "p50", type: "quantitative", title: "median ms", format: ",.2f" },
              { field: "usdPerMillion", type: "quantitative", title: "$ per million", format: ".4~r" },
              { field: "onFrontier", type: "nominal", title: "on the frontier" },
            ],
          },
        },
        { mark: { type: "text", dx: 6, dy: -6, align: "left", fontSize: 9 }, encoding: { text: { field: "memoryMB", type: "ordinal" } } },
      ],
    },
  };
}
