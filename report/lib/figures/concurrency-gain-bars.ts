// Mitigation (c): concurrency gain of the concurrent variant over its base function, per
// runtime, with memory sizes (settings) side by side.
import { base, runtimeAxis, runtimeColor, settingTitle, sortRows, type FigureContext, type Spec } from "./common.js";

export interface GainRow {
  setting: string;
  runtime: string;
  gainPct: number | null;
}

export function concurrencyGainBars(rows: GainRow[], ctx: FigureContext, title: string, subtitle: string): Spec {
  const opacities = ctx.settings.map((_, i) => (ctx.settings.length === 1 ? 1 : 1 - (0.6 * i) / (ctx.settings.length - 1)));
  return {
    ...base(title, subtitle),
    data: { values: sortRows(rows, ctx) },
    width: 320,
    height: 220,
    mark: { type: "bar" },
    encoding: {
      x: { ...runtimeAxis(ctx, "x"), axis: { labelAngle: 0 } },
      xOffset: { field: "setting", type: "nominal", sort: ctx.settings },
      y: { field: "gainPct", type: "quantitative", title: "Gain of median Duration (%)" },
      color: runtimeColor(ctx),
      opacity: { field: "setting", type: "nominal", title: settingTitle(ctx), sort: ctx.settings, scale: { domain: ctx.settings, range: opacities } },
      tooltip: [{ field: "runtime" }, { field: "setting" }, { field: "gainPct", title: "Gain (%)", format: ".1f" }],
    },
  };
}
