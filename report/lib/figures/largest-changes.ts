// The largest changes between two runs: one horizontal bar per (group, metric), relative change in
// %, its interval as a rule, coloured by verdict.
import { base, type Spec } from "./common.js";

export interface ChangeBar {
  /** "Node.js · search · 128 MB · p50 Total Duration": unique per bar. */
  label: string;
  relativePct: number;
  lowerPct: number | null;
  upperPct: number | null;
  verdict: string;
}

export const VERDICT_COLORS: Record<string, string> = { regression: "#d62728", improvement: "#2ca02c", "no clear difference": "#9e9e9e" };

export function largestChangesBars(rows: ChangeBar[], title: string, subtitle: string): Spec {
  const order = rows.map((r) => r.label);
  const y = { field: "label", type: "nominal", title: null, sort: order, axis: { labelLimit: 360 } };
  const x = { type: "quantitative", title: "Change relative to the baseline (%)" };
  return {
    ...base(title, subtitle),
    width: 420,
    height: { step: 18 },
    data: { values: rows },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          y,
          x: { ...x, field: "relativePct" },
          color: { field: "verdict", type: "nominal", title: "Verdict", scale: { domain: Object.keys(VERDICT_COLORS), range: Object.values(VERDICT_COLORS) } },
          tooltip: [
            { field: "label", type: "nominal", title: "Change" },
            { field: "relativePct", type: "quantitative", title: "relative (%)", format: ".3~r" },
            { field: "lowerPct", type: "quantitative", title: "interval low (%)", format: ".3~r" },
            { field: "upperPct", type: "quantitative", title: "interval high (%)", format: ".3~r" },
            { field: "verdict", type: "nominal", title: "Verdict" },
          ],
        },
      },
      { mark: { type: "rule", color: "#333" }, encoding: { y, x: { ...x, field: "lowerPct" }, x2: { field: "upperPct" } } },
      { data: { values: [{}] }, mark: { type: "rule", color: "#333", strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: "quantitative" } } },
    ],
  };
}
