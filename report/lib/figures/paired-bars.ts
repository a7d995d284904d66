// Paired bars: for each function and runtime, two or more measures side by side, the first
// darker (e.g. max Cold Start next to max Init Duration, or 128 MB next to 256 MB).
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

export interface PairedRow {
  setting?: string;
  function: string;
  runtime: string;
  /** Which bar of the pair. */
  measure: string;
  value: number | null;
  valueLower?: number | null;
  valueUpper?: number | null;
}

export interface PairedOptions {
  title: string;
  subtitle: string;
  yTitle: string;
  /** Measure order: the first is drawn darkest and leftmost. */
  measures: string[];
  /** Facet rows by setting (off when the pair itself is the setting). */
  bySetting: boolean;
}

export function pairedBars(rows: PairedRow[], ctx: FigureContext, o: PairedOptions): Spec {
  const order = (r: PairedRow) => o.measures.indexOf(r.measure);
  const opacities = o.measures.map((_, i) => (o.measures.length === 1 ? 1 : 1 - (0.6 * i) / (o.measures.length - 1)));
  const withIntervals = rows.some((r) => r.valueLower != null);
  const x = { ...runtimeAxis(ctx, "x"), axis: { labelAngle: -30 } };
  const bar = {
    mark: { type: "bar" },
    encoding: {
      x,
      xOffset: { field: "measure", type: "nominal", sort: o.measures },
      y: { field: "value", type: "quantitative", title: o.yTitle },
      color: runtimeColor(ctx),
      opacity: { field: "measure", type: "nominal", title: "Bar", sort: o.measures, scale: { domain: o.measures, range: opacities } },
      tooltip: [
        { field: "runtime" },
        { field: "function" },
        { field: "measure", title: "Bar" },
        { field: "value", title: o.yTitle, format: ",.2f" },
        ...(withIntervals ? intervalTooltip("value", o.yTitle, ",.2f") : []),
      ],
    },
  };
  return {
    ...base(o.title, o.subtitle),
    data: { values: sortRows(rows, ctx, (a, b) => order(a) - order(b)) },
    facet: o.bySetting ? { column: functionFacet(ctx), row: settingFacet(ctx) } : { column: functionFacet(ctx) },
    resolve: { scale: { y: "independent" } },
    spec: {
      width: 180,
      height: 180,
      ...(withIntervals ? { layer: [bar, errorBarLayer("value", o.yTitle, { x: x, xOffset: bar.encoding.xOffset })] } : bar),
    },
  };
}
