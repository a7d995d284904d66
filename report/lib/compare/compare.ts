// Run-to-run comparison: for every group both runs measured and every metric, the change
// (candidate − baseline), its bootstrap interval (both runs resampled independently; two-level
// where a run has several trials) and a verdict.
import type { ColumnTable } from "arquero";
import type { BillingRuleId } from "../../../runners/dataset/contract.js";
import { withBilledDuration } from "../metrics/billed.js";
import { COLD_START, withColdStart } from "../metrics/cold-start.js";
import { memo } from "../metrics/memo.js";
import { sortedGroups } from "../metrics/statistics.js";
import { TOTAL_DURATION, withTotalDuration } from "../metrics/total-duration.js";
import {
  bootstrapOptions,
  calibratedInterval,
  combinedDf,
  drawReplicates,
  estimateOfSorted,
  isExtreme,
  seededRandom,
  streamSeed,
  trialGroups,
  trialScope,
  type BootstrapOptions,
  type Interval,
  type TrialSample,
  type TrialScope,
} from "../uncertainty/index.js";
import { CompareError, compareMessages } from "./messages.js";
import { COMPARISON_KEYS, COMPARISON_METRICS, type ComparisonMetric } from "./metrics.js";
import { exceedance, type Exceedance } from "./exceedance.js";
import { verdictOf, type ChangeVerdict } from "./verdict.js";

export interface CompareOptions {
  /** Smallest relative change that counts (fraction of the baseline). Default 0.05. */
  minEffect?: number;
  /** Billed duration as reported or recomputed (default "as-reported"). */
  rule?: BillingRuleId;
  metrics?: readonly ComparisonMetric[];
  keys?: readonly string[];
  uncertainty?: Partial<BootstrapOptions>;
}

export const DEFAULT_MIN_EFFECT = 0.05;

export interface Change {
  /** Values of the comparison keys (memoryMB, architecture, runtime, function). */
  group: Record<string, unknown>;
  metric: string;
  label: string;
  unit: string;
  baseline: Interval;
  candidate: Interval;
  /** candidate − baseline, with its interval. */
  change: Interval;
  /** change / baseline estimate; null when the baseline is 0. */
  relative: number | null;
  /** Maxima only: the exact exceedance counts the verdict rests on. */
  exceedance?: Exceedance;
  verdict: ChangeVerdict;
}

export interface Comparison {
  changes: Change[];
  /** Groups only one run has (listed, not compared). */
  onlyInBaseline: Record<string, unknown>[];
  onlyInCandidate: Record<string, unknown>[];
  options: {
    minEffect: number;
    rule: BillingRuleId;
    bootstrap: BootstrapOptions;
    /** Exceedance level maxima must reach: (1 − confidence)/2 over the number of maxima compared (Bonferroni). */
    maxLevel: number;
    /** The fewest and most trials of any group in each run. */
    trials: { baseline: TrialScope; candidate: TrialScope };
  };
}

/** Compares two invocation tables (contract columns plus runtimeKind, e.g. Datasets.invocations or Analysis.table). */
export function compareRuns(baseline: ColumnTable, candidate: ColumnTable, options: CompareOptions = {}): Comparison {
  const minEffect = options.minEffect ?? DEFAULT_MIN_EFFECT;
  if (!(typeof minEffect === "number" && minEffect >= 0 && Number.isFinite(minEffect))) throw new CompareError(compareMessages.badMinEffect(minEffect));
  const rule = options.rule ?? "as-reported";
  const metrics = options.metrics ?? COMPARISON_METRICS;
  const keys = options.keys ?? COMPARISON_KEYS;
  const o = bootstrapOptions(options.uncertainty ?? {});
  const base = prepared(baseline, "baseline", rule, keys);
  const cand = prepared(candidate, "candidate", rule, keys);

  const keyOf = (k: Record<string, unknown>) => JSON.stringify(keys.map((c) => k[c]));
  const changes: Change[] = [];
  const groupsOf = (t: ColumnTable) => sortedGroups(t, keys, metrics[0]?.column ?? TOTAL_DURATION).keys;
  const baseKeys = new Map(groupsOf(base).map((k) => [keyOf(k), k]));
  const candKeys = new Map(groupsOf(cand).map((k) => [keyOf(k), k]));
  const common = [...baseKeys.keys()].filter((k) => candKeys.has(k));
  if (common.length === 0) throw new CompareError(compareMessages.nothingInCommon());

  for (const metric of metrics) {
    const b = indexed(trialGroups(base, keys, metric.column), keyOf);
    const c = indexed(trialGroups(cand, keys, metric.column), keyOf);
    for (const k of common) {
      const bs = b.get(k);
      const cs = c.get(k);
      if (!bs?.pooled.length || !cs?.pooled.length) continue;
      const group = baseKeys.get(k)!;
      const stream = [metric.column, ...keys.map((key) => group[key] as string | number)];
      const draw = (side: string, sample: TrialSample) =>
        drawReplicates(sample, metric.statistic, o, seededRandom(streamSeed(o.seed, [side, ...stream], metric.statistic)));
      const bd = draw("baseline", bs);
      const cd = draw("candidate", cs);
      const [br, cr] = [bd.replicates, cd.replicates];
      const be = estimateOfSorted(bs.pooled, metric.statistic);
      const ce = estimateOfSorted(cs.pooled, metric.statistic);
      const diff = new Float64Array(o.resamples);
      for (let i = 0; i < o.resamples; i++) diff[i] = cr[i]! - br[i]!;
      const extreme = isExtreme(metric.statistic);
      const df = combinedDf([bd, cd].map((d) => ({ contribution: d.calibration.variance, df: d.calibration.df })));
      const change = calibratedInterval(ce - be, diff, o.confidence, extreme, df);
      const baselineInterval = calibratedInterval(be, br, o.confidence, extreme, bd.calibration.df);
      const candidateInterval = calibratedInterval(ce, cr, o.confidence, extreme, cd.calibration.df);
      const relative = be === 0 ? null : (ce - be) / be;
      changes.push({
        group,
        metric: metric.id,
        label: metric.label,
        unit: metric.unit,
        baseline: baselineInterval,
        candidate: candidateInterval,
        change,
        relative,
        ...(extreme ? { exceedance: exceedance(bs.pooled, cs.pooled) } : {}),
        verdict: "no clear difference",
      });
    }
  }
  // Maxima are many and noisy (a max of Cold Start rests on a handful of cold invocations): their
  // exact test is corrected for how many are made, so noise alone flags none with probability ≥ confidence.
  const maxima = changes.filter((c) => c.exceedance).length;
  const maxLevel = (1 - o.confidence) / 2 / Math.max(1, maxima);
  for (const c of changes) c.verdict = verdictOf(c, minEffect, maxLevel);
  return {
    changes,
    onlyInBaseline: [...baseKeys].filter(([k]) => !candKeys.has(k)).map(([, v]) => v),
    onlyInCandidate: [...candKeys].filter(([k]) => !baseKeys.has(k)).map(([, v]) => v),
    options: { minEffect, rule, bootstrap: o, maxLevel, trials: { baseline: trialScope(base, keys), candidate: trialScope(cand, keys) } },
  };
}

/** The changes with the largest relative size (regressions and improvements first), for the figure. */
export function largestChanges(changes: readonly Change[], count: number): Change[] {
  const rank = (c: Change) => (c.verdict === "no clear difference" ? 1 : 0);
  return [...changes]
    .filter((c) => c.relative !== null)
    .sort((a, b) => rank(a) - rank(b) || Math.abs(b.relative!) - Math.abs(a.relative!))
    .slice(0, count);
}

/** The table with every metric column the comparison reads (billed recomputed under `rule`). */
function prepared(table: ColumnTable, side: string, rule: BillingRuleId, keys: readonly string[]): ColumnTable {
  const has = table.columnNames();
  for (const column of [...keys, "durationMs", "initDurationMs", "billedDurationMs", "maxMemoryUsedMB", "runtimeKind"]) {
    if (!has.includes(column)) throw new CompareError(compareMessages.missingColumn(side, column, has));
  }
  return memo(table, `compare:${rule}`, () => {
    // The metric builders add full-length columns, which a filtered table cannot take.
    const base = table.isFiltered() || table.isOrdered() ? table.reify() : table;
    let t = has.includes(TOTAL_DURATION) ? base : withTotalDuration(base);
    if (!has.includes(COLD_START)) t = withColdStart(t);
    // Billed is always recomputed: the caller's column may follow another rule.
    return withBilledDuration(t, rule);
  });
}

function indexed(groups: { keys: Record<string, unknown>[]; samples: TrialSample[] }, keyOf: (k: Record<string, unknown>) => string): Map<string, TrialSample> {
  return new Map(groups.keys.map((k, i) => [keyOf(k), groups.samples[i]!]));
}
