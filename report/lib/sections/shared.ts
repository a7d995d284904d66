// Building blocks every section uses: per-function statistics, performance indexes and the
// block constructors of the section contract.
import * as aq from "arquero";
import type { Analysis } from "../analysis.js";
import type { FigureContext, Spec } from "../figures/common.js";
import { GROUP_KEYS, SETTING_KEYS } from "../metrics/grouping.js";
import { overallPerformanceIndex, performanceIndex } from "../metrics/performance-index.js";
import { summarise, type Statistic } from "../metrics/statistics.js";
import { memo } from "../metrics/memo.js";
import { round } from "../narrative/format.js";
import type { Block, Cell } from "../section.js";

export function figureContext(a: Analysis): FigureContext {
  return { runtimes: a.runtimes, functions: a.functions, settings: a.settings.map((s) => s.label) };
}

/** A statistic row with readable setting and runtime labels next to the ids. */
export interface StatRow {
  setting: string;
  dataset: string;
  memoryMB: number;
  architecture: string;
  function: string;
  runtimeId: string;
  runtime: string;
  [stat: string]: string | number | null;
}

/** Statistics of `value` per setting × runtime × function, for the compared functions (or `functions`). */
export function perFunction(a: Analysis, value: string, stats: readonly Statistic[], functions = a.functions): StatRow[] {
  const key = `perFunction:${value}:${stats.map((s) => JSON.stringify(s)).join("|")}`;
  const all = memo(a, key, () => summarise(a.table, GROUP_KEYS, value, stats).objects() as Record<string, unknown>[]);
  const labelOf = new Map(a.runtimes.map((r) => [r.id, r.label]));
  return all
    .filter((r) => functions.includes(r.function as string))
    .map((r) => {
      const setting = a.settings.find((s) => SETTING_KEYS.every((k) => s[k] === r[k]))!;
      return { ...(r as StatRow), setting: setting.label, runtimeId: r.runtime as string, runtime: labelOf.get(r.runtime as string)! };
    });
}

export interface PiResult {
  /** One row per setting × function × runtime with `value` and `pi`. */
  perFunction: StatRow[];
  /** One row per setting × runtime: mean PI over functions. */
  overall: { setting: string; runtimeId: string; runtime: string; pi: number | null; functions: number }[];
}

/** Performance Index of a lower-is-better statistic of `value`. */
export function performanceIndexOf(a: Analysis, value: string, statistic: Statistic): PiResult {
  const rows = perFunction(a, value, [statistic]).map((r) => ({ ...r, value: r[statistic.name] as number | null }));
  const pi = performanceIndex(
    // A throwaway table with one value per (setting, function, runtime).
    tableOf(rows.map((r) => ({ setting: r.setting, function: r.function, runtime: r.runtimeId, value: r.value }))),
    { value: "value", within: ["setting", "function"] },
  ).objects() as { setting: string; function: string; runtime: string; pi: number | null }[];
  const withPi = rows.map((r, i) => ({ ...r, pi: pi[i]!.pi }));
  const overall = overallPerformanceIndex(tableOf(pi), ["setting"]).objects() as { setting: string; runtime: string; pi: number | null; functions: number }[];
  const labelOf = new Map(a.runtimes.map((r) => [r.id, r.label]));
  return {
    perFunction: withPi,
    overall: overall.map((o) => ({ setting: o.setting, runtimeId: o.runtime, runtime: labelOf.get(o.runtime)!, pi: o.pi, functions: o.functions })),
  };
}

function tableOf(rows: Record<string, unknown>[]) {
  return aq.from(rows);
}

/** Runtimes of one setting ranked best first by overall PI (null PIs last). */
export function ranking(overall: PiResult["overall"], setting: string): PiResult["overall"] {
  return overall.filter((o) => o.setting === setting && o.pi !== null).sort((x, y) => y.pi! - x.pi!);
}

export const markdown = (text: string): Block => ({ kind: "markdown", text });
export const figure = (id: string, title: string, spec: Spec): Block => ({ kind: "figure", id, title, spec });

/** A downloadable table: numbers rounded like the figures. */
export function table(id: string, title: string, columns: string[], rows: Record<string, unknown>[]): Block {
  return {
    kind: "table",
    id,
    title,
    columns,
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell(r[c])]))),
  };
}

function cell(v: unknown): Cell {
  if (typeof v === "number") return round(v);
  if (v === undefined) return null;
  return v as Cell;
}
