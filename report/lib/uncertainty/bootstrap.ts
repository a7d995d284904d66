// Percentile-bootstrap confidence intervals for a statistic of one sample (plain arrays) or of
// every group of an arquero table (the report's tables).
import type { ColumnTable } from "arquero";
import { memo } from "../metrics/memo.js";
import { sortedGroups, tableFromRows } from "../metrics/statistics.js";
import { intervalFromReplicates, type Interval } from "./interval.js";
import { bootstrapOptions, type BootstrapOptions } from "./options.js";
import { deriveSeed, seededRandom } from "./random.js";
import { bootstrapReplicates } from "./replicates.js";
import { sortedSample } from "./sample.js";
import { estimateOfSorted, isExtreme, type Statistic } from "./statistic.js";

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

/** Interval for `statistic` of `values` (nulls not allowed; at least one value). */
export function bootstrapInterval(values: ArrayLike<number>, statistic: Statistic, options: IntervalOptions = {}): Interval {
  const o = bootstrapOptions(options);
  const sorted = sortedSample(values, statistic.name);
  return intervalOfSorted(sorted, statistic, o, options.stream ?? []);
}

/** Interval of a sample already checked and sorted ascending (the hot path for tables). */
export function intervalOfSorted(sorted: Float64Array, statistic: Statistic, o: BootstrapOptions, stream: StreamKey): Interval {
  const random = seededRandom(streamSeed(o.seed, stream, statistic));
  const replicates = bootstrapReplicates(sorted, statistic, o.resamples, random, o.method);
  return intervalFromReplicates(estimateOfSorted(sorted, statistic), replicates, o.confidence, isExtreme(statistic));
}

/** Column names for a statistic's interval in bootstrapSummary: `<name>`, `<name>Lower`, `<name>Upper`. */
export const lowerColumn = (name: string) => `${name}Lower`;
export const upperColumn = (name: string) => `${name}Upper`;

/**
 * Like metrics' summarise, with an interval per statistic: one row per group of `by`, columns
 * `<stat>`, `<stat>Lower`, `<stat>Upper` (null for a group with no values). Cached per table.
 */
export function bootstrapSummary(table: ColumnTable, by: readonly string[], value: string, stats: readonly Statistic[], options: Partial<BootstrapOptions> = {}): ColumnTable {
  const o = bootstrapOptions(options);
  const key = `bootstrap:${by.join(",")}:${value}:${JSON.stringify(stats)}:${JSON.stringify(o)}`;
  return memo(table, key, () => {
    const { keys, sorted } = sortedGroups(table, by, value);
    const rows = keys.map((k, g) => {
      const row: Record<string, unknown> = { ...k };
      const sample = sorted[g]!;
      for (const s of stats) {
        if (sample.length === 0) continue;
        const interval = intervalOfSorted(sample, s, o, [value, ...by.map((b) => k[b] as string | number)]);
        row[s.name] = interval.estimate;
        row[lowerColumn(s.name)] = interval.lower;
        row[upperColumn(s.name)] = interval.upper;
      }
      return row;
    });
    return tableFromRows(rows, [...by, ...stats.flatMap((s) => [s.name, lowerColumn(s.name), upperColumn(s.name)])]);
  });
}
