// Imported averages (e.g. aws-lambda-power-tuning's) against memory size: average duration and
// average cost per million, one line per imported function, no intervals (none were imported).
import { base, type Spec } from "./common.js";

export interface AveragePoint {
  /** "dataset · runtime · function". */
  line: string;
  /** The panel: average duration or average cost. */
  measure: string;
  memoryMB: number;
  value: number | null;
}

export function averagesByMemory(rows: AveragePoint[], lines: string[], measures: string[], title: string, subtitle: string): Spec {
  return {
    ...base(title, subtitle),
    data: { values: rows },
    facet: { column: { field: "measure", type: "nominal", title: null, sort: measures } },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 220,
      height: 170,
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "memoryMB", type: "ordinal", title: "Memory size (MB)", axis: { labelAngle: 0 } },
        y: { field: "value", type: "quantitative", title: null },
        color: { field: "line", type: "nominal", title: "Imported", sort: lines },
        tooltip: [
          { field: "line", type: "nominal", title: "Imported" },
          { field: "memoryMB", type: "ordinal", title: "Memory (MB)" },
          { field: "measure", type: "nominal", title: "Measure" },
          { field: "value", type: "quantitative", title: "Value", format: ".4~r" },
        ],
      },
    },
  };
}
