// Expected range: p10–p90 band, p20–p80 highlighted, median tick with the median's confidence
// interval as a thin black line, per function and runtime; with several trials, each trial's
// median as an open circle.
import {
  base,
  functionFacet,
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

export interface ExpectedRangeRow {
  setting: string;
  function: string;
  runtime: string;
  p10: number;
  p20: number;
  p50: number;
  p80: number;
  p90: number;
  p50Lower?: number | null;
  p50Upper?: number | null;
}

/** `trialMedians`: each trial's median (empty for one trial: the figure is then as it always was). */
export function expectedRange(rows: ExpectedRangeRow[], ctx: FigureContext, subtitle: string, trialMedians: TrialPoint[] = []): Spec {
  const x = (field: string) => ({ field, type: "quantitative", title: "Total Duration (ms)" });
  const layers: Spec[] = [
    { mark: { type: "bar", opacity: 0.35, height: { band: 0.7 } }, encoding: { x: x("p10"), x2: { field: "p90" } } },
    {
      mark: { type: "bar", opacity: 0.9, height: { band: 0.7 } },
      encoding: {
        x: x("p20"),
        x2: { field: "p80" },
        tooltip: ["p10", "p20", "p50", "p80", "p90"].map((f) => ({ field: f, type: "quantitative", title: `${f} (ms)`, format: ".2f" })),
      },
    },
    { mark: { type: "tick", color: "black", thickness: 2 }, encoding: { x: x("p50"), color: { value: "black" } } },
    {
      transform: [{ filter: "isValid(datum.p50Lower) && isValid(datum.p50Upper)" }],
      mark: { type: "rule", color: "black", strokeWidth: 1.5 },
      encoding: {
        x: x("p50Lower"),
        x2: { field: "p50Upper" },
        color: { value: "black" },
        tooltip: [
          { field: "p50Lower", type: "quantitative", title: "median, interval low (ms)", format: ".2f" },
          { field: "p50Upper", type: "quantitative", title: "median, interval high (ms)", format: ".2f" },
        ],
      },
    },
  ];
  const withTrials = trialMedians.length > 0;
  return {
    ...base("Expected range of Total Duration", subtitle),
    data: { values: withTrials ? [...sortRows(rows, ctx), ...sortRows(trialMedians, ctx, (p, q) => p.trial - q.trial)] : sortRows(rows, ctx) },
    facet: { row: functionFacet(ctx), column: settingFacet(ctx) },
    resolve: { scale: { x: "independent" } },
    spec: {
      width: 260,
      height: { step: 18 },
      // Opaque legend symbols: they would otherwise take the faint first layer's opacity.
      encoding: { y: runtimeAxis(ctx, "y"), color: { ...runtimeColor(ctx), legend: { symbolOpacity: 1 } } },
      layer: withTrials ? [...pooledOnly(layers), trialPointsLayer("x", "median Total Duration (ms)", ".2f")] : layers,
    },
  };
}
