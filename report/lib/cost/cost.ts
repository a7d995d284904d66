// Dollars per million invocations: mean billed GB-seconds × price per GB-s × 10⁶ + price per
// million requests, with billed duration as reported or recomputed under a billing rule.
import type { ColumnTable } from "arquero";
import { billedDurationMs, type BillingRuleId } from "../../../runners/dataset/contract.js";
import { BILLED, gbSeconds, withBilledDuration } from "../metrics/billed.js";
import { GROUP_KEYS } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { groupedValues } from "./grouped-values.js";
import {
  bootstrapOptions,
  hasTrials,
  intervalOfSample,
  TRIAL_COLUMN,
  type BootstrapOptions,
  type Interval,
  type StreamKey,
  type TrialSample,
} from "../uncertainty/index.js";
import { CostError, costMessages } from "./messages.js";
import { priceFor, type ArchitecturePrice, type PriceTable } from "./prices.js";

/** What billing needs of one invocation (contract columns plus the manifest's runtime kind). */
export interface BillableInvocation {
  runtimeKind: "managed" | "custom";
  durationMs: number;
  initDurationMs: number | null;
  billedDurationMs: number;
}

/** Billed ms of one invocation under `rule` ("as-reported" keeps the REPORT line's value). */
export function billedMsUnder(rule: BillingRuleId, inv: BillableInvocation): number {
  return rule === "as-reported" ? inv.billedDurationMs : billedDurationMs(rule, inv.runtimeKind, inv.durationMs, inv.initDurationMs);
}

export interface Cost {
  invocations: number;
  meanBilledMs: number;
  meanGbSeconds: number;
  computeUsdPerMillion: number;
  requestUsdPerMillion: number;
  usdPerMillion: number;
}

/** Cost per million of a mean billed duration at a memory size. */
export function costOfMeanBilled(meanBilledMs: number, memoryMB: number, price: ArchitecturePrice, invocations: number): Cost {
  const meanGbSeconds = gbSeconds(meanBilledMs, memoryMB);
  const computeUsdPerMillion = meanGbSeconds * price.usdPerGbSecond * 1e6;
  return {
    invocations,
    meanBilledMs,
    meanGbSeconds,
    computeUsdPerMillion,
    requestUsdPerMillion: price.usdPerMillionRequests,
    usdPerMillion: computeUsdPerMillion + price.usdPerMillionRequests,
  };
}

/** Cost per million of one group's billed durations (plain arrays). */
export function costPerMillion(group: { memoryMB: number; architecture: string; billedMs: ArrayLike<number> }, prices: PriceTable): Cost {
  const n = group.billedMs.length;
  if (n === 0) throw new CostError(costMessages.noRows(`${group.memoryMB} MB ${group.architecture}`));
  let total = 0;
  for (let i = 0; i < n; i++) total += group.billedMs[i]!;
  return costOfMeanBilled(total / n, group.memoryMB, priceFor(prices, group.architecture), n);
}

export interface CostOptions {
  rule: BillingRuleId;
  prices: PriceTable;
  /** Grouping; must include memoryMB and architecture. Default: dataset, memory, architecture, runtime, function. */
  by?: readonly string[];
  /** Bootstrap of the mean billed duration (false: no interval). */
  uncertainty?: Partial<BootstrapOptions> | false;
  /** Which groups get an interval (default: every group); the others get null ends. */
  intervalFor?: (key: Record<string, unknown>) => boolean;
}

export interface CostRow extends Cost {
  [key: string]: unknown;
  rule: BillingRuleId;
  memoryMB: number;
  architecture: string;
  /** Interval of usdPerMillion (null without uncertainty). */
  usdPerMillionLower: number | null;
  usdPerMillionUpper: number | null;
}

/** One cost row per group of a report table (needs runtimeKind, durationMs, initDurationMs, billedDurationMs, memoryMB, architecture). */
export function costByGroup(table: ColumnTable, options: CostOptions): CostRow[] {
  const by = options.by ?? GROUP_KEYS;
  for (const column of ["memoryMB", "architecture"]) if (!by.includes(column)) throw new CostError(costMessages.missingColumn(`${column} in the grouping`, by));
  const has = table.columnNames();
  for (const column of [...by, "runtimeKind", "durationMs", "initDurationMs", "billedDurationMs"]) {
    if (!has.includes(column)) throw new CostError(costMessages.missingColumn(column, has));
  }
  // Rows grouped once (shared by every rule), values read from the billed copy. withBilledDuration
  // needs an unfiltered table, hence the reified base for filtered input.
  const base = memo(table, "cost-base", () => (table.isFiltered() || table.isOrdered() ? table.reify() : table));
  const billed = memo(base, `billed:${options.rule}`, () => withBilledDuration(base, options.rule));
  const { keys, values: groups } = groupedValues(base, by, BILLED, billed);
  const o = options.uncertainty === false ? null : bootstrapOptions(options.uncertainty ?? {});
  const trials = o ? memo(billed, `cost-trials:${by.join(",")}`, () => trialsOf(base, billed, by, keys, groups)) : [];
  // Each group's interval once per table and options: the Cost section, Memory and cost and the
  // Summary ask for the same ones (in one kernel, the notebooks share the loaded table).
  const intervals = o ? memo(billed, `cost-intervals:${by.join(",")}:${JSON.stringify(o)}`, () => new Map<number, Interval>()) : null;
  const intervalOf = (g: number, stream: StreamKey): Interval => {
    let interval = intervals!.get(g);
    if (!interval) intervals!.set(g, (interval = intervalOfSample(trials[g]!, stat.mean("meanBilledMs"), o!, stream)));
    return interval;
  };
  const rows: CostRow[] = [];
  keys.forEach((key, g) => {
    const sample = groups[g]!;
    if (sample.length === 0) return;
    const memoryMB = key.memoryMB as number;
    const architecture = key.architecture as string;
    const price = priceFor(options.prices, architecture);
    const cost = costPerMillion({ memoryMB, architecture, billedMs: sample }, options.prices);
    // Cost is linear in the mean billed duration, so its interval is the mean's interval mapped
    // through. A mean's replicates do not need the sample sorted, so no sort is paid here.
    const interval = o && (options.intervalFor?.(key) ?? true) ? intervalOf(g, [options.rule, BILLED, ...by.map((b) => key[b] as string | number)]) : null;
    rows.push({
      ...key,
      ...cost,
      rule: options.rule,
      memoryMB,
      architecture,
      usdPerMillionLower: interval ? costOfMeanBilled(interval.lower, memoryMB, price, sample.length).usdPerMillion : null,
      usdPerMillionUpper: interval ? costOfMeanBilled(interval.upper, memoryMB, price, sample.length).usdPerMillion : null,
    });
  });
  return rows;
}

/**
 * Each group's billed values split by trial (a mean needs no order, so nothing is sorted). The
 * groups of `by` and of `by` + trial are numbered by first appearance, so a group's trials are
 * found by its key.
 */
function trialsOf(
  base: ColumnTable,
  billed: ColumnTable,
  by: readonly string[],
  keys: readonly Record<string, unknown>[],
  pooled: Float64Array[],
): TrialSample[] {
  const one = pooled.map((values) => ({ pooled: values, trials: [values] }));
  if (!hasTrials(base)) return one;
  const split = groupedValues(base, [...by, TRIAL_COLUMN], BILLED, billed);
  const keyOf = (k: Record<string, unknown>) => JSON.stringify(by.map((b) => k[b]));
  const index = new Map(keys.map((k, g) => [keyOf(k), g]));
  const trials: Float64Array[][] = keys.map(() => []);
  split.keys.forEach((k, i) => {
    if (split.values[i]!.length > 0) trials[index.get(keyOf(k))!]!.push(split.values[i]!);
  });
  return one.map((s, g) => (trials[g]!.length > 1 ? { pooled: s.pooled, trials: trials[g]! } : s));
}
