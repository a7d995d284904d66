// Building blocks every section uses: per-function statistics, performance indexes and the
// block constructors of the section contract.
import * as aq from "arquero";
import { runtimeLabels, settingOf, type Analysis } from "../analysis.js";
import type { FigureContext, Spec } from "../figures/common.js";
import { GROUP_KEYS, SETTING_KEYS } from "../metrics/grouping.js";
import { overallPerformanceIndex, performanceIndex } from "../metrics/performance-index.js";
import { summarise, type Statistic } from "../metrics/statistics.js";
import { memo } from "../metrics/memo.js";
import { round } from "../narrative/format.js";
import { messages, type Alone, type Ranked, type Unit } from "../narrative/messages.js";
import type { Block, Cell } from "../section.js";
import { levelWithFirst, piRange } from "./leaders.js";
import { bootstrapSummary, DEFAULT_BOOTSTRAP, hasTrials, lowerColumn, performanceIndexIntervals, piCellsOf, TRIAL_COLUMN, trialScope, upperColumn, type BootstrapOptions, type TrialScope } from "../uncertainty/index.js";

export function figureContext(a: Analysis): FigureContext {
  const severalArchitectures = new Set(a.settings.map((s) => s.architecture)).size > 1;
  return {
    runtimes: a.runtimes,
    functions: a.functions,
    settings: a.settings.map((s) => s.label),
    settingTitle: severalArchitectures ? "Dataset · memory · architecture" : "Dataset · memory",
  };
}

/** The fewest and most trials of any group: what the interval notes and the Method section say. */
export const trialScopeOf = (a: Analysis): TrialScope => memo(a, "trialScope", () => trialScope(a.table, GROUP_KEYS));

/** One trial's value of a statistic for one function and runtime (figures draw these over the pooled value). */
export interface TrialValueRow {
  setting: string;
  function: string;
  runtime: string;
  trial: number;
  trialValue: number | null;
}

/** `statistic` of `value` per setting × runtime × function × trial; none when the data has one trial. */
export function perTrial(a: Analysis, value: string, statistic: Statistic, functions = a.functions): TrialValueRow[] {
  if (!hasTrials(a.table)) return [];
  const all = memo(a, `perTrial:${value}:${JSON.stringify(statistic)}`, () => summarise(a.table, [...GROUP_KEYS, TRIAL_COLUMN], value, [statistic]).objects() as Record<string, unknown>[]);
  const labelOf = runtimeLabels(a.runtimes);
  return all
    .filter((r) => functions.includes(r.function as string) && r[statistic.name] !== null)
    .map((r) => ({
      setting: settingOf(a, r).label,
      function: r.function as string,
      runtime: labelOf(r.runtime as string),
      trial: r[TRIAL_COLUMN] as number,
      trialValue: round(r[statistic.name] as number),
    }));
}

/**
 * Where the trials disagree on which runtime has the lowest value of a function: per setting and
 * function, each runtime that was lowest in some trial with those trials (only where that is more
 * than one runtime). Ties in a trial count for every tied runtime.
 */
export function trialDisagreements(rows: readonly TrialValueRow[]): { setting: string; function: string; leaders: { runtime: string; trials: number[] }[] }[] {
  const groups = new Map<string, TrialValueRow[]>();
  for (const r of rows) {
    if (r.trialValue === null) continue;
    const k = JSON.stringify([r.setting, r.function]);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups].flatMap(([k, group]) => {
    const [setting, fn] = JSON.parse(k) as [string, string];
    const byTrial = new Map<number, TrialValueRow[]>();
    for (const r of group) byTrial.set(r.trial, [...(byTrial.get(r.trial) ?? []), r]);
    const leaders = new Map<string, number[]>();
    for (const [trial, inTrial] of [...byTrial].sort((x, y) => x[0] - y[0])) {
      if (inTrial.length < 2) continue;
      const lowest = Math.min(...inTrial.map((r) => r.trialValue!));
      for (const r of inTrial) if (r.trialValue === lowest) leaders.set(r.runtime, [...(leaders.get(r.runtime) ?? []), trial]);
    }
    return leaders.size > 1 ? [{ setting, function: fn, leaders: [...leaders].map(([runtime, trials]) => ({ runtime, trials })) }] : [];
  });
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

/**
 * Statistics of `value` per setting × runtime × function, for the compared functions (or
 * `functions`). With `bootstrap`, each statistic also gets `<stat>Lower` and `<stat>Upper`.
 */
export function perFunction(a: Analysis, value: string, stats: readonly Statistic[], functions = a.functions, bootstrap?: BootstrapOptions): StatRow[] {
  const key = `perFunction:${value}:${stats.map((s) => JSON.stringify(s)).join("|")}:${JSON.stringify(bootstrap ?? null)}`;
  const all = memo(a, key, () =>
    (bootstrap ? bootstrapSummary(a.table, GROUP_KEYS, value, stats, bootstrap) : summarise(a.table, GROUP_KEYS, value, stats)).objects() as Record<string, unknown>[],
  );
  const labelOf = runtimeLabels(a.runtimes);
  return all
    .filter((r) => functions.includes(r.function as string))
    .map((r) => {
      const setting = a.settings.find((s) => SETTING_KEYS.every((k) => s[k] === r[k]))!;
      return { ...(r as StatRow), setting: setting.label, runtimeId: r.runtime as string, runtime: labelOf(r.runtime as string) };
    });
}

export type OverallPi = {
  setting: string;
  runtimeId: string;
  runtime: string;
  pi: number | null;
  piLower: number | null;
  piUpper: number | null;
  functions: number;
};

export interface PiResult {
  /** One row per setting × function × runtime with `value`, `pi` and their intervals (`valueLower`, `valueUpper`, `piLower`, `piUpper`). */
  perFunction: StatRow[];
  /** One row per setting × runtime: mean PI over functions, with its interval. */
  overall: OverallPi[];
}

/** Performance Index of a lower-is-better statistic of `value`, with bootstrap intervals. */
export function performanceIndexOf(a: Analysis, value: string, statistic: Statistic, bootstrap: BootstrapOptions = DEFAULT_BOOTSTRAP): PiResult {
  const point = pointPerformanceIndex(a, value, statistic);
  const intervals = memo(a, `piIntervals:${value}:${JSON.stringify(statistic)}:${JSON.stringify(bootstrap)}`, () =>
    performanceIndexIntervals(piCellsOf(a.table, value, { label: (k) => settingOf(a, k).label, functions: a.functions }), statistic, bootstrap),
  );
  const key = (...parts: string[]) => JSON.stringify(parts);
  const perCell = new Map(intervals.perFunction.map((i) => [key(i.setting, i.function, i.runtime), i]));
  const perRuntime = new Map(intervals.overall.map((i) => [key(i.setting, i.runtime), i]));
  return {
    perFunction: point.perFunction.map((r) => {
      const i = perCell.get(key(r.setting, r.function, r.runtimeId));
      return { ...r, valueLower: i?.value.lower ?? null, valueUpper: i?.value.upper ?? null, piLower: i?.pi?.lower ?? null, piUpper: i?.pi?.upper ?? null };
    }),
    overall: point.overall.map((o) => {
      const i = perRuntime.get(key(o.setting, o.runtimeId));
      return { ...o, piLower: i?.pi?.lower ?? null, piUpper: i?.pi?.upper ?? null };
    }),
  };
}

function pointPerformanceIndex(a: Analysis, value: string, statistic: Statistic): { perFunction: StatRow[]; overall: Omit<OverallPi, "piLower" | "piUpper">[] } {
  const rows = perFunction(a, value, [statistic]).map((r) => ({ ...r, value: r[statistic.name] as number | null }));
  const pi = performanceIndex(
    // A throwaway table with one value per (setting, function, runtime).
    tableOf(rows.map((r) => ({ setting: r.setting, function: r.function, runtime: r.runtimeId, value: r.value }))),
    { value: "value", within: ["setting", "function"] },
  ).objects() as { setting: string; function: string; runtime: string; pi: number | null }[];
  const withPi = rows.map((r, i) => ({ ...r, pi: pi[i]!.pi }));
  const overall = overallPerformanceIndex(tableOf(pi), ["setting"]).objects() as { setting: string; runtime: string; pi: number | null; functions: number }[];
  const labelOf = runtimeLabels(a.runtimes);
  return {
    perFunction: withPi,
    overall: overall.map((o) => ({ setting: o.setting, runtimeId: o.runtime, runtime: labelOf(o.runtime), pi: o.pi, functions: o.functions })),
  };
}

function tableOf(rows: Record<string, unknown>[]) {
  return aq.from(rows);
}

/** Runtimes of one setting ranked best first by overall PI (runtimes with no PI left out). */
export function ranking(overall: PiResult["overall"], setting: string): PiResult["overall"] {
  return overall.filter((o) => o.setting === setting && o.pi !== null).sort((x, y) => y.pi! - x.pi!);
}

export interface Leaders {
  /** Runtimes that share a function with another runtime, best first by overall PI. */
  ranked: Ranked[];
  /** Those level with the leader (intervals overlapping). */
  level: Ranked[];
  /** Functions of the setting measured on one runtime only (runtime labels). */
  alone: Alone[];
  /** Runtimes present in the setting (labels). */
  runtimes: string[];
}

/**
 * One setting's runtimes ranked best first, and those level with the leader. A runtime is ranked
 * only if it shares a function with another runtime: an index over a function no other runtime
 * ran is 1× by definition and compares nothing.
 */
export function leaders(pi: PiResult, setting: string): Leaders {
  const rows = pi.perFunction.filter((r) => r.setting === setting && r.value !== null);
  const byFunction = new Map<string, string[]>();
  for (const r of rows) byFunction.set(r.function, [...(byFunction.get(r.function) ?? []), r.runtime]);
  const alone = [...byFunction].filter(([, rs]) => rs.length === 1).map(([fn, rs]) => ({ function: fn, runtime: rs[0]! }));
  const shared = new Set([...byFunction.values()].filter((rs) => rs.length > 1).flat());
  const ranked = (ranking(pi.overall, setting) as Ranked[]).filter((r) => shared.has(r.runtime));
  const runtimes = [...new Set(rows.map((r) => r.runtime))];
  return { ranked, level: levelWithFirst(ranked, piRange, (r) => r.pi), alone, runtimes };
}

/** True when some function was measured on two runtimes or more in one setting: runtimes compare somewhere. */
export function comparesRuntimes(a: Analysis): boolean {
  return memo(a, "comparesRuntimes", () => {
    const seen = new Map<string, string>();
    const keys = ["dataset", "memoryMB", "architecture", "function", "runtime"].map((k) => a.table.column(k) as unknown as ArrayLike<unknown>);
    for (let i = 0; i < a.table.numRows(); i++) {
      if (i > 0 && keys.every((c) => c[i] === c[i - 1])) continue;
      const cell = keys.slice(0, 4).map((c) => String(c[i])).join("\u0000");
      const runtime = String(keys[4]![i]);
      const first = seen.get(cell);
      if (first === undefined) seen.set(cell, runtime);
      else if (first !== runtime) return true;
    }
    return false;
  });
}

/** A Performance Index block, left out when no runtime is compared with another (an index of 1× alone says nothing). */
export const whenCompared = (a: Analysis, block: Block): Block[] => (comparesRuntimes(a) ? [block] : []);

/** The PI definition followed by a space, or nothing when no runtime is compared with another. */
export const piDefinition = (a: Analysis): string => (comparesRuntimes(a) ? `${messages.piDefinition()} ` : "");

/**
 * The sentences that rank one setting's runtimes on `metric`, or say why nothing is ranked; with
 * one runtime alone, its own values per function (in `unit`).
 */
export function leaderSentences(setting: string, metric: string, lead: Leaders, values?: { pi: PiResult; unit: Unit }): string[] {
  if (lead.runtimes.length === 0) return [];
  if (lead.ranked.length < 2) {
    if (lead.runtimes.length === 1) {
      const own = values?.pi.perFunction.filter((r) => r.setting === setting && r.value !== null).map((r) => ({ function: r.function, value: r.value as number })) ?? [];
      return [messages.onlyRuntime(setting, lead.runtimes[0]!, metric, own, values?.unit ?? "ms")];
    }
    return [messages.nothingCompares(setting, metric, lead.alone)];
  }
  return [messages.piLeader(setting, metric, lead.ranked, lead.level), ...(lead.alone.length ? [messages.notCompared(setting, lead.alone)] : [])];
}

/** The interval columns of `stats` in a table's column list: `<stat>`, `<stat>Lower`, `<stat>Upper`. */

export const withIntervalColumns = (names: readonly string[]): string[] => names.flatMap((n) => [n, lowerColumn(n), upperColumn(n)]);

/** Columns of the downloadable PI tables. */
export const PI_OVERALL_COLUMNS = ["setting", "runtime", ...withIntervalColumns(["pi"]), "functions"];
export const PI_FUNCTION_COLUMNS = ["setting", "function", "runtime", ...withIntervalColumns(["value", "pi"])];

/** Figure rows of overall PIs with their intervals. */
export const piBars = (overall: PiResult["overall"]) =>
  overall.map((o) => ({ setting: o.setting, runtime: o.runtime, pi: round(o.pi), piLower: round(o.piLower), piUpper: round(o.piUpper) }));

/** A figure row of one per-function value with its interval. */
export const valueBar = (r: PiResult["perFunction"][number]) => ({
  setting: r.setting,
  function: r.function,
  runtime: r.runtime,
  value: round(r.value as number | null),
  valueLower: round(r.valueLower as number | null),
  valueUpper: round(r.valueUpper as number | null),
});

/** Figure rows of per-function values with their intervals. */
export const valueBars = (rows: PiResult["perFunction"]) => rows.map(valueBar);

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
