// Grouped bars of one value per function and runtime (e.g. max Total Duration) with its
// confidence interval as an error bar, one row of panels per setting; with several trials, each
// trial's value as an open circle.
import {
  base,
  errorBarLayer,
  functionFacet,
  intervalTooltip,
  pooledOnly,
  runtimeAxis,
  runtimeColor,
  settingFacet,
  sortRows,
  trialPointsLayer,
  type FigureContext,
  type Spec,
  type TrialPoint,
} from "./common.js";

export interface ValueRow {
  setting: string;
  function: string;
  runtime: string;
  value: number | null;
  valueLower?: number | null;
  valueUpper?: number | null;
}

/** `trials`: each trial's value (empty for one trial: the figure is then as it always was). */
export function maxValueBars(rows: ValueRow[], ctx: FigureContext, title: string, yTitle: string, subtitle: string, trials: TrialPoint[] = []): Spec {
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
  const layers = withIntervals ? [bar, errorBarLayer("value", yTitle, { x: runtimeAxis(ctx, "x") })] : [bar];
  const withTrials = trials.length > 0;
  return {
    ...base(title, subtitle),
    data: { values: withTrials ? [...sortRows(rows, ctx), ...sortRows(trials, ctx, (p, q) => p.trial - q.trial)] : sortRows(rows, ctx) },
    facet: { column: functionFacet(ctx), row: settingFacet(ctx) },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 160,
      height: 180,
      ...(withTrials
        ? { layer: [...pooledOnly(layers), trialPointsLayer("y", yTitle, ",.2f", { x: runtimeAxis(ctx, "x") })] }
        : withIntervals
          ? { layer: layers }
          : bar),
    },
  };
}
