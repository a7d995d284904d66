// Mitigation (c): concurrency gain of the concurrent variant over its base function, per
// runtime, with memory sizes (settings) side by side and each gain's confidence interval as an
// error bar.
import { base, errorBarLayer, intervalTooltip, runtimeAxis, runtimeColor, settingTitle, sortRows, type FigureContext, type Spec } from "./common.js";

export interface GainRow {
  setting: string;
  runtime: string;
  gainPct: number | null;
  gainPctLower?: number | null;
  gainPctUpper?: number | null;
}

const Y_TITLE = "Gain of median Duration (%)";

export function concurrencyGainBars(rows: GainRow[], ctx: FigureContext, title: string, subtitle: string): Spec {
  const opacities = ctx.settings.map((_, i) => (ctx.settings.length === 1 ? 1 : 1 - (0.6 * i) / (ctx.settings.length - 1)));
  const withIntervals = rows.some((r) => r.gainPctLower != null);
  const x = { ...runtimeAxis(ctx, "x"), axis: { labelAngle: 0 } };
  const xOffset = { field: "setting", type: "nominal", sort: ctx.settings };
  const bar: Spec = {
    mark: { type: "bar" },
    encoding: {
      x,
      xOffset,
      y: { field: "gainPct", type: "quantitative", title: Y_TITLE },
      color: runtimeColor(ctx),
      opacity: { field: "setting", type: "nominal", title: settingTitle(ctx), sort: ctx.settings, scale: { domain: ctx.settings, range: opacities } },
      tooltip: [
        { field: "runtime" },
        { field: "setting" },
        { field: "gainPct", title: "Gain (%)", format: ".1f" },
        ...(withIntervals ? intervalTooltip("gainPct", "Gain (%)", ".1f") : []),
      ],
    },
  };
  return {
    ...base(title, subtitle),
    data: { values: sortRows(rows, ctx) },
    width: 320,
    height: 220,
    ...(withIntervals ? { layer: [bar, errorBarLayer("gainPct", Y_TITLE, { x, xOffset })] } : bar),
  };
}
