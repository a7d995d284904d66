// Max Memory Used per function and runtime, with the configured memory size drawn as a dashed
// rule: usage near the rule risks garbage-collection pressure or an out-of-memory error.
import type { ValueRow } from "./max-value-bars.js";
import {
  base,
  errorBarLayer,
  functionFacet,
  intervalTooltip,
  runtimeAxis,
  runtimeColor,
  settingFacet,
  sortRows,
  type FigureContext,
  type Spec,
} from "./common.js";

export interface MemoryRow extends ValueRow {
  configuredMB: number;
}

export function memoryVsConfigured(rows: MemoryRow[], ctx: FigureContext, subtitle: string): Spec {
  return {
    ...base("Max Memory Used against the configured memory size", subtitle),
    data: { values: sortRows(rows, ctx) },
    facet: { column: functionFacet(ctx), row: settingFacet(ctx) },
    spec: {
      width: 160,
      height: 180,
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            x: { ...runtimeAxis(ctx, "x"), axis: { labelAngle: -30 } },
            y: { field: "value", type: "quantitative", title: "Memory (MB)" },
            color: runtimeColor(ctx),
            tooltip: [
              { field: "runtime" },
              { field: "value", title: "Max Memory Used (MB)" },
              ...intervalTooltip("value", "Max Memory Used (MB)", ",.0f"),
              { field: "configuredMB", title: "Configured (MB)" },
            ],
          },
        },
        errorBarLayer("value", "Memory (MB)", { x: { ...runtimeAxis(ctx, "x"), axis: { labelAngle: -30 } } }),
        {
          mark: { type: "rule", strokeDash: [4, 3], color: "#333" },
          encoding: { y: { field: "configuredMB", type: "quantitative", aggregate: "max" } },
        },
      ],
    },
  };
}
