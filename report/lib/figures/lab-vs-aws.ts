// The lab next to AWS: per runtime, the lab's value (solid) beside the reference's (light), one
// column of panels per setting (and reference, when there are several) and one row per measure
// (Init Duration, Max Memory Used), each panel on its own scale.
import { base, runtimeAxis, runtimeColor, sortRows, type FigureContext, type Spec } from "./common.js";

export interface LabVsAwsRow {
  /** The lab setting, e.g. "local-128mb · 128 MB" (with the reference's name when there are several). */
  setting: string;
  /** "Init Duration (ms)" or "Max Memory Used (MB)". */
  measure: string;
  runtime: string;
  /** "lab" or "AWS". */
  side: string;
  value: number | null;
}

export const LAB_VS_AWS_SIDES = ["lab", "AWS"];

export function labVsAwsBars(rows: LabVsAwsRow[], ctx: FigureContext, measures: string[], title: string, subtitle: string): Spec {
  const x = { ...runtimeAxis(ctx, "x"), axis: { labelAngle: -30 } };
  return {
    ...base(title, subtitle),
    data: {
      values: sortRows(
        rows,
        ctx,
        (a, b) => measures.indexOf(a.measure) - measures.indexOf(b.measure) || LAB_VS_AWS_SIDES.indexOf(a.side) - LAB_VS_AWS_SIDES.indexOf(b.side),
      ),
    },
    facet: {
      column: { field: "setting", type: "nominal", title: null, sort: ctx.settings, header: { labelLimit: 0 } },
      row: { field: "measure", type: "nominal", title: null, sort: measures },
    },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 200,
      height: 180,
      mark: { type: "bar" },
      encoding: {
        x,
        xOffset: { field: "side", type: "nominal", sort: LAB_VS_AWS_SIDES },
        y: { field: "value", type: "quantitative", title: null },
        color: runtimeColor(ctx),
        opacity: { field: "side", type: "nominal", title: "Measured in", sort: LAB_VS_AWS_SIDES, scale: { domain: LAB_VS_AWS_SIDES, range: [1, 0.4] } },
        tooltip: [
          { field: "setting", title: "Setting" },
          { field: "runtime" },
          { field: "side", title: "Measured in" },
          { field: "measure" },
          { field: "value", type: "quantitative", title: "Median", format: ",.2f" },
        ],
      },
    },
  };
}
