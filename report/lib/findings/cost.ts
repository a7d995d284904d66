// Cost: dollars per million invocations per dataset, memory size, runtime and function under the
// billing rule in force and the dated price table, with intervals; per setting and function the
// cheapest and dearest runtime (and whether their intervals separate); and where a larger memory
// size costs less than a smaller one.
import type { BillingRuleId } from "../../../runners/dataset/contract.js";
import { runtimeLabels, type Analysis } from "../analysis.js";
import {
  costByGroup,
  loadPriceTable,
  MEMORY_COMPARISON_KEYS,
  moreMemoryCheaper,
  parsePriceTable,
  type CheaperWithMoreMemory,
  type CostRow,
  type PriceTable,
} from "../cost/index.js";
import { GROUP_KEYS } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { overlaps, type BootstrapOptions } from "../uncertainty/index.js";
import { findingKey, type FindingOptions } from "./options.js";

/** The price table in force and how to name it: the user's (validated object or path) or the bundled one. */
export function priceTableOf(prices: FindingOptions["prices"]): { table: PriceTable; shown: string } {
  if (prices === undefined) return { table: loadPriceTable(), shown: "the bundled price table (`report/lib/cost/prices.json`)" };
  if (typeof prices === "string") return { table: loadPriceTable(prices), shown: `the price table \`${prices}\`` };
  return { table: parsePriceTable(prices, "the report's price table (--prices)"), shown: "the price table given with `--prices`" };
}

export interface CostRows {
  rule: BillingRuleId;
  rows: CostRow[];
  prices: ReturnType<typeof priceTableOf>;
}

/**
 * Cost rows of every benchmark function (compared ones and their variants), manifest order; with
 * `intervalFor`, only those groups get an interval (the others null ends).
 */
export function costRows(a: Analysis, bootstrap: BootstrapOptions, options: FindingOptions, intervalFor?: (key: Record<string, unknown>) => boolean): CostRows {
  const compute = (): CostRows => {
    const rule = options.billingRule ?? "as-reported";
    const prices = priceTableOf(options.prices);
    // The analysis table already carries billed ms under `rule` (analysisUnder); costByGroup
    // recomputes from the contract columns the same way, so both agree.
    const rows = costByGroup(a.table, {
      rule,
      prices: prices.table,
      by: GROUP_KEYS,
      uncertainty: { seed: bootstrap.seed, resamples: bootstrap.resamples },
      ...(intervalFor ? { intervalFor } : {}),
    });
    return { rule, rows, prices };
  };
  return intervalFor ? compute() : memo(a, `finding:cost-rows:${JSON.stringify(bootstrap)}:${findingKey(options)}`, compute);
}

/** One setting and function: the cheapest and dearest runtime (one runtime: `dearest` null). */
export interface CostComparison {
  setting: string;
  function: string;
  cheapest: { runtime: string; usd: number };
  dearest: { runtime: string; usd: number } | null;
  /** The two intervals do not overlap. */
  clear: boolean;
}

export interface Cost extends CostRows {
  /** Runtime id → label. */
  labelOf: (name: string) => string;
  /** Functions with cost rows, manifest order. */
  functions: string[];
  severalArchitectures: boolean;
  /** Datasets that each hold other memory sizes are compared across (no size measured twice). */
  pooled: boolean;
  comparisons: CostComparison[];
  /** No group (dataset or pooled, architecture) has two memory sizes. */
  oneMemorySize: boolean;
  /** Larger sizes that cost less than smaller ones, largest saving first per group. */
  moreMemoryCheaper: CheaperWithMoreMemory[];
}

export function cost(a: Analysis, bootstrap: BootstrapOptions, options: FindingOptions): Cost {
  return memo(a, `finding:cost:${JSON.stringify(bootstrap)}:${findingKey(options)}`, () => {
    const costs = costRows(a, bootstrap, options);
    const { rows } = costs;
    const labelOf = runtimeLabels(a.runtimes);
    const functions = a.manifest.functions.map((f) => f.id).filter((f) => rows.some((r) => r.function === f));
    const severalArchitectures = new Set(rows.map((r) => r.architecture)).size > 1;
    const pooled = memorySizesAcrossDatasets(rows);
    const settingOf = (r: CostRow) => a.settings.find((s) => s.dataset === r.dataset && s.memoryMB === r.memoryMB && s.architecture === r.architecture)!.label;
    const comparisons: CostComparison[] = [];
    for (const s of a.settings) {
      for (const fn of functions) {
        const here = rows.filter((r) => settingOf(r) === s.label && r.function === fn).sort((x, y) => x.usdPerMillion - y.usdPerMillion);
        if (here.length === 0) continue;
        const [cheap, dear] = [here[0]!, here[here.length - 1]!];
        const named = (r: CostRow) => ({ runtime: labelOf(r.runtime as string), usd: r.usdPerMillion });
        if (here.length === 1) {
          comparisons.push({ setting: s.label, function: fn, cheapest: named(cheap), dearest: null, clear: false });
          continue;
        }
        const clear = cheap.usdPerMillionUpper === null || dear.usdPerMillionLower === null ? false : !overlaps(intervalOf(cheap), intervalOf(dear));
        comparisons.push({ setting: s.label, function: fn, cheapest: named(cheap), dearest: named(dear), clear });
      }
    }
    const groupOf = (r: CostRow) => (pooled ? r.architecture : `${String(r.dataset)}\u0000${r.architecture}`);
    const sizesPerGroup = new Map<string, Set<number>>();
    for (const r of rows) {
      const k = groupOf(r);
      if (!sizesPerGroup.has(k)) sizesPerGroup.set(k, new Set());
      sizesPerGroup.get(k)!.add(r.memoryMB);
    }
    const oneMemorySize = [...sizesPerGroup.values()].every((s) => s.size < 2);
    const cases = oneMemorySize ? [] : moreMemoryCheaper(rows, pooled ? MEMORY_COMPARISON_KEYS.filter((k) => k !== "dataset") : MEMORY_COMPARISON_KEYS);
    return { ...costs, labelOf, functions, severalArchitectures, pooled, comparisons, oneMemorySize, moreMemoryCheaper: cases };
  });
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

const intervalOf = (r: CostRow) => ({ lower: r.usdPerMillionLower!, upper: r.usdPerMillionUpper! });
