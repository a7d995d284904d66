// Building blocks every section uses to turn findings into blocks: the figure context, the
// sentences that rank runtimes, the PI tables' columns and figure rows, and the block constructors
// of the section contract.
import type { Analysis } from "../analysis.js";
import type { FigureContext, Spec } from "../figures/common.js";
import type { Leaders } from "../findings/leaders.js";
import type { SizesExcluded } from "../findings/memory-sizes.js";
import { comparesRuntimes, type PiResult, type PiRow } from "../findings/performance-index.js";
import { round } from "../narrative/format.js";
import { messages, type Unit } from "../narrative/messages.js";
import type { Block, Cell } from "../section.js";
import { lowerColumn, upperColumn } from "../uncertainty/index.js";

export function figureContext(a: Analysis): FigureContext {
  const severalArchitectures = new Set(a.settings.map((s) => s.architecture)).size > 1;
  return {
    runtimes: a.runtimes,
    functions: a.functions,
    settings: a.settings.map((s) => s.label),
    settingTitle: severalArchitectures ? "Dataset · memory · architecture" : "Dataset · memory",
  };
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
      const own = values?.pi.perFunction.filter((r) => r.setting === setting && r.value !== null).map((r) => ({ function: r.function, value: r.value! })) ?? [];
      return [messages.onlyRuntime(setting, lead.runtimes[0]!, metric, own, values?.unit ?? "ms")];
    }
    return [messages.nothingCompares(setting, metric, lead.alone)];
  }
  return [messages.piLeader(setting, metric, lead.ranked, lead.level), ...(lead.alone.length ? [messages.notCompared(setting, lead.alone)] : [])];
}

/** Why memory sizes were left out of the comparison, as a sentence (null when nothing was). */
export function sizesNote(excluded: SizesExcluded | null): string | null {
  if (excluded === null) return null;
  return excluded.kind === "left out"
    ? messages.memorySizesLeftOut(excluded.kept, excluded.leftOut, excluded.architecture)
    : messages.memorySizesNotComparable(excluded.groups, excluded.architecture);
}

/** A markdown list of sentences. */
export const bullets = (sentences: readonly string[]): string => sentences.map((s) => `- ${s}`).join("\n");

/** The interval columns of `stats` in a table's column list: `<stat>`, `<stat>Lower`, `<stat>Upper`. */
export const withIntervalColumns = (names: readonly string[]): string[] => names.flatMap((n) => [n, lowerColumn(n), upperColumn(n)]);

/** Columns of the downloadable PI tables. */
export const PI_OVERALL_COLUMNS = ["setting", "runtime", ...withIntervalColumns(["pi"]), "functions"];
export const PI_FUNCTION_COLUMNS = ["setting", "function", "runtime", ...withIntervalColumns(["value", "pi"])];

/** Figure rows of overall PIs with their intervals. */
export const piBars = (overall: PiResult["overall"]) =>
  overall.map((o) => ({ setting: o.setting, runtime: o.runtime, pi: round(o.pi), piLower: round(o.piLower), piUpper: round(o.piUpper) }));

/** A figure row of one per-function value with its interval. */
export const valueBar = (r: PiRow) => ({
  setting: r.setting,
  function: r.function,
  runtime: r.runtime,
  value: round(r.value),
  valueLower: round(r.valueLower),
  valueUpper: round(r.valueUpper),
});

/** Figure rows of per-function values with their intervals. */
export const valueBars = (rows: readonly PiRow[]) => rows.map(valueBar);

export const markdown = (text: string): Block => ({ kind: "markdown", text });
export const figure = (id: string, title: string, spec: Spec): Block => ({ kind: "figure", id, title, spec });

/** A downloadable table: numbers rounded like the figures. */
export function table(id: string, title: string, columns: string[], rows: readonly object[]): Block {
  return {
    kind: "table",
    id,
    title,
    columns,
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, cell((r as Record<string, unknown>)[c])]))),
  };
}

function cell(v: unknown): Cell {
  if (typeof v === "number") return round(v);
  if (v === undefined) return null;
  return v as Cell;
}

/** Dollars per million span 10⁻²…10³: six significant digits keep them exact enough and byte-stable. */
export function significant(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6));
}

/** A downloadable table with six significant digits (dollars per million can be far below 0.001). */
export function exactTable(id: string, title: string, columns: string[], rows: readonly object[]): Block {
  const exact = (v: unknown): Cell => (typeof v === "number" ? significant(v) : v === undefined ? null : (v as Cell));
  return { kind: "table", id, title, columns, rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, exact((r as Record<string, unknown>)[c])]))) };
}
