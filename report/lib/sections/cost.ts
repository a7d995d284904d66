// Cost: dollars per million invocations per runtime, function and memory size, under the billing
// rule in force and the dated price table; the "more memory can be cheaper" cases when they occur.
import type { BillingRuleId } from "../../../runners/dataset/contract.js";
import { runtimeLabels, type Analysis } from "../analysis.js";
import { costByGroup, loadPriceTable, MEMORY_COMPARISON_KEYS, moreMemoryCheaper, parsePriceTable, type CostRow, type PriceTable } from "../cost/index.js";
import { costByMemory, type CostPoint } from "../figures/cost-by-memory.js";
import { GROUP_KEYS } from "../metrics/grouping.js";
import { costMessagesFor as say } from "../narrative/cost-messages.js";
import type { Block, Cell, SectionResult } from "../section.js";
import { bootstrapOptions, overlaps } from "../uncertainty/index.js";
import type { SectionOptions } from "./index.js";
import { figure, figureContext, markdown, trialScopeOf } from "./shared.js";
import { subtitle } from "./subtitle.js";

/** Memory-size cases spelled out in the text; the table has them all. */
const MEMORY_CASES_SHOWN = 8;

export const COST_COLUMNS = [
  "dataset",
  "architecture",
  "memoryMB",
  "runtime",
  "function",
  "rule",
  "invocations",
  "meanBilledMs",
  "meanGbSeconds",
  "computeUsdPerMillion",
  "requestUsdPerMillion",
  "usdPerMillion",
  "usdPerMillionLower",
  "usdPerMillionUpper",
] as const;

/** The price table in force and how to name it: the user's (validated object or path) or the bundled one. */
export function priceTableOf(prices: SectionOptions["prices"]): { table: PriceTable; shown: string } {
  if (prices === undefined) return { table: loadPriceTable(), shown: "the bundled price table (`report/lib/cost/prices.json`)" };
  if (typeof prices === "string") return { table: loadPriceTable(prices), shown: `the price table \`${prices}\`` };
  return { table: parsePriceTable(prices, "the report's price table (--prices)"), shown: "the price table given with `--prices`" };
}

/** Cost rows of every benchmark function (compared ones and their variants), manifest order. */
export function costRows(a: Analysis, options: SectionOptions, intervalFor?: (key: Record<string, unknown>) => boolean): { rule: BillingRuleId; rows: CostRow[]; prices: ReturnType<typeof priceTableOf> } {
  const rule = options.billingRule ?? "as-reported";
  const prices = priceTableOf(options.prices);
  // The analysis table already carries billed ms under `rule` (analysisUnder); costByGroup
  // recomputes from the contract columns the same way, so both agree.
  const rows = costByGroup(a.table, { rule, prices: prices.table, by: GROUP_KEYS, uncertainty: { seed: options.seed, resamples: options.resamples }, ...(intervalFor ? { intervalFor } : {}) });
  return { rule, rows, prices };
}

export function costSection(a: Analysis, options: SectionOptions = {}): SectionResult {
  const ctx = figureContext(a);
  const { rule, rows, prices } = costRows(a, options);
  const confidence = bootstrapOptions({ seed: options.seed, resamples: options.resamples }).confidence;
  const labelOf = runtimeLabels(a.runtimes);
  const functionOrder = a.manifest.functions.map((f) => f.id);
  const functions = functionOrder.filter((f) => rows.some((r) => r.function === f));
  const severalArchitectures = new Set(rows.map((r) => r.architecture)).size > 1;
  const pooled = memorySizesAcrossDatasets(rows);
  const seriesOf = (r: CostRow) =>
    pooled ? (severalArchitectures ? r.architecture : "all datasets") : `${String(r.dataset)}${severalArchitectures ? ` · ${r.architecture}` : ""}`;
  const series = [...new Set(rows.map(seriesOf))];
  const settingOf = (r: CostRow) => a.settings.find((s) => s.dataset === r.dataset && s.memoryMB === r.memoryMB && s.architecture === r.architecture)!.label;

  const sentences: string[] = [];
  for (const s of a.settings) {
    for (const fn of functions) {
      const here = rows.filter((r) => settingOf(r) === s.label && r.function === fn).sort((x, y) => x.usdPerMillion - y.usdPerMillion);
      if (here.length === 0) continue;
      const [cheap, dear] = [here[0]!, here[here.length - 1]!];
      if (here.length === 1) {
        sentences.push(say.onlyOneRuntime(s.label, fn, labelOf(cheap.runtime as string), cheap.usdPerMillion));
        continue;
      }
      const clear = cheap.usdPerMillionUpper === null || dear.usdPerMillionLower === null ? false : !overlaps(intervalOf(cheap), intervalOf(dear));
      sentences.push(
        say.cheapest({
          setting: s.label,
          function: fn,
          cheapest: { runtime: labelOf(cheap.runtime as string), usd: cheap.usdPerMillion },
          dearest: { runtime: labelOf(dear.runtime as string), usd: dear.usdPerMillion },
          clear,
        }),
      );
    }
  }

  const memoryText = memorySentences(rows, labelOf, severalArchitectures, pooled);
  const points: CostPoint[] = rows.map((r) => ({
    series: seriesOf(r),
    dataset: String(r.dataset),
    function: r.function as string,
    runtime: labelOf(r.runtime as string),
    memoryMB: r.memoryMB,
    usdPerMillion: significant(r.usdPerMillion),
    lower: significant(r.usdPerMillionLower),
    upper: significant(r.usdPerMillionUpper),
  }));
  const title = "Cost per million invocations by memory size";
  const blocks: Block[] = [
    markdown([say.formula(), say.ruleInForce(rule, a.data.datasets.map((d) => ({ dataset: d.name, rule: d.meta.billing.rule }))), say.priceTable(prices.table, prices.shown)].join("\n\n")),
    figure("cost-by-memory", title, costByMemory(points, { ...ctx, functions }, series, title, subtitle(a, say.figureSubtitle()))),
    markdown([say.intervalNote(confidence, trialScopeOf(a)), "", ...sentences.map((s) => `- ${s}`)].join("\n")),
    markdown(memoryText),
    costTable(rows, labelOf),
  ];
  return { id: "cost", title: "Cost", blocks };
}

/**
 * Datasets that each hold other memory sizes (one run per size, as the lab writes them) are
 * compared across: no (architecture, memory size) is measured twice, so nothing is mixed.
 */
function memorySizesAcrossDatasets(rows: CostRow[]): boolean {
  const datasetOf = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.architecture}\u0000${r.memoryMB}`;
    const seen = datasetOf.get(k);
    if (seen !== undefined && seen !== r.dataset) return false;
    datasetOf.set(k, String(r.dataset));
  }
  return new Set(rows.map((r) => r.dataset)).size > 1;
}

function memorySentences(rows: CostRow[], labelOf: (name: string) => string, severalArchitectures: boolean, pooled: boolean): string {
  const groupOf = (r: CostRow) => (pooled ? r.architecture : `${String(r.dataset)}\u0000${r.architecture}`);
  const sizesPerGroup = new Map<string, Set<number>>();
  for (const r of rows) {
    const k = groupOf(r);
    if (!sizesPerGroup.has(k)) sizesPerGroup.set(k, new Set());
    sizesPerGroup.get(k)!.add(r.memoryMB);
  }
  if ([...sizesPerGroup.values()].every((s) => s.size < 2)) return say.oneMemorySize();
  const datasets = [...new Set(rows.map((r) => String(r.dataset)))];
  const across = pooled ? [say.acrossDatasets(datasets), ""] : [];
  const cases = moreMemoryCheaper(rows, pooled ? MEMORY_COMPARISON_KEYS.filter((k) => k !== "dataset") : MEMORY_COMPARISON_KEYS);
  if (cases.length === 0) return [...across, say.neverCheaper()].join("\n");
  const shown = cases.slice(0, MEMORY_CASES_SHOWN).map((c) =>
    say.moreMemoryCheaper({
      runtime: labelOf(String(c.keys.runtime)),
      function: String(c.keys.function),
      where: pooled ? (severalArchitectures ? String(c.keys.architecture) : "across datasets") : `${String(c.keys.dataset)}${severalArchitectures ? `, ${String(c.keys.architecture)}` : ""}`,
      smallerMB: c.smallerMB,
      largerMB: c.largerMB,
      smallerUsd: c.smallerUsdPerMillion,
      largerUsd: c.largerUsdPerMillion,
      savingPct: c.savingPct,
      clear: c.clear,
    }),
  );
  const rest = cases.length - shown.length;
  return [...across, say.moreMemoryCheaperHeading(cases.length), "", ...shown.map((s) => `- ${s}`), ...(rest > 0 ? [`- ${say.moreMemoryCheaperMore(rest)}`] : [])].join("\n");
}

function costTable(rows: CostRow[], labelOf: (name: string) => string): Block {
  return {
    kind: "table",
    id: "cost",
    title: "Cost per million invocations (USD) per dataset, memory size, runtime and function",
    columns: [...COST_COLUMNS],
    rows: rows.map((r) =>
      Object.fromEntries(
        COST_COLUMNS.map((c): [string, Cell] => {
          const v = c === "runtime" ? labelOf(r.runtime as string) : r[c];
          return [c, typeof v === "number" ? significant(v) : ((v ?? null) as Cell)];
        }),
      ),
    ),
  };
}

const intervalOf = (r: CostRow) => ({ lower: r.usdPerMillionLower!, upper: r.usdPerMillionUpper! });

/** Dollars per million span 10⁻²…10³: six significant digits keep them exact enough and byte-stable. */
function significant(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6));
}
