// The memory sweep's numbers, computed once per analysis: for each (architecture, runtime,
// function) "line", one point per memory size (the first dataset holding that size, as the
// Mitigations section picks them) with p50, p99 and max Total Duration and their intervals, the
// cost per million with its interval, power-tuning's averages, the frontier flag; and each
// strategy's pick on power-tuning's averages and on p99 with intervals.
import { runtimeLabels, type Analysis } from "../analysis.js";
import { priceFor } from "../cost/index.js";
import { BILLED } from "../metrics/billed.js";
import { GROUP_KEYS } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { sortedGroups, stat } from "../metrics/statistics.js";
import { TOTAL_DURATION } from "../metrics/total-duration.js";
import {
  averagePrice,
  DEFAULT_BALANCED_WEIGHT,
  paretoFrontier,
  pickWithIntervals,
  recommend,
  STRATEGIES,
  trimmedMeanOfSorted,
  type Strategy,
} from "../recommend/index.js";
import {
  bootstrapOptions,
  bootstrapSummary,
  estimateOfSorted,
  intervalOfSample,
  lowerColumn,
  trialGroups,
  upperColumn,
  type BootstrapOptions,
} from "../uncertainty/index.js";
import { costRows } from "./cost.js";
import type { FindingOptions } from "./options.js";
import { settingsBySize } from "./memory-sizes.js";

export const LATENCY_STATS = [stat.percentile(0.5, "p50"), stat.percentile(0.99, "p99"), stat.max("max")] as const;

export interface SweepPoint {
  dataset: string;
  architecture: string;
  runtimeId: string;
  runtime: string;
  function: string;
  memoryMB: number;
  invocations: number;
  p50: number;
  p50Lower: number;
  p50Upper: number;
  p99: number;
  p99Lower: number;
  p99Upper: number;
  max: number;
  maxLower: number;
  maxUpper: number;
  usdPerMillion: number;
  usdPerMillionLower: number;
  usdPerMillionUpper: number;
  /** power-tuning's averageDuration: 20 % trimmed mean of Total Duration (ms). */
  ptAverageDurationMs: number;
  /** power-tuning's averagePrice: ⌈trimmed mean billed ms⌉ at this size, USD per invocation (no request fee). */
  ptAveragePriceUsd: number;
  /** On the cost/speed frontier of its line (cost per million against p50). */
  onFrontier: boolean;
}

export type Basis = "power-tuning averages" | "p99";

export interface Recommendation {
  architecture: string;
  runtimeId: string;
  runtime: string;
  function: string;
  strategy: Strategy;
  basis: Basis;
  memoryMB: number;
  /** p99 basis only: the size ranked second, and whether the pick is clear of it. */
  runnerUpMB: number | null;
  clear: boolean | null;
}

export interface SweepLine {
  architecture: string;
  runtimeId: string;
  runtime: string;
  function: string;
  points: SweepPoint[];
  recommendations: Recommendation[];
}

export interface Sweep {
  lines: SweepLine[];
  /** Largest number of memory sizes of any line. */
  maxSizes: number;
  balancedWeight: number;
}

/**
 * "all": every point's intervals (the section draws them). "picks": only the intervals the
 * tail-aware verdicts read — p99 and cost at each strategy's best and runner-up sizes (which the
 * estimates decide) — the other ends set to their estimates: the same picks and verdicts for
 * less bootstrap work (the Summary).
 */
export type CostIntervals = "all" | "picks";

export function memorySweep(a: Analysis, bootstrap: BootstrapOptions, options: FindingOptions, costIntervals: CostIntervals = "all"): Sweep {
  const balancedWeight = options.balancedWeight ?? DEFAULT_BALANCED_WEIGHT;
  const key = `memorySweep:${JSON.stringify(bootstrap)}:${options.billingRule ?? ""}:${JSON.stringify(options.prices ?? null)}:${balancedWeight}:${costIntervals}`;
  return memo(a, key, () => {
    if (costIntervals === "all") return compute(a, bootstrap, options, balancedWeight, undefined);
    const estimates = compute(a, bootstrap, options, balancedWeight, () => false);
    const needed = new Set(
      estimates.lines.flatMap((l) =>
        l.recommendations
          .filter((r) => r.basis === "p99")
          .flatMap((r) =>
            [r.memoryMB, r.runnerUpMB]
              .filter((m): m is number => m !== null)
              .map((m) =>
                groupId({
                  dataset: l.points.find((p) => p.memoryMB === m)!.dataset,
                  memoryMB: m,
                  architecture: l.architecture,
                  runtime: l.runtimeId,
                  function: l.function,
                }),
              ),
          ),
      ),
    );
    return compute(a, bootstrap, options, balancedWeight, (k) => needed.has(groupId(k)));
  });
}

const groupId = (k: Record<string, unknown>) => JSON.stringify(GROUP_KEYS.map((c) => k[c]));

function compute(
  a: Analysis,
  bootstrap: BootstrapOptions,
  options: FindingOptions,
  balancedWeight: number,
  intervalFor: ((key: Record<string, unknown>) => boolean) | undefined,
): Sweep {
  const id = groupId;
  const latency = latencyOf(a, bootstrap, intervalFor);
  const { rows: costs, prices } = costRows(a, bootstrap, options, intervalFor);
  const cost = new Map(costs.map((r) => [id(r), r]));
  // Sorted once per table (the latency intervals' groups are these same arrays): the trimmed means read them as they are.
  const durations = sortedGroups(a.table, GROUP_KEYS, TOTAL_DURATION);
  const billed = sortedGroups(a.table, GROUP_KEYS, BILLED);
  const durationsOf = new Map(durations.keys.map((k, g) => [id(k), durations.sorted[g]!]));
  const billedOf = new Map(billed.keys.map((k, g) => [id(k), billed.sorted[g]!]));
  const labelOf = runtimeLabels(a.runtimes);
  const functionOrder = a.manifest.functions.map((f) => f.id);
  const functions = functionOrder.filter((f) => costs.some((r) => r.function === f));
  const architectures = [...new Set(a.settings.map((s) => s.architecture))];

  const lines: SweepLine[] = [];
  for (const architecture of architectures) {
    const sizes = settingsBySize(a, architecture);
    for (const r of a.runtimes) {
      for (const fn of functions) {
        const points: Omit<SweepPoint, "onFrontier">[] = [];
        for (const s of sizes) {
          const k = id({ dataset: s.dataset, memoryMB: s.memoryMB, architecture, runtime: r.id, function: fn });
          const l = latency.get(k);
          const c = cost.get(k);
          const d = durationsOf.get(k);
          const b = billedOf.get(k);
          if (!l || !c || !d?.length || !b?.length || l.p50 == null) continue;
          const num = (name: string) => l[name] as number;
          points.push({
            dataset: s.dataset,
            architecture,
            runtimeId: r.id,
            runtime: labelOf(r.id),
            function: fn,
            memoryMB: s.memoryMB,
            invocations: d.length,
            ...Object.fromEntries(LATENCY_STATS.flatMap((st) => [st.name, `${st.name}Lower`, `${st.name}Upper`].map((n) => [n, num(n)]))),
            usdPerMillion: c.usdPerMillion,
            usdPerMillionLower: c.usdPerMillionLower ?? c.usdPerMillion,
            usdPerMillionUpper: c.usdPerMillionUpper ?? c.usdPerMillion,
            ptAverageDurationMs: trimmedMeanOfSorted(d),
            ptAveragePriceUsd: averagePrice(trimmedMeanOfSorted(b), s.memoryMB, priceFor(prices.table, architecture).usdPerGbSecond),
          } as Omit<SweepPoint, "onFrontier">);
        }
        if (points.length === 0) continue;
        const frontier = new Set(paretoFrontier(points.map((p) => ({ memoryMB: p.memoryMB, cost: p.usdPerMillion, duration: p.p50 }))).map((p) => p.memoryMB));
        const withFrontier = points.map((p) => ({ ...p, onFrontier: frontier.has(p.memoryMB) }));
        lines.push({
          architecture,
          runtimeId: r.id,
          runtime: labelOf(r.id),
          function: fn,
          points: withFrontier,
          recommendations: recommendationsOf(withFrontier, balancedWeight),
        });
      }
    }
  }
  return { lines, maxSizes: Math.max(0, ...lines.map((l) => l.points.length)), balancedWeight };
}

/**
 * Per group, every latency statistic's estimate and interval; with `intervalFor`, only p99's
 * interval and only for those groups (the same interval, from the same stream, as the table's
 * summary gives), every other end at its estimate.
 */
function latencyOf(
  a: Analysis,
  bootstrap: BootstrapOptions,
  intervalFor: ((key: Record<string, unknown>) => boolean) | undefined,
): Map<string, Record<string, unknown>> {
  if (!intervalFor) {
    const summary = bootstrapSummary(a.table, GROUP_KEYS, TOTAL_DURATION, LATENCY_STATS, bootstrap).objects() as Record<string, unknown>[];
    return new Map(summary.map((r) => [groupId(r), r]));
  }
  const o = bootstrapOptions(bootstrap);
  const rows = new Map<string, Record<string, unknown>>();
  const { keys, samples } = trialGroups(a.table, GROUP_KEYS, TOTAL_DURATION);
  keys.forEach((k, g) => {
    const row: Record<string, unknown> = { ...k };
    rows.set(groupId(k), row);
    const sample = samples[g]!;
    if (sample.pooled.length === 0) return;
    for (const s of LATENCY_STATS) {
      const interval =
        s.name === "p99" && intervalFor(k) ? intervalOfSample(sample, s, o, [TOTAL_DURATION, ...GROUP_KEYS.map((c) => k[c] as string | number)]) : null;
      const estimate = interval?.estimate ?? estimateOfSorted(sample.pooled, s);
      Object.assign(row, { [s.name]: estimate, [lowerColumn(s.name)]: interval?.lower ?? estimate, [upperColumn(s.name)]: interval?.upper ?? estimate });
    }
  });
  return rows;
}

/** Each strategy on power-tuning's averages and on p99 (cost per million with the p99), for a line with ≥ 2 sizes. */
function recommendationsOf(points: SweepPoint[], weight: number): Recommendation[] {
  if (points.length < 2) return [];
  const head = points[0]!;
  const base = { architecture: head.architecture, runtimeId: head.runtimeId, runtime: head.runtime, function: head.function };
  const averages = points.map((p) => ({ power: p.memoryMB, cost: p.ptAveragePriceUsd, duration: p.ptAverageDurationMs }));
  const tail = points.map((p) => ({
    power: p.memoryMB,
    cost: p.usdPerMillion,
    costLower: p.usdPerMillionLower,
    costUpper: p.usdPerMillionUpper,
    duration: p.p99,
    durationLower: p.p99Lower,
    durationUpper: p.p99Upper,
  }));
  return STRATEGIES.flatMap((strategy): Recommendation[] => {
    const out: Recommendation[] = [];
    const plain = recommend(averages, strategy, weight);
    if (plain) out.push({ ...base, strategy, basis: "power-tuning averages", memoryMB: plain.power, runnerUpMB: null, clear: null });
    const picked = pickWithIntervals(tail, strategy, weight);
    if (picked) out.push({ ...base, strategy, basis: "p99", memoryMB: picked.best.power, runnerUpMB: picked.runnerUp?.power ?? null, clear: picked.clear });
    return out;
  });
}
