// What every figure shares: the schema URL, the runtime colour scale, facets and fonts.
import type { RuntimeInfo } from "../analysis.js";
import { lowerColumn, upperColumn } from "../uncertainty/columns.js";

/**
 * The Vega-Lite schema the specs declare, matching the major version of the vega-lite package
 * installed (6.x). Kept in one constant in case JupyterLab's renderer needs v5.
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

export interface FigureContext {
  /** Runtimes present, in manifest order (legend and colour order). */
  runtimes: RuntimeInfo[];
  /** Function ids in manifest order. */
  functions: string[];
  /** Setting labels in load order. */
  settings: string[];
  /** What a setting label names (default "Dataset · memory"; the architecture is added when several are present). */
  settingTitle?: string;
}

export type Spec = Record<string, unknown>;

export function runtimeColor(ctx: FigureContext, legend = true): Spec {
  return {
    field: "runtime",
    type: "nominal",
    title: "Runtime",
    scale: { domain: ctx.runtimes.map((r) => r.label), range: ctx.runtimes.map((r) => r.color) },
    ...(legend ? {} : { legend: null }),
  };
}

export function runtimeAxis(ctx: FigureContext, channel: "x" | "y" | "xOffset"): Spec {
  return {
    field: "runtime",
    type: "nominal",
    sort: ctx.runtimes.map((r) => r.label),
    ...(channel === "xOffset" ? {} : { title: "Runtime" }),
  };
}

export const functionFacet = (ctx: FigureContext): Spec => ({ field: "function", type: "nominal", title: "Function", sort: ctx.functions });
export const settingTitle = (ctx: FigureContext): string => ctx.settingTitle ?? "Dataset · memory";
export const settingFacet = (ctx: FigureContext): Spec => ({ field: "setting", type: "nominal", title: settingTitle(ctx), sort: ctx.settings });

/** A vertical error bar (a rule from `<field>Lower` to `<field>Upper`), drawn where the interval exists. */
export function errorBarLayer(field: string, title: string, extra: Spec = {}): Spec {
  return {
    transform: [{ filter: `isValid(datum.${lowerColumn(field)}) && isValid(datum.${upperColumn(field)})` }],
    mark: { type: "rule", color: "#222", strokeWidth: 1.5 },
    encoding: {
      y: { field: lowerColumn(field), type: "quantitative", title },
      y2: { field: upperColumn(field) },
      ...extra,
    },
  };
}

/** One trial's value of the figure's statistic, drawn over the pooled value (data with several trials only). */
export interface TrialPoint {
  setting: string;
  function: string;
  runtime: string;
  trial: number;
  trialValue: number | null;
}

/** Rows of the figure's own data that are trial points, and those that are not. */
export const TRIAL_ROWS = "isValid(datum.trial)";
export const POOLED_ROWS = "!isValid(datum.trial)";

/** Each trial's value as a small open circle on the value axis `axis` ("x" or "y"). */
export function trialPointsLayer(axis: "x" | "y", title: string, format: string, extra: Spec = {}): Spec {
  return {
    transform: [{ filter: TRIAL_ROWS }],
    mark: { type: "point", shape: "circle", size: 22, filled: false, strokeWidth: 1.2, opacity: 0.9 },
    encoding: {
      [axis]: { field: "trialValue", type: "quantitative", title },
      color: { value: "#222" },
      tooltip: [
        { field: "runtime" },
        { field: "function" },
        { field: "trial", type: "ordinal", title: "trial" },
        { field: "trialValue", type: "quantitative", title: `${title}, this trial`, format },
      ],
      ...extra,
    },
  };
}

/** `layer` with every layer limited to the pooled rows (when the data also holds trial points). */
export function pooledOnly(layers: Spec[]): Spec[] {
  return layers.map((l) => ({ ...l, transform: [{ filter: POOLED_ROWS }, ...((l.transform as Spec[] | undefined) ?? [])] }));
}

/** Tooltip entries for an interval. */
export function intervalTooltip(field: string, title: string, format: string): Spec[] {
  return [
    { field: lowerColumn(field), type: "quantitative", title: `${title}, interval low`, format },
    { field: upperColumn(field), type: "quantitative", title: `${title}, interval high`, format },
  ];
}

export function base(title: string, subtitle?: string): Spec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    config: {
      font: "sans-serif",
      axis: { labelFontSize: 11, titleFontSize: 12 },
      header: { labelFontSize: 12, titleFontSize: 12 },
      legend: { labelFontSize: 11 },
    },
  };
}

/** Sorts rows by setting, function, runtime order so the inlined data is byte-stable. */
export function sortRows<T extends { setting?: string; function?: string; runtime?: string }>(
  rows: T[],
  ctx: FigureContext,
  extra?: (a: T, b: T) => number,
): T[] {
  const pos = (order: string[], v: string | undefined) => (v === undefined ? -1 : order.indexOf(v));
  const runtimeLabels = ctx.runtimes.map((r) => r.label);
  return [...rows].sort(
    (a, b) =>
      pos(ctx.settings, a.setting) - pos(ctx.settings, b.setting) ||
      pos(ctx.functions, a.function) - pos(ctx.functions, b.function) ||
      pos(runtimeLabels, a.runtime) - pos(runtimeLabels, b.runtime) ||
      (extra ? extra(a, b) : 0),
  );
}
