// The concurrency gain (metrics/concurrency-gain.ts: median(base) / median(variant) − 1, in %)
// with a bootstrap interval: both medians are resampled independently, each replicate's gain is
// computed from the two replicates, and the interval's degrees of freedom combine the two sides'.
import type { ColumnTable } from "arquero";
import { concurrencyGain, type VariantPair } from "../metrics/concurrency-gain.js";
import { SETTING_KEYS } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { stat } from "../metrics/statistics.js";
import { calibratedInterval, combinedDf } from "./calibrate.js";
import { drawReplicates } from "./draws.js";
import type { Interval } from "./interval.js";
import type { BootstrapOptions } from "./options.js";
import { deriveSeed, seededRandom } from "./random.js";
import { estimateOfSorted } from "./statistic.js";
import { trialGroups, type TrialSample } from "./trials.js";

/** One row of the point metric (setting keys, runtime, pair, medians, gain) with the gain's interval. */
export interface ConcurrencyGainInterval {
  dataset: string;
  memoryMB: number;
  architecture: string;
  runtime: string;
  base: string;
  variant: string;
  baseMedianMs: number;
  variantMedianMs: number;
  gainPct: number | null;
  gainPctLower: number | null;
  gainPctUpper: number | null;
}

/** Concurrency gains of `value` per setting × runtime × pair, each with its interval (cached per table). */
export function concurrencyGainIntervals(table: ColumnTable, pairs: readonly VariantPair[], value: string, o: BootstrapOptions): ConcurrencyGainInterval[] {
  return memo(table, `concurrencyGainIntervals:${JSON.stringify(pairs)}:${value}:${JSON.stringify(o)}`, () => {
    const groupKeys = [...SETTING_KEYS, "runtime", "function"];
    // The same grouping the medians are computed from (cached per table).
    const { keys, samples } = trialGroups(table, groupKeys, value);
    const sampleOf = new Map(keys.map((k, i) => [JSON.stringify(groupKeys.map((c) => k[c])), samples[i]!]));
    return (concurrencyGain(table, pairs, value).objects() as Omit<ConcurrencyGainInterval, "gainPctLower" | "gainPctUpper">[]).map((g) => {
      const setting = SETTING_KEYS.map((k) => g[k]);
      const sample = (fn: string) => sampleOf.get(JSON.stringify([...setting, g.runtime, fn]));
      const interval = gainInterval(sample(g.base), sample(g.variant), g.gainPct, [...setting, g.runtime, g.variant], o);
      return { ...g, gainPctLower: interval?.lower ?? null, gainPctUpper: interval?.upper ?? null };
    });
  });
}

/** The interval of one gain, or null when either side has no values or the gain is undefined. */
export function gainInterval(
  base: TrialSample | undefined,
  variant: TrialSample | undefined,
  estimate: number | null,
  stream: (string | number)[],
  o: BootstrapOptions,
): Interval | null {
  if (!base?.pooled.length || !variant?.pooled.length || estimate === null) return null;
  const median = stat.median();
  const draw = (sample: TrialSample, side: string) => drawReplicates(sample, median, o, seededRandom(deriveSeed(o.seed, "concurrency-gain", side, ...stream)));
  const [b, v] = [draw(base, "base"), draw(variant, "variant")];
  const gains = new Float64Array(o.resamples);
  // A replicate whose variant median is 0 has no finite gain: it pushes the upper end to Infinity, as for the PI.
  for (let i = 0; i < gains.length; i++) gains[i] = v.replicates[i]! > 0 ? (b.replicates[i]! / v.replicates[i]! - 1) * 100 : Infinity;
  // The gain is a ratio: each median contributes its relative variance to the gain's.
  const relative = (d: typeof b, sample: TrialSample) => ({
    contribution: d.calibration.variance / estimateOfSorted(sample.pooled, median) ** 2,
    df: d.calibration.df,
  });
  return calibratedInterval(estimate, gains, o.confidence, false, combinedDf([relative(b, base), relative(v, variant)]));
}
