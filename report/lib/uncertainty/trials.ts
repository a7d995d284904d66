// A group's values split by trial (DESIGN.md "Protocol": a run is trials × segments). The
// two-level bootstrap resamples trials, then invocations within them; with one trial it is the
// ordinary bootstrap of the pooled values. A table without a `trial` column is one trial.
import type { ColumnTable } from "arquero";
import { dataColumn, groupRows } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { sortFloat64InPlace } from "../metrics/sort.js";
import { sortedGroups } from "../metrics/statistics.js";

/** The contract's column (runners/dataset/contract.ts): 1-based trial number. */
export const TRIAL_COLUMN = "trial";

export interface TrialSample {
  /** Every value of the group, sorted ascending (the point estimate is computed on these). */
  pooled: Float64Array;
  /** The values of each trial that has any, sorted ascending, in trial order. One entry when there is one trial. */
  trials: Float64Array[];
}

/** A sample of one trial (the pooled values are the trial's). */
export const singleTrial = (sorted: Float64Array): TrialSample => ({ pooled: sorted, trials: [sorted] });

/** A sample from per-trial values (each sorted ascending); empty trials are dropped. */
export function trialSample(trials: readonly Float64Array[]): TrialSample {
  const present = trials.filter((t) => t.length > 0);
  if (present.length === 1) return singleTrial(present[0]!);
  const pooled = new Float64Array(present.reduce((n, t) => n + t.length, 0));
  let at = 0;
  for (const t of present) {
    pooled.set(t, at);
    at += t.length;
  }
  return { pooled: sortFloat64InPlace(pooled), trials: present };
}

/** Whether the table holds more than one trial (a column of one value is one trial; cached per table). */
export function hasTrials(table: ColumnTable): boolean {
  return memo(table, "hasTrials", () => {
    if (!table.columnNames().includes(TRIAL_COLUMN)) return false;
    const values = dataColumn(table, TRIAL_COLUMN);
    for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return true;
    return false;
  });
}

/**
 * Per group of `by`: the group's values of `value` by trial (cached per table). Groups and their
 * pooled values are the point statistics' own (sortedGroups), so both read the same numbers.
 */
export function trialGroups(table: ColumnTable, by: readonly string[], value: string): { keys: Record<string, unknown>[]; samples: TrialSample[] } {
  return memo(table, `trialGroups:${by.join(",")}:${value}`, () => {
    const pooled = sortedGroups(table, by, value);
    if (!hasTrials(table)) return { keys: pooled.keys, samples: pooled.sorted.map(singleTrial) };
    const split = sortedGroups(table, [...by, TRIAL_COLUMN], value);
    const keyOf = (k: Record<string, unknown>) => JSON.stringify(by.map((b) => k[b]));
    const byGroup = new Map<string, { trial: number; values: Float64Array }[]>();
    split.keys.forEach((k, i) => {
      const key = keyOf(k);
      const list = byGroup.get(key) ?? [];
      list.push({ trial: Number(k[TRIAL_COLUMN]), values: split.sorted[i]! });
      byGroup.set(key, list);
    });
    const samples = pooled.keys.map((k, g) => {
      const trials = (byGroup.get(keyOf(k)) ?? [])
        .sort((x, y) => x.trial - y.trial)
        .map((t) => t.values)
        .filter((t) => t.length > 0);
      // The pooled array is the point statistics' own: the estimate is the same number either way.
      return trials.length <= 1 ? singleTrial(pooled.sorted[g]!) : { pooled: pooled.sorted[g]!, trials };
    });
    return { keys: pooled.keys, samples };
  });
}

/** Distinct trial numbers per group of `by` (1 everywhere when the table has no trial column). */
export function trialCounts(table: ColumnTable, by: readonly string[]): { keys: Record<string, unknown>[]; counts: number[] } {
  return memo(table, `trialCounts:${by.join(",")}`, () => {
    if (!hasTrials(table)) {
      const { keys } = groupRows(table, by);
      return { keys, counts: keys.map(() => 1) };
    }
    const { keys, sorted } = sortedGroups(table, by, TRIAL_COLUMN);
    return { keys, counts: sorted.map((s) => new Set(s).size) };
  });
}

/** The fewest and the most trials any group has: what the notes and the Method section describe. */
export interface TrialScope {
  min: number;
  max: number;
}

export function trialScope(table: ColumnTable, by: readonly string[]): TrialScope {
  const { counts } = trialCounts(table, by);
  return counts.length === 0 ? { min: 1, max: 1 } : { min: Math.min(...counts), max: Math.max(...counts) };
}
