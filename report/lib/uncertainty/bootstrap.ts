// Bootstrap confidence intervals for a statistic of one sample (plain arrays, or split by trial)
// or of every group of an arquero table (the report's tables; split by its `trial` column).
import type { ColumnTable } from "arquero";
import { memo } from "../metrics/memo.js";
import { tableFromRows } from "../metrics/statistics.js";
import { calibratedInterval } from "./calibrate.js";
import { lowerColumn, upperColumn } from "./columns.js";
import { drawReplicates } from "./draws.js";
import type { Interval } from "./interval.js";
import { bootstrapOptions, type BootstrapOptions } from "./options.js";
import { orderStatisticInterval } from "./order-statistic.js";
import { deriveSeed, seededRandom } from "./random.js";
import { sortedSample } from "./sample.js";
import { estimateOfSorted, isExtreme, type Statistic } from "./statistic.js";
import { singleTrial, trialGroups, trialSample, type TrialSample } from "./trials.js";

/** Names one random stream: the same stream (and seed) always gives the same interval. */
export type StreamKey = readonly (string | number | boolean | null)[];

export interface IntervalOptions extends Partial<BootstrapOptions> {
  /** Distinguishes independent samples bootstrapped with the same seed (e.g. the group's keys). */
  stream?: StreamKey;
}

/** The stream of one statistic of one sample: independent of the order samples are processed in. */
export function streamSeed(seed: number, stream: StreamKey, statistic: Statistic): number {
  return deriveSeed(seed, ...stream.map((k) => JSON.stringify(k)), statistic.kind, statistic.kind === "percentile" ? statistic.p : "");
}

/**
 * Interval for `statistic` of `values` (nulls not allowed; at least one value). An array of
 * arrays is one sample per trial: two or more give the two-level interval.
 */
export function bootstrapInterval(values: ArrayLike<number> | readonly ArrayLike<number>[], statistic: Statistic, options: IntervalOptions = {}): Interval {
  const o = bootstrapOptions(options);
  const sample =
    Array.isArray(values) && values.length > 0 && typeof values[0] !== "number"
      ? trialSample((values as readonly ArrayLike<number>[]).map((v) => sortedSample(v, statistic.name)))
      : singleTrial(sortedSample(values as ArrayLike<number>, statistic.name));
  return intervalOfSample(sample, statistic, o, options.stream ?? []);
}

/** Interval of a one-trial sample already checked and sorted ascending. */
export function intervalOfSorted(sorted: Float64Array, statistic: Statistic, o: BootstrapOptions, stream: StreamKey): Interval {
  return intervalOfSample(singleTrial(sorted), statistic, o, stream);
}

/**
 * Interval of a sample whose trials are checked and sorted ascending (the hot path for tables): the
 * exact order-statistic interval where its rule applies (order-statistic.ts), else the bootstrap.
 */
export function intervalOfSample(sample: TrialSample, statistic: Statistic, o: BootstrapOptions, stream: StreamKey): Interval {
  const exact = orderStatisticInterval(sample, statistic, o);
  if (exact) return exact;
  const random = seededRandom(streamSeed(o.seed, stream, statistic));
  const { replicates, calibration } = drawReplicates(sample, statistic, o, random);
  const interval = calibratedInterval(estimateOfSorted(sample.pooled, statistic), replicates, o.confidence, isExtreme(statistic), calibration.df);
  return withinDataRange(interval, sample.pooled, statistic);
}

const LOCATION_KINDS: ReadonlySet<Statistic["kind"]> = new Set(["median", "percentile", "mean", "max", "min"]);

/**
 * A percentile, extreme or mean of any resample lies within the data's range; the few-trials
 * calibration (variance rescaling, Student t) can stretch an end past it (a negative lower bound
 * on a maximum of durations), so the ends are cut back to the range.
 */
function withinDataRange(interval: Interval, pooled: Float64Array, statistic: Statistic): Interval {
  if (!LOCATION_KINDS.has(statistic.kind) || pooled.length === 0) return interval;
  // Scanned, not read off the ends: a mean's sample is not sorted (report/lib/cost/cost.ts).
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = 0; i < pooled.length; i++) {
    const x = pooled[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const clamp = (x: number) => (Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : x);
  return { ...interval, lower: clamp(interval.lower), upper: clamp(interval.upper) };
}

/** Column names for a statistic's interval in bootstrapSummary: `<name>`, `<name>Lower`, `<name>Upper`. */
export { lowerColumn, upperColumn };

/**
 * Like metrics' summarise, with an interval per statistic (two-level where a group has several trials): one row per group of `by`, columns
 * `<stat>`, `<stat>Lower`, `<stat>Upper` (null for a group with no values). Cached per table, and
 * each statistic's intervals on their own, so sections asking for one statistic in different lists
 * (in one kernel, the notebooks share the loaded table) compute it once.
 */
export function bootstrapSummary(
  table: ColumnTable,
  by: readonly string[],
  value: string,
  stats: readonly Statistic[],
  options: Partial<BootstrapOptions> = {},
): ColumnTable {
  const o = bootstrapOptions(options);
  const key = `bootstrap:${by.join(",")}:${value}:${JSON.stringify(stats)}:${JSON.stringify(o)}`;
  return memo(table, key, () => {
    const { keys } = trialGroups(table, by, value);
    const intervals = stats.map((s) => groupIntervals(table, by, value, s, o));
    const rows = keys.map((k, g) => {
      const row: Record<string, unknown> = { ...k };
      stats.forEach((s, i) => {
        const interval = intervals[i]![g];
        if (!interval) return;
        row[s.name] = interval.estimate;
        row[lowerColumn(s.name)] = interval.lower;
        row[upperColumn(s.name)] = interval.upper;
      });
      return row;
    });
    return tableFromRows(rows, [...by, ...stats.flatMap((s) => [s.name, lowerColumn(s.name), upperColumn(s.name)])]);
  });
}

/** Each group's interval of one statistic (null for a group with no values), cached per table; the name plays no part. */
function groupIntervals(table: ColumnTable, by: readonly string[], value: string, s: Statistic, o: BootstrapOptions): (Interval | null)[] {
  const key = `bootstrap-statistic:${by.join(",")}:${value}:${s.kind}:${s.kind === "percentile" ? s.p : ""}:${JSON.stringify(o)}`;
  return memo(table, key, () => {
    const { keys, samples } = trialGroups(table, by, value);
    return keys.map((k, g) =>
      samples[g]!.pooled.length === 0 ? null : intervalOfSample(samples[g]!, s, o, [value, ...by.map((b) => k[b] as string | number)]),
    );
  });
}
